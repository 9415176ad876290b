// Chromium driven over plain CDP on its debugging pipe, for the figures an observer would distort.
// Playwright enables the Network domain for every page, so the browser process copies each WebSocket
// frame to the driver: during a 200 MB flood that cost a fifth of a core and halved the rate seen. Here
// no domain is enabled at all (Runtime.evaluate and Input work without one), so nothing is reported
// per frame; the only traffic is what the bench itself asks for.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { chromiumArgs } from '../../e2e/chromium';
import { CHROMIUM_PATH, instrumentation, VIEWPORT } from './browser';

const Reply = z.object({
  id: z.number(),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ message: z.string() }).optional(),
});

const EvaluateResult = z.object({
  result: z.object({ value: z.unknown().optional() }),
  exceptionDetails: z
    .object({ text: z.string(), exception: z.object({ description: z.string().optional() }).optional() })
    .optional(),
});

const COMMAND_TIMEOUT_MS = 60_000;

/** One Chromium over its pipe (fd 3 in, fd 4 out, messages separated by NUL). */
export class CdpBrowser {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: z.infer<typeof Reply>) => void>();
  private buffered = '';

  private constructor(
    readonly child: ChildProcess,
    private readonly toBrowser: Writable,
    private readonly profile: string,
  ) {
    const fromBrowser = child.stdio[4] as Readable;
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => this.receive(chunk));
  }

  static async launch(): Promise<CdpBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'tabterm-bench-cdp-'));
    const child = spawn(
      CHROMIUM_PATH,
      [
        ...chromiumArgs,
        '--headless',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
        '--no-default-browser-check',
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const browser = new CdpBrowser(child, child.stdio[3] as Writable, profile);
    await browser.send('Browser.getVersion');
    return browser;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('Chromium has no pid');
    return this.child.pid;
  }

  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CDP ${method} timed out`)), COMMAND_TIMEOUT_MS);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(`CDP ${method}: ${reply.error.message}`));
        else resolve(reply.result ?? {});
      });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** A fresh browser context (own storage) with one page at the bench viewport, not yet navigated. */
  async newPage(withInstrumentation: boolean): Promise<CdpPage> {
    const { browserContextId } = await this.send('Target.createBrowserContext');
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new CdpPage(this, String(sessionId), String(targetId), String(browserContextId));
    await page.send('Emulation.setDeviceMetricsOverride', {
      width: VIEWPORT.width,
      height: VIEWPORT.height,
      deviceScaleFactor: 1,
      mobile: false,
    });
    // A headless page is never the focused window; xterm only takes keys in a focused document.
    await page.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    if (withInstrumentation) {
      // Init scripts only run once the Page domain is on; it reports navigations, never socket frames.
      await page.send('Page.enable');
      await page.send('Page.addScriptToEvaluateOnNewDocument', { source: await instrumentation() });
    }
    return page;
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.send('Browser.close').catch(() => this.child.kill('SIGKILL'));
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    rmSync(this.profile, { recursive: true, force: true });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    for (let end = this.buffered.indexOf('\0'); end >= 0; end = this.buffered.indexOf('\0')) {
      const text = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      const parsed = Reply.safeParse(JSON.parse(text));
      // Events (no id): none are subscribed to, but the target lifecycle still sends a few.
      if (!parsed.success) continue;
      this.pending.get(parsed.data.id)?.(parsed.data);
      this.pending.delete(parsed.data.id);
    }
  }
}

export class CdpPage {
  constructor(
    private readonly browser: CdpBrowser,
    private readonly sessionId: string,
    private readonly targetId: string,
    private readonly contextId: string,
  ) {}

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.sessionId);
  }

  /** Loads `url` and waits for its load event (polled: no Page events are subscribed to). */
  async goto(url: string): Promise<void> {
    await this.send('Page.navigate', { url });
    const deadline = Date.now() + 30_000;
    while ((await this.evaluate('document.readyState')) !== 'complete') {
      if (Date.now() > deadline) throw new Error(`${url} did not load`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Evaluates an expression (awaiting a promise it returns) and gives back its JSON value. */
  async evaluate(expression: string): Promise<unknown> {
    const raw = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    const reply = EvaluateResult.parse(raw);
    if (reply.exceptionDetails) {
      const details = reply.exceptionDetails;
      throw new Error(`page: ${details.exception?.description ?? details.text}`);
    }
    return reply.result.value;
  }

  /** Types text into the focused element as one input event, then Enter as a key. */
  async typeLine(text: string): Promise<void> {
    await this.send('Input.insertText', { text });
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', text: '\r', ...enter });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
  }

  async close(): Promise<void> {
    await this.browser.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
    await this.browser
      .send('Target.disposeBrowserContext', { browserContextId: this.contextId })
      .catch(() => undefined);
  }
}
