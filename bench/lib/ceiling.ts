// Serves and runs the ceiling page (page/ceiling.ts) in a CDP-driven Chromium: a bare xterm fed the
// throughput file from memory, same size and options as the Tabterm tab measured in the same run.
import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { z } from 'zod';
import type { CdpBrowser } from './cdp';

const CeilingRun = z.object({ seconds: z.number(), chars: z.number(), hash: z.number() });
export type CeilingRun = z.infer<typeof CeilingRun>;

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, '../page/ceiling.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no ceiling script');
  return file.text;
}

function xtermCss(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@xterm/xterm/css/xterm.css'), 'utf8');
}

async function serve(html: string, filePath: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    } else if (request.url === '/source.txt') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      createReadStream(filePath).pipe(response);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Loads the file into a fresh ceiling page at `cols`×`rows`, then times xterm parsing all of it. */
export async function runCeiling(
  browser: CdpBrowser,
  filePath: string,
  size: { cols: number; rows: number },
): Promise<CeilingRun> {
  const script = await pageScript();
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><style>${xtermCss()}\n` +
    'html,body{margin:0;height:100%;background:#000}#terminal{width:100%;height:100%}</style></head>' +
    `<body><div id="terminal"></div><script>${script}</script></body></html>`;
  const { server, url } = await serve(html, filePath);
  const page = await browser.newPage(false);
  try {
    await page.goto(url);
    // Fonts first: the Tabterm page has long finished loading its own by the time it is measured.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.evaluate(`window.__ceiling.load('/source.txt', ${size.cols}, ${size.rows})`);
    return CeilingRun.parse(await page.evaluate('window.__ceiling.run()'));
  } finally {
    await page.close();
    await new Promise((done) => server.close(done));
  }
}
