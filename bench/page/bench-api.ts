// The contract between the bench (Node) and its instrumentation inside the page (page/instrument.ts),
// and the renderer's probe (`window.__tabtermProbe`, called by src/renderer when it exists).
import { z } from 'zod';

/** The renderer calls these when `window.__tabtermProbe` was defined before the app loaded. */
export interface TabtermProbe {
  /** A chunk of replay or live output that xterm has just parsed (from its write callback). */
  parsed(sessionId: string, data: string): void;
  /** A tab's session is attached and ready. */
  attached(tabId: string, sessionId: string): void;
}

export interface BenchPageApi {
  call(method: string, args: readonly unknown[]): unknown;
}

declare global {
  interface Window {
    __tabtermProbe?: TabtermProbe;
    __bench?: BenchPageApi;
  }
}

/**
 * How "xterm parsed it" is observed: `probe` through the renderer's probe; `ack` through the flow-control
 * acks the renderer sends from xterm's write callback (seen by wrapping the page's WebSocket).
 */
export const MeasureMode = z.enum(['undecided', 'probe', 'ack']);
export type MeasureMode = z.infer<typeof MeasureMode>;

/** The next keydown whose `key` equals `key`, ignoring case (event.timeStamp: includes time queued behind work). */
export const StartTrigger = z.object({ kind: z.literal('keydown'), key: z.string() });
export type StartTrigger = z.infer<typeof StartTrigger>;

export const PageStatus = z.object({
  mode: MeasureMode,
  probeCalls: z.number(),
  /** Main-thread milliseconds the instrumentation itself has used so far. */
  overheadMs: z.number(),
  /** tabId → sessionId, from terminal_ready frames and probe `attached` calls. */
  sessions: z.record(z.string(), z.string()),
  visibleTabId: z.string().nullable(),
  /** Per session: characters received, parsed (probe or acks), and the last few characters seen. */
  streams: z.record(
    z.string(),
    z.object({ received: z.number(), parsed: z.number(), tail: z.string(), lastDataAt: z.number() }),
  ),
});
export type PageStatus = z.infer<typeof PageStatus>;

/** Times are page `performance.now()` milliseconds. */
export const WatchResult = z.object({
  start: z.number().nullable(),
  /** The first terminal_input sent after the start (null for tab switches). */
  inputAt: z.number().nullable(),
  /** When the pattern was found in the stream: on arrival (ack mode) or once parsed (probe mode). */
  matchedAt: z.number().nullable(),
  end: z.number().nullable(),
});
export type WatchResult = z.infer<typeof WatchResult>;

export const CaptureResult = z.object({
  startAt: z.number().nullable(),
  endAt: z.number().nullable(),
  captured: z.number(),
  hash: z.number(),
});
export type CaptureResult = z.infer<typeof CaptureResult>;

export const ReplayRecord = z.object({
  sessionId: z.string(),
  chars: z.number(),
  /** When this page sent terminal_attach for the session (null if it spawned instead). */
  attachSentAt: z.number().nullable(),
  /** Chars of the visible screen sent beside the replay (0 when none): parsed first. */
  screenChars: z.number(),
  arrivedAt: z.number(),
  /** The screen (or, without one, the whole replay) was parsed. */
  screenParsedAt: z.number().nullable(),
  /** The first frame after the screen (or, without one, the whole replay) was parsed. */
  screenPaintedAt: z.number().nullable(),
  parsedAt: z.number().nullable(),
});
export type ReplayRecord = z.infer<typeof ReplayRecord>;
