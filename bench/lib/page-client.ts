// Typed calls into the page instrumentation (page/instrument.ts); every answer is validated, since it
// crosses from the browser into the bench.
import type { Locator, Page } from '@playwright/test';
import { z } from 'zod';
import {
  CaptureResult,
  MeasureMode,
  PageStatus,
  ReplayRecord,
  type StartTrigger,
  WatchResult,
} from '../page/bench-api';
import { waitFor } from './wait';

export interface CompletedWatch {
  start: number;
  inputAt: number | null;
  matchedAt: number | null;
  end: number;
}

/** Runs `window.__bench.call(method, args)` in the page and returns its (JSON) answer. */
export type BenchCall = (method: string, args: unknown[]) => Promise<unknown>;

/** The expression a plain CDP driver evaluates for a BenchCall (cdp.ts). */
export function benchCallExpression(method: string, args: unknown[]): string {
  return `window.__bench.call(${JSON.stringify(method)}, ${JSON.stringify(args)})`;
}

/** The instrumentation's calls, whatever drives the page (Playwright here, plain CDP for throughput). */
export class BenchCalls {
  constructor(private readonly run: BenchCall) {}

  private async call<T>(schema: z.ZodType<T>, method: string, ...args: unknown[]): Promise<T> {
    return schema.parse(await this.run(method, args));
  }

  status(): Promise<PageStatus> {
    return this.call(PageStatus, 'status');
  }

  /** Fixes how parse completion is observed (probe if the renderer called it, else acks). */
  decide(): Promise<MeasureMode> {
    return this.call(MeasureMode, 'decide');
  }

  now(): Promise<number> {
    return this.call(z.number(), 'now');
  }

  /** Watches for `pattern` in what xterm parses of the session from now on; starts at `trigger`. */
  watch(sessionId: string, pattern: string, trigger: StartTrigger): Promise<number> {
    return this.call(z.number(), 'watch', sessionId, pattern, trigger);
  }

  async watchDone(id: number, timeoutMs = 15_000): Promise<CompletedWatch> {
    return waitFor(
      async () => {
        const r = await this.call(WatchResult, 'watchResult', id);
        return r.start !== null && r.end !== null ? { ...r, start: r.start, end: r.end } : null;
      },
      `watch ${id} to complete`,
      timeoutMs,
      2,
    );
  }

  capture(sessionId: string, marker: string, length: number): Promise<number> {
    return this.call(z.number(), 'capture', sessionId, marker, length);
  }

  captureResult(id: number): Promise<CaptureResult> {
    return this.call(CaptureResult, 'captureResult', id);
  }

  armSwitch(tabId: string): Promise<number> {
    return this.call(z.number(), 'armSwitch', tabId);
  }

  async switchDone(id: number, timeoutMs = 10_000): Promise<{ start: number; end: number }> {
    return waitFor(
      async () => {
        const r = await this.call(WatchResult, 'switchResult', id);
        return r.start !== null && r.end !== null ? { start: r.start, end: r.end } : null;
      },
      `tab switch ${id} to be painted`,
      timeoutMs,
      2,
    );
  }

  replays(): Promise<ReplayRecord[]> {
    return this.call(z.array(ReplayRecord), 'replays');
  }

  terminalSize(tabId: string): Promise<{ cols: number; rows: number } | null> {
    return this.call(z.object({ cols: z.number(), rows: z.number() }).nullable(), 'terminalSize', tabId);
  }

  screenBox(): Promise<{ width: number; height: number } | null> {
    return this.call(z.object({ width: z.number(), height: z.number() }).nullable(), 'screenBox');
  }

  /** Waits until the visible tab has a session whose output ends in a prompt; returns its ids. */
  async visibleShell(timeoutMs = 20_000): Promise<{ tabId: string; sessionId: string }> {
    return waitFor(
      async () => {
        const s = await this.status();
        const tabId = s.visibleTabId;
        const sessionId = tabId ? s.sessions[tabId] : undefined;
        const stream = sessionId ? s.streams[sessionId] : undefined;
        if (!tabId || !sessionId || !stream) return null;
        const idle = stream.parsed >= stream.received && /\$ $/.test(stream.tail);
        return idle ? { tabId, sessionId } : null;
      },
      'the visible tab to show a prompt',
      timeoutMs,
      20,
    );
  }

  /** Waits until a session's output has been quiet (all parsed, nothing new) for `quietMs`. */
  async quiet(sessionId: string, quietMs = 150, timeoutMs = 15_000): Promise<void> {
    await waitFor(
      async () => {
        const [s, now] = await Promise.all([this.status(), this.now()]);
        const stream = s.streams[sessionId];
        return stream && stream.parsed >= stream.received && now - stream.lastDataAt >= quietMs;
      },
      `session ${sessionId} to go quiet`,
      timeoutMs,
      20,
    );
  }
}

export class PageClient extends BenchCalls {
  constructor(readonly page: Page) {
    super((name, params) =>
      page.evaluate(
        ({ name, params }) => {
          if (!window.__bench) throw new Error('the bench instrumentation is not installed in this page');
          return window.__bench.call(name, params);
        },
        { name, params },
      ),
    );
  }

  /**
   * Resizes the viewport until the visible tab's terminal is `cols`×`rows` (xterm fits itself to the
   * page, so the viewport is the only handle). Returns the size reached.
   */
  async sizeTerminal(tabId: string, cols: number, rows: number): Promise<{ cols: number; rows: number }> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const size = await waitFor(() => this.terminalSize(tabId), 'the terminal size', 10_000);
      if (size.cols === cols && size.rows === rows) return size;
      const box = await waitFor(() => this.screenBox(), 'the terminal on screen', 10_000);
      const viewport = this.page.viewportSize() ?? { width: 1200, height: 760 };
      const cellWidth = box.width / size.cols;
      const cellHeight = box.height / size.rows;
      await this.page.setViewportSize({
        width: Math.round(viewport.width + (cols - size.cols) * cellWidth + (cols > size.cols ? 1 : 0)),
        height: Math.round(viewport.height + (rows - size.rows) * cellHeight + (rows > size.rows ? 1 : 0)),
      });
      await waitFor(
        async () => {
          const now = await this.terminalSize(tabId);
          return now && (now.cols !== size.cols || now.rows !== size.rows);
        },
        'the terminal to follow the viewport',
        3_000,
      ).catch(() => null);
    }
    return waitFor(() => this.terminalSize(tabId), 'the terminal size', 10_000);
  }

  // ── the app, as a person sees it ───────────────────────────────────────────────────────────

  terminalTabs(): Locator {
    return this.page.getByRole('tablist', { name: 'Terminal tabs' }).getByRole('tab');
  }

  /** Clicks into the visible terminal so keys reach xterm. */
  async focusTerminal(): Promise<void> {
    await this.page.getByRole('tabpanel').locator('.terminal-view:not([hidden]) .xterm-screen').click();
  }
}
