// Tuning numbers in one place, named, so a change is a one-line diff with a reason.

export const RingBufferDefaults = {
  /** Lines kept per session for replay (DESIGN.md §4). */
  maxLines: 2000,
  /** Byte cap so one endless line cannot grow a ring without bound. */
  maxBytes: 4 * 1024 * 1024,
} as const;

export const FlowControl = {
  /**
   * A sliding window, not stop-and-wait: the PTY pauses once a client has this many chars sent and not
   * yet parsed... VS Code pauses at 100 000 and resumes at 5 000, which with 64 KiB batches leaves
   * xterm with nothing to parse while the resume travels to the PTY and the next batch back (measured
   * idle more than half the time during a flood). The window is also what Ctrl+C in a flood waits for:
   * everything in flight is parsed before the prompt. Measured side by side (full bench, `yes` flood,
   * median / worst of 5): 256 KiB took Ctrl+C to 93 / 121 ms, 128 KiB 50 / 109 ms (before: 38 / 66 ms);
   * 200 MB `cat` went at 14.6 and 14.4 MB/s with them (9.3 before).
   */
  highWatermarkChars: 128 * 1024,
  /**
   * ...and resumes once every client is back below this: half the window is still queued in the page
   * while the resume and the next batch travel, so xterm does not run dry.
   */
  lowWatermarkChars: 64 * 1024,
  /** Clients ack after parsing at least this many chars (and on idle). */
  ackEveryChars: 5_000,
  /** A pause held this long by some viewers while another is caught up makes them fall behind. */
  slowViewerMs: 2_000,
  /** A connection whose unsent queue exceeds this (it acks without reading) falls behind at once. */
  maxBacklogBytes: 2 * 1024 * 1024,
} as const;

export const Batching = {
  /** Output is coalesced for this long per session... */
  intervalMs: 5,
  /** ...unless the session was idle and the chunk is small, so echo never waits. */
  immediateMaxChars: 256,
  /**
   * A batch is flushed early once it reaches this size. Kept to half the flow-control window
   * so a client has a batch queued while the next one travels; 128 KiB and 256 KiB measured no better.
   */
  maxBatchChars: 64 * 1024,
} as const;

export const Heartbeat = {
  /** Hub pings the session host this often. */
  intervalMs: 2_000,
  /** No pong for this long: the host is reported unresponsive. */
  unresponsiveAfterMs: 8_000,
} as const;

export const HostRestart = {
  /** Restarts in a row before the hub gives up and shows an error state. */
  maxConsecutive: 5,
  /** Backoff before restart n (1-based) is baseMs * 2^(n-1), capped. */
  backoffBaseMs: 250,
  backoffMaxMs: 4_000,
  /** A host that lived this long resets the consecutive-restart count. */
  stableAfterMs: 30_000,
} as const;

export const Shutdown = {
  /** SIGHUP, then this long, then SIGKILL for what is left. */
  graceMs: 1_500,
  /** Quit waits for every session in parallel under this one timeout. */
  totalTimeoutMs: 5_000,
} as const;

export const SessionLimits = {
  /** Default cap on live sessions (configurable). */
  maxSessions: 100,
  minCols: 2,
  maxCols: 1000,
  minRows: 1,
  maxRows: 500,
  /** Largest single input or message payload accepted from a client. */
  maxInputChars: 1024 * 1024,
} as const;

/**
 * What a spawn may carry to the session host. Linux refuses a single argument or environment string
 * over 128 KiB (MAX_ARG_STRLEN) and all of them together over about 2 MiB, so larger requests could
 * only fail later, inside exec, with a less clear error.
 */
export const SpawnLimits = {
  maxPathChars: 4096,
  maxArgs: 1024,
  maxEnvEntries: 4096,
  maxStringChars: 128 * 1024,
  maxTotalChars: 2 * 1024 * 1024,
} as const;

export const NameRules = {
  workspaceMax: 40,
  tabMax: 64,
} as const;

export const Persistence = {
  /** A changed store is written once changes pause this long... */
  debounceMs: 250,
  /** ...but no later than this after the first unsaved change, so a steady stream still gets saved. */
  maxWaitMs: 1_000,
  /** At most one write per this interval under a burst (each write is two fsynced files). */
  minWriteIntervalMs: 250,
  /** After a failed write (disk full, permissions), the next attempt waits this long. */
  retryAfterFailureMs: 2_000,
  /** Temp files of an interrupted atomic write older than this are removed when a store opens. */
  staleTempFileMs: 60_000,
} as const;

export const WindowDefaults = {
  width: 1000,
  height: 700,
  minWidth: 480,
  minHeight: 300,
  /** A restored window keeps at least this much of itself on some display, else it is re-centred. */
  minVisiblePx: 80,
  /** Offset of a new window from the focused one, so it does not hide it exactly. */
  cascadePx: 28,
} as const;

export const StatusPolling = {
  /** The session host reads each active session's foreground process from /proc at most this often. */
  intervalMs: 500,
  /** A session is polled while it had input or output within this window; idle sessions cost nothing. */
  activeWindowMs: 1_500,
  /** `lastOutputAt` moves at most this often, so a flood sends at most one status a second. */
  lastOutputThrottleMs: 1_000,
} as const;

export const StatusUpdates = {
  /**
   * Each session's status (title, cwd, running program, bells) reaches clients at most this often: the
   * first change at once, later ones merged (a title-changing loop must not flood idle windows).
   */
  intervalMs: 100,
} as const;

export const HostChannel = {
  /** The session host pauses every PTY while this many bytes it sent are not yet written to the channel... */
  highWatermarkBytes: 1024 * 1024,
  /** ...and resumes them once the backlog is down to this. */
  lowWatermarkBytes: 256 * 1024,
} as const;

export const Reaping = {
  /** While ending a session, /proc is rescanned this often to catch processes forked during the grace. */
  scanIntervalMs: 50,
  /**
   * Sessions whose shell exited are remembered so their leftovers die at shutdown. Once that list doubles
   * (from this size on), the ones that left no process are forgotten, so it cannot grow forever.
   */
  exitedPruneFrom: 64,
} as const;

export const ScrollbackSaving = {
  /** A session with new output has its history saved at most this often. */
  intervalMs: 5_000,
  /** Characters of history kept on disk per tab. */
  maxCharsPerTab: 1_000_000,
  /** On quit, saving every tab's history may take this long before the sessions are ended. */
  quitTimeoutMs: 1_500,
} as const;

export const WindowFollow = {
  /**
   * A window shows the answer to its own request (a workspace it created, a tab it opened in another
   * workspace) when the hub's layout carries it within this long; later, it is taken for another
   * window's doing and the window stays where it is.
   */
  requestTimeoutMs: 5_000,
} as const;

/**
 * How a window feeds output of tabs it does not show into their terminals (renderer,
 * terminal/feed-queue.ts): in bounded slices, so a flooding background tab cannot take the main
 * thread from the tab on screen. Acks follow parsing, so flow control slows the flooding program.
 */
export const HiddenFeed = {
  /** At most this many chars handed to one hidden tab's terminal at a time. */
  sliceChars: 16_384,
  /** At most this many chars, across all hidden tabs, per tick. */
  tickChars: 16_384,
  /** Ticks start at least this far apart (one frame at 60 Hz). */
  tickMs: 16,
} as const;

/** How a replay is handed to the terminal of the tab on screen (renderer, terminal/replay-pieces.ts). */
export const ReplayFeed = {
  /**
   * Slices of the replay parsed behind the painted screen: each a few ms of parsing, so xterm yields to
   * input and paint between them.
   */
  sliceChars: 32_768,
} as const;

export const PathLimits = {
  /** Longest path a message may carry (a cwd, a path to open): well past any real one. */
  maxChars: 4096,
} as const;

export const ClipboardLimits = {
  /** Longest text the page may ask main to put on the clipboard (a big selection fits; a flood does not). */
  maxWriteChars: 16 * 1024 * 1024,
} as const;

export const Links = {
  /** Longest URL the terminal, the preload and main will open; a longer "link" is an attack, not an address. */
  maxUrlLength: 8192,
} as const;
