// The benchmark's probe (contract: bench/page/bench-api.ts `TabtermProbe`): a page instrumented
// before the app loads defines `window.__tabtermProbe`, and the session controller tells it what
// xterm parsed and which tab's session is ready. Read once at start, so without it nothing is paid.
export interface TabtermProbe {
  /** A chunk of replay or live output that xterm has just parsed (from its write callback). */
  parsed(sessionId: string, data: string): void;
  /** A tab's session is attached and ready. */
  attached(tabId: string, sessionId: string): void;
}

declare global {
  interface Window {
    __tabtermProbe?: TabtermProbe;
  }
}

/** The probe the page was given before the app loaded, if any. */
export function installedProbe(): TabtermProbe | null {
  return typeof window === 'undefined' ? null : (window.__tabtermProbe ?? null);
}
