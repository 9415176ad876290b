// When does this window attach to a tab's session, spawn one, or leave it alone (DESIGN.md §3)?
// Pure, so the rules can be read and tested in one place; the session controller carries them out.
import type { LayoutTab } from '../../shared/protocol';

/** This window's link to a tab's session. */
export type Attachment =
  | { phase: 'attaching'; sessionId: string }
  | { phase: 'spawning'; sessionId: null }
  | { phase: 'attached'; sessionId: string };

/**
 * - `shown`: the tab just became the one this window shows (switch, load, reconnect).
 * - `layout`: a new layout arrived and the tab is still the one shown.
 * - `retry`: the user clicked the tab that is already shown.
 * - `restart`: the user pressed Enter or clicked inside the terminal.
 */
export type Trigger = 'shown' | 'layout' | 'retry' | 'restart';

export type SessionAction =
  | { kind: 'none' }
  | { kind: 'attach'; sessionId: string }
  | { kind: 'spawn'; cwd: string | null };

const NONE: SessionAction = { kind: 'none' };

export function planSession(tab: LayoutTab, attachment: Attachment | null, trigger: Trigger): SessionAction {
  if (attachment && attachment.phase !== 'attached') return NONE;
  if (attachment && attachment.sessionId === tab.sessionId && tab.state === 'live') return NONE;

  if (trigger === 'layout') {
    // Another window (re)started this tab's session: follow it. A stale tab waits for the user, so
    // a crash does not quietly start shells the user never looks at.
    return tab.state === 'live' && tab.sessionId ? { kind: 'attach', sessionId: tab.sessionId } : NONE;
  }
  if (tab.state === 'exited') {
    return trigger === 'restart' ? { kind: 'spawn', cwd: tab.cwd } : NONE;
  }
  // A stale tab may still have its session (a dropped connection): attach first; the hub answers
  // unknown_session when it is gone and the controller then spawns in the tab's last cwd.
  if (tab.sessionId) return { kind: 'attach', sessionId: tab.sessionId };
  return { kind: 'spawn', cwd: tab.cwd };
}
