// Layout pieces for tests, as main broadcasts them.
import type { LayoutTab } from '../protocol';

/** A live tab running bash in session `s-<id>`; `patch` sets anything else (a stale tab: sessionId null, state 'stale'). */
export function liveTab(id: string, patch: Partial<LayoutTab> = {}): LayoutTab {
  return {
    id,
    title: 'bash',
    customName: null,
    cwd: null,
    profile: null,
    sessionId: `s-${id}`,
    state: 'live',
    exitCode: null,
    ...patch,
  };
}

/** A tab loaded from disk or whose session was lost: no session yet. */
export function staleTab(id: string, patch: Partial<LayoutTab> = {}): LayoutTab {
  return liveTab(id, { sessionId: null, state: 'stale', ...patch });
}
