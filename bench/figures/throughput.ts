// Throughput: `cat` of a big text file in the visible tab of the browser host, counted and checksummed
// in the page after xterm parsed it, against the ceiling (a bare xterm fed the same stream from memory)
// and raw node-pty, all in the same run. The page is driven over plain CDP, never through Playwright.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as nodePty from 'node-pty';
import { z } from 'zod';
import { descendants } from '../../test/support/proc';
import { CdpBrowser, type CdpPage } from '../lib/cdp';
import { type CeilingRun, runCeiling } from '../lib/ceiling';
import type { FigureGroup, GroupResult } from '../lib/context';
import { CpuMeter } from '../lib/cpu-meter';
import { atLeast, measured } from '../lib/figure';
import { hex } from '../lib/hash';
import { BenchCalls, benchCallExpression } from '../lib/page-client';
import { BenchServer } from '../lib/server';
import { ChecksumCapture } from '../lib/stream-scan';
import { type BigFile, writeBigFile } from '../lib/text-files';
import { waitFor } from '../lib/wait';
import { WsClient } from '../lib/ws-client';

const GROUP = 'throughput';
/** Printed by the shell just before the file; the command line shows it quoted, the output joined. */
const START_MARKER = '~~bench-start~~\r\n';
const START_COMMAND = "printf '%s%s\\n' '~~bench' '-start~~'";

interface RawRun {
  seconds: number;
  chars: number;
}

/**
 * node-pty reading `cat` (no IPC, no xterm): the ceiling for this machine. The PTY's own process stays
 * (sleep) after cat: node-pty drops the last few KB of output when the process it spawned exits.
 */
function rawRead(file: BigFile): Promise<RawRun> {
  return new Promise((resolve, reject) => {
    const pty = nodePty.spawn('/bin/sh', ['-c', 'cat "$0"; exec sleep 60', file.path], {
      cols: 120,
      rows: 40,
      encoding: 'utf8',
    });
    let chars = 0;
    let first = 0;
    let last = 0;
    pty.onData((data) => {
      const now = performance.now();
      if (chars === 0) first = now;
      last = now;
      chars += data.length;
      if (chars < file.ptyChars) return;
      clearTimeout(timer);
      pty.kill('SIGKILL');
      if (chars > file.ptyChars)
        reject(new Error(`raw read got ${chars} chars, more than the ${file.ptyChars} sent`));
      else resolve({ seconds: (last - first) / 1000, chars });
    });
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error(`raw read got ${chars} of ${file.ptyChars} chars`));
    }, 120_000);
  });
}

/**
 * The same `cat` through the session host, hub and WebSocket to a Node protocol client that acks on
 * receipt (no xterm): what the pipeline delivers when the renderer is not the limit.
 */
async function protocolRead(file: BigFile): Promise<{ seconds: number; hash: number; captured: number }> {
  const server = await BenchServer.start();
  const client = await WsClient.connect(server.url);
  try {
    const tabId = client.layout().workspaces[0]?.tabIds[0];
    if (!tabId) throw new Error('no tab to spawn');
    const { sessionId } = await client.spawn(tabId);
    await client.waitForTail(sessionId, /\$ $/);
    const capture = new ChecksumCapture(START_MARKER, file.ptyChars);
    let offset = 0;
    let startedAt = 0;
    let endedAt = 0;
    const off = client.on((message, at) => {
      if (message.type !== 'terminal_output' || message.sessionId !== sessionId) return;
      const before = capture.state.startOffset;
      capture.feed(message.data, offset);
      offset += message.data.length;
      if (before === null && capture.state.startOffset !== null) startedAt = at;
      if (capture.state.endOffset !== null && endedAt === 0) endedAt = at;
    });
    client.run(sessionId, `${START_COMMAND}; cat ${file.path}`);
    await waitFor(
      () => endedAt > 0,
      'the file at the protocol client',
      Math.max(120_000, (file.bytes / 1e6) * 2_000),
      20,
    );
    off();
    return {
      seconds: (endedAt - startedAt) / 1000,
      hash: capture.state.hash,
      captured: capture.state.captured,
    };
  } finally {
    client.close();
    await server.dispose();
  }
}

/** Where the page's main thread spent its time, from Chromium's own counters (seconds, while enabled). */
async function mainThreadCounters(page: CdpPage): Promise<() => Promise<Record<string, number>>> {
  await page.send('Performance.enable');
  const wanted = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'];
  return async () => {
    const { metrics } = Metrics.parse(await page.send('Performance.getMetrics'));
    return Object.fromEntries(metrics.filter((m) => wanted.includes(m.name)).map((m) => [m.name, m.value]));
  };
}

const Metrics = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });

interface RendererRun {
  seconds: number;
  mode: string;
  hash: number;
  captured: number;
  size: { cols: number; rows: number };
  /** % of one core during the run, per process group. */
  cpu: Record<string, number>;
  /** Share of the page's main thread during the run: busy, and in script, layout + style. */
  mainThread: { busy: number; script: number; layout: number; instrumentation: number };
}

interface TabtermPage {
  server: BenchServer;
  page: CdpPage;
  client: BenchCalls;
  sessionId: string;
  mode: string;
  size: { cols: number; rows: number };
  close(): Promise<void>;
}

/** Tabterm's page on a fresh browser host, driven over plain CDP (lib/cdp.ts: no per-frame observer). */
async function openTabterm(browser: CdpBrowser): Promise<TabtermPage> {
  const server = await BenchServer.start();
  const page = await browser.newPage(true);
  const close = async () => {
    await page.close();
    await server.dispose();
  };
  try {
    await page.goto(server.url.href);
    const client = new BenchCalls((method, args) => page.evaluate(benchCallExpression(method, args)));
    const { tabId, sessionId } = await client.visibleShell();
    const mode = await client.decide();
    const size = await waitFor(() => client.terminalSize(tabId), 'the terminal size', 10_000);
    return { server, page, client, sessionId, mode, size, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function rendererRead(app: TabtermPage, browser: CdpBrowser, file: BigFile): Promise<RendererRun> {
  const { server, page, client, sessionId, mode, size } = app;
  await page.evaluate(
    "document.querySelector('.terminal-view:not([hidden]) .xterm-helper-textarea').focus()",
  );
  const capture = await client.capture(sessionId, START_MARKER, file.ptyChars);
  const hostPid = server.hostPid() ?? -1;
  const chromium = [browser.pid, ...descendants(browser.pid)];
  const meter = new CpuMeter({ server: [server.pid], host: [hostPid], chromium });
  const mainThreadTimes = await mainThreadCounters(page);
  const timesBefore = await mainThreadTimes();
  const overheadBefore = (await client.status()).overheadMs;
  const wallBefore = performance.now();
  await page.typeLine(`${START_COMMAND}; cat ${file.path}`);
  // At a tenth of the raw rate this would still finish; anything slower is a failure worth seeing.
  const timeoutMs = Math.max(120_000, (file.bytes / 1e6) * 2_000);
  const result = await waitFor(
    async () => {
      const r = await client.captureResult(capture);
      return r.startAt !== null && r.endAt !== null ? r : null;
    },
    'the file to be parsed in the page',
    timeoutMs,
    50,
  );
  const cpu = meter.read();
  const timesAfter = await mainThreadTimes();
  const wall = (performance.now() - wallBefore) / 1000;
  const overhead = ((await client.status()).overheadMs - overheadBefore) / 1000 / wall;
  const share = (...names: string[]) =>
    names.reduce((sum, n) => sum + ((timesAfter[n] ?? 0) - (timesBefore[n] ?? 0)), 0) / wall;
  await client.visibleShell(30_000);
  return {
    seconds: ((result.endAt ?? 0) - (result.startAt ?? 0)) / 1000,
    mode,
    hash: result.hash,
    captured: result.captured,
    size,
    cpu,
    mainThread: {
      busy: share('TaskDuration'),
      script: share('ScriptDuration'),
      layout: share('LayoutDuration', 'RecalcStyleDuration'),
      instrumentation: overhead,
    },
  };
}

/** Both ceiling runs must parse exactly the source, like the Tabterm page. */
function checkCeiling(run: CeilingRun, file: BigFile): void {
  if (run.chars !== file.ptyChars || run.hash !== file.ptyHash) {
    throw new Error(
      `the ceiling page parsed ${run.chars} chars with checksum ${hex(run.hash)}; the source is ${file.ptyChars} chars, ${hex(file.ptyHash)}`,
    );
  }
}

export const throughput: FigureGroup = {
  id: GROUP,
  title: 'Throughput (cat of a big file)',
  async run(context): Promise<GroupResult> {
    const mb = context.config.fileBytes / 1e6;
    context.log(`writing a ${mb} MB text file`);
    const file = writeBigFile(join(context.workDir, 'big.txt'), context.config.fileBytes);
    context.log('raw node-pty read');
    const raw = await rawRead(file);
    const rawRate = mb / raw.seconds;
    context.log(`raw: ${rawRate.toFixed(1)} MB/s`);
    context.log('through the session host, hub and WebSocket to a protocol client');
    const protocol = await protocolRead(file);
    if (protocol.captured !== file.ptyChars || protocol.hash !== file.ptyHash) {
      throw new Error(
        `the protocol client got ${protocol.captured} chars with checksum ${hex(protocol.hash)}`,
      );
    }
    const protocolRate = mb / protocol.seconds;
    const browser = await CdpBrowser.launch();
    try {
      context.log('the bare-xterm ceiling, Tabterm in Chromium over plain CDP, the ceiling again');
      const app = await openTabterm(browser);
      // The ceiling just before and just after Tabterm's run: a change in load shows, and averages out.
      const ceilingRuns: CeilingRun[] = [];
      let page: RendererRun;
      try {
        ceilingRuns.push(await runCeiling(browser, file.path, app.size));
        page = await rendererRead(app, browser, file);
      } finally {
        await app.close();
      }
      ceilingRuns.push(await runCeiling(browser, file.path, page.size));
      if (page.captured !== file.ptyChars || page.hash !== file.ptyHash) {
        throw new Error(
          `the page parsed ${page.captured} chars with checksum ${hex(page.hash)}; the source is ${file.ptyChars} chars, ${hex(file.ptyHash)}`,
        );
      }
      for (const run of ceilingRuns) checkCeiling(run, file);
      const ceilingRates = ceilingRuns.map((run) => mb / run.seconds);
      const ceilingRate = ceilingRates.reduce((a, b) => a + b, 0) / ceilingRates.length;
      const pageRate = mb / page.seconds;
      context.log(
        `Tabterm ${pageRate.toFixed(1)} MB/s, ceiling ${ceilingRates.map((r) => r.toFixed(1)).join(' / ')} MB/s`,
      );
      const pct = (x: number) => `${Math.round(x)} %`;
      const checked =
        `checksum ${hex(page.hash)} = source (${file.ptyChars.toLocaleString('en-US')} chars incl. CR), parse seen via ${page.mode}, ` +
        `${page.size.cols}x${page.size.rows}, driven over plain CDP; ` +
        `page main thread busy ${pct(page.mainThread.busy * 100)} (script ${pct(page.mainThread.script * 100)}, ` +
        `layout+style ${pct(page.mainThread.layout * 100)}, of which this bench's instrumentation ` +
        `${pct(page.mainThread.instrumentation * 100)}); CPU: browser host ${pct(page.cpu.server ?? 0)}, ` +
        `session host ${pct(page.cpu.host ?? 0)}, Chromium ${pct(page.cpu.chromium ?? 0)} of a core`;
      return {
        figures: [
          measured(GROUP, 'raw', `Raw node-pty read of ${mb} MB (reference)`, rawRate, 'MB/s'),
          measured(
            GROUP,
            'ceiling',
            'Ceiling: bare xterm, same build, font and size, fed 64 KiB chunks from memory (reference)',
            ceilingRate,
            'MB/s',
            null,
            `mean of ${ceilingRates.map((r) => r.toFixed(1)).join(' and ')} MB/s (just before and just after Tabterm's run), checksum = source`,
          ),
          measured(
            GROUP,
            'renderer',
            'Tabterm, visible tab (headless Chromium, DOM renderer)',
            pageRate,
            'MB/s',
            null,
            checked,
          ),
          measured(
            GROUP,
            'vs_ceiling',
            'Tabterm / ceiling, same run',
            pageRate / ceilingRate,
            'x',
            atLeast(0.5),
          ),
          measured(
            GROUP,
            'protocol',
            'Protocol client over WebSocket, no xterm (reference: the pipeline alone)',
            protocolRate,
            'MB/s',
            null,
            `checksum ${hex(protocol.hash)} = source; ${(protocolRate / rawRate).toFixed(2)} x raw`,
          ),
        ],
        details: {
          fileBytes: file.bytes,
          lines: file.lines,
          ptyChars: file.ptyChars,
          checksum: hex(file.ptyHash),
          terminalSize: page.size,
          driver: 'plain CDP over --remote-debugging-pipe, no domain enabled but Performance (counters)',
          rawSeconds: raw.seconds,
          rendererSeconds: page.seconds,
          ceilingSeconds: ceilingRuns.map((run) => run.seconds),
          protocolSeconds: protocol.seconds,
          parseObservedVia: page.mode,
          cpuPercentOfCore: page.cpu,
          pageMainThread: page.mainThread,
        },
      };
    } finally {
      await browser.close();
    }
  },
};
