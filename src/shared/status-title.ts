// A tab's automatic title and directory follow its session through `session_status` (the hub broadcasts
// no layout for them, docs/protocol.md): every client applies a status to the tab of its session.
import type { Layout, ServerMessage, SessionStatus } from './protocol';

export function withStatusTitle(layout: Layout, status: SessionStatus): Layout {
  const tab = layout.tabs[status.tabId];
  if (!tab || tab.sessionId !== status.sessionId) return layout;
  const cwd = status.cwd ?? tab.cwd;
  if (tab.title === status.title && tab.cwd === cwd) return layout;
  return { ...layout, tabs: { ...layout.tabs, [tab.id]: { ...tab, title: status.title, cwd } } };
}

/** The last `layout` among `messages` with every later status applied (what a client shows). */
export function latestLayout(messages: readonly ServerMessage[]): Layout | null {
  let layout: Layout | null = null;
  for (const message of messages) {
    if (message.type === 'layout') layout = message.layout;
    else if (message.type === 'session_status' && layout) layout = withStatusTitle(layout, message);
  }
  return layout;
}
