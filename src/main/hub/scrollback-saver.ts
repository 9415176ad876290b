// Each tab's recent output, saved to disk while it runs and given back to the tab's first session
// after a restart (above a dim marker), so history outlives the app. Without a store it does nothing.
import { ScrollbackSaving } from '../../shared/limits';
import type { ScrollbackPersistence } from './hub-options';

export interface SavableSession {
  id: string;
  tabId: string;
  /** Epoch ms of the session's latest output (0 if none yet). */
  lastOutputAt: number;
}

export interface ScrollbackSaverOptions {
  store: ScrollbackPersistence | undefined;
  /** Asks the host for a session's normal-screen history; false when the host cannot be asked. */
  snapshot(sessionId: string, done: (data: string | null) => void): boolean;
  sessions(): Iterable<SavableSession>;
  tabExists(tabId: string): boolean;
}

export class ScrollbackSaver {
  /** Tabs loaded from disk whose history has not been shown in a new session yet. */
  private readonly restoredTabs = new Set<string>();
  /** When each session's history was last saved (epoch ms of the output it contained). */
  private readonly savedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ScrollbackSaverOptions) {}

  /** Tabs that came back from disk: their next session starts with their saved history. */
  restored(tabIds: Iterable<string>): void {
    for (const tabId of tabIds) this.restoredTabs.add(tabId);
  }

  /** Saves every few seconds, and deletes the history of tabs that no longer exist. */
  start(tabIds: ReadonlySet<string>): void {
    const store = this.options.store;
    if (!store) return;
    store.retain(tabIds);
    this.timer = setInterval(() => this.save(false), ScrollbackSaving.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** What a new session of this tab starts with: its saved history and a marker, or nothing. */
  preambleFor(tabId: string, now: Date): string | null {
    if (!this.restoredTabs.has(tabId)) return null;
    const history = this.options.store?.load(tabId) ?? null;
    return history ? `${history}${restoredMarker(now)}` : null;
  }

  /** The tab's history is in its new session now; later sessions start clean. */
  sessionStarted(tabId: string): void {
    this.restoredTabs.delete(tabId);
  }

  sessionEnded(sessionId: string): void {
    this.savedAt.delete(sessionId);
  }

  forgetTab(tabId: string): void {
    this.restoredTabs.delete(tabId);
    this.options.store?.remove(tabId);
  }

  /** Saves the history of sessions with new output (all of them when quitting), within the quit timeout. */
  save(all: boolean): Promise<void> {
    const { store, snapshot, tabExists } = this.options;
    if (!store) return Promise.resolve();
    const requests = [...this.options.sessions()].flatMap((session) => {
      if (!all && session.lastOutputAt <= (this.savedAt.get(session.id) ?? 0)) return [];
      return [
        new Promise<void>((resolve) => {
          const sent = snapshot(session.id, (data) => {
            if (data !== null && tabExists(session.tabId)) {
              store.save(session.tabId, data);
              this.savedAt.set(session.id, session.lastOutputAt);
            }
            resolve();
          });
          if (!sent) resolve();
        }),
      ];
    });
    const timeout = new Promise<void>((resolve) =>
      setTimeout(resolve, ScrollbackSaving.quitTimeoutMs).unref(),
    );
    return Promise.race([Promise.all(requests).then(() => {}), timeout]);
  }
}

/** Shown between restored history and the new shell (dim, on its own line). */
export function restoredMarker(when: Date): string {
  const stamp = when.toISOString().replace('T', ' ').slice(0, 16);
  return `\r\n\x1b[0m\x1b[2m── restored ${stamp} UTC ──\x1b[0m\r\n`;
}
