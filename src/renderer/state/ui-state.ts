// What this window knows: the layout main broadcasts, the connection, settings, host health,
// notices, the workspace this window shows, and per-tab indicators (status, unseen activity, bell)
// that only the client can compute.
// A pure reducer: every change is an event, the same state and event always give the same result.
import type { ConnectionState } from '../../shared/bridge';
import type { HostState, Layout, ProfileInfo, ServerMessage, SessionStatus } from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import { withStatusTitle } from '../../shared/status-title';
import {
  activateLocally,
  type LocalActivation,
  reconcileActivation,
  withActivation,
} from './local-activation';
import { shownWorkspace, visibleTabId } from './selectors';
import { awaitTab, awaitWorkspace, followLayout, type PendingShow } from './workspace-follow';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  level: NoticeLevel;
  code: string;
  message: string;
}

export interface TabIndicators {
  status: SessionStatus | null;
  /** Output arrived while the tab was not shown. */
  unseen: boolean;
  /** A bell rang while the tab was not shown. */
  bell: boolean;
  /** Client time the tab was last hidden; null: not shown in this window since load. */
  hiddenSince: number | null;
}

export interface HostInfo {
  state: HostState;
  restarts: number;
  message: string | null;
}

export interface UiState {
  connection: ConnectionState;
  layout: Layout | null;
  settings: Settings;
  /** Where settings.json is, once main has said. */
  settingsPath: string | null;
  /** The profiles a new tab can start (main's `profiles` message), in menu order. */
  profiles: readonly ProfileInfo[];
  defaultProfile: string | null;
  host: HostInfo | null;
  notices: readonly Notice[];
  nextNoticeId: number;
  tabs: Readonly<Record<string, TabIndicators>>;
  /**
   * The workspace this window shows: its own, not the hub's `activeWorkspaceId` (workspace-follow.ts).
   * Before the first layout, the one the page was opened with (`?workspace=`), if any.
   */
  shownWorkspaceId: string | null;
  /** A request of this window (a new workspace, a tab opened elsewhere) it will show the answer to. */
  pendingShow: PendingShow | null;
  /** The tab shown the last time the layout or the shown workspace changed, to notice when it is hidden. */
  shownTabId: string | null;
  /**
   * A tab this window activated that the hub's layouts do not show active yet (local-activation.ts).
   * `layout` already has it in place.
   */
  localActivation: LocalActivation | null;
}

export type UiEvent =
  | { kind: 'server'; message: ServerMessage; now: number }
  | { kind: 'connection'; state: ConnectionState }
  /** Live output reached a tab this window is attached to. */
  | { kind: 'output'; tabId: string }
  | { kind: 'notice'; level: NoticeLevel; code: string; message: string }
  | { kind: 'dismiss'; id: number }
  /** The user picked a workspace in this window. */
  | { kind: 'show_workspace'; workspaceId: string; now: number }
  /** The user activated a tab in the workspace this window shows (`tab_activate` is on its way). */
  | { kind: 'activate_tab'; tabId: string; now: number }
  /** This window sent `workspace_create`: it shows the new workspace when it appears. */
  | { kind: 'workspace_requested'; now: number }
  /** This window sent `tab_create` for a workspace: it shows that workspace once the tab is there. */
  | { kind: 'tab_requested'; workspaceId: string; now: number };

/** Notices kept on screen at once; older ones give way. */
export const MAX_NOTICES = 4;
/**
 * `lastOutputAt` is updated at most once a second, so a status arriving just after a tab was hidden
 * may describe output the user saw. Output later than this after hiding counts as unseen.
 */
export const STATUS_SETTLE_MS = 1_500;

/** `workspaceId`: the workspace the page was opened to show (Electron's and `window.new`'s `?workspace=`). */
export function initialUiState(settings: Settings, workspaceId: string | null = null): UiState {
  return {
    connection: 'connecting',
    layout: null,
    settings,
    settingsPath: null,
    profiles: [],
    defaultProfile: null,
    host: null,
    notices: [],
    nextNoticeId: 1,
    tabs: {},
    shownWorkspaceId: workspaceId,
    pendingShow: null,
    shownTabId: null,
    localActivation: null,
  };
}

const NO_INDICATORS: TabIndicators = { status: null, unseen: false, bell: false, hiddenSince: null };

function indicators(state: UiState, tabId: string): TabIndicators {
  return state.tabs[tabId] ?? NO_INDICATORS;
}

function withTab(state: UiState, tabId: string, next: TabIndicators): UiState {
  return { ...state, tabs: { ...state.tabs, [tabId]: next } };
}

export function addNotice(state: UiState, level: NoticeLevel, code: string, message: string): UiState {
  // The same problem twice (say, two refused renames) is one banner, not a stack of them.
  if (state.notices.some((n) => n.code === code && n.message === message)) return state;
  const notice: Notice = { id: state.nextNoticeId, level, code, message };
  return {
    ...state,
    notices: [...state.notices, notice].slice(-MAX_NOTICES),
    nextNoticeId: state.nextNoticeId + 1,
  };
}

/** Indicators after the layout or the shown workspace changed: the shown tab is seen, the one before is hidden now. */
function withShownTab(state: UiState, layout: Layout, now: number): UiState {
  const shown = visibleTabId(layout, state.shownWorkspaceId);
  const tabs: Record<string, TabIndicators> = {};
  for (const id of Object.keys(layout.tabs)) {
    const current = indicators(state, id);
    if (id === shown) tabs[id] = { ...current, unseen: false, bell: false };
    else if (id === state.shownTabId) tabs[id] = { ...current, hiddenSince: now };
    else tabs[id] = current;
  }
  return { ...state, layout, tabs, shownTabId: shown };
}

function onLayout(state: UiState, hubLayout: Layout, now: number): UiState {
  const localActivation = reconcileActivation(state.localActivation, hubLayout, now);
  const layout = withActivation(hubLayout, localActivation);
  const follow = followLayout(
    { shownWorkspaceId: state.shownWorkspaceId, pending: state.pendingShow },
    layout,
    now,
  );
  return withShownTab(
    { ...state, shownWorkspaceId: follow.shownWorkspaceId, pendingShow: follow.pending, localActivation },
    layout,
    now,
  );
}

function showWorkspace(state: UiState, workspaceId: string, now: number): UiState {
  const { layout } = state;
  if (!layout?.workspaces.some((w) => w.id === workspaceId) || workspaceId === state.shownWorkspaceId)
    return state;
  // The user's own choice wins over an answer still on its way.
  return withShownTab({ ...state, shownWorkspaceId: workspaceId, pendingShow: null }, layout, now);
}

function activateTab(state: UiState, tabId: string, now: number): UiState {
  const { layout } = state;
  if (!layout || (state.localActivation === null && tabId === visibleTabId(layout, state.shownWorkspaceId)))
    return state;
  const workspaceId = shownWorkspace(layout, state.shownWorkspaceId)?.id ?? null;
  const localActivation = activateLocally(layout, workspaceId, tabId, now);
  if (!localActivation) return state;
  return withShownTab({ ...state, localActivation }, withActivation(layout, localActivation), now);
}

function onStatus(state: UiState, status: SessionStatus, now: number): UiState {
  const layout = state.layout;
  if (!layout?.tabs[status.tabId]) return state;
  const titled = withStatusTitle(layout, status);
  const base = titled === layout ? state : { ...state, layout: titled };
  const current = indicators(base, status.tabId);
  const previous = current.status?.sessionId === status.sessionId ? current.status : null;
  const hidden = status.tabId !== base.shownTabId;
  const settled = current.hiddenSince === null || now - current.hiddenSince >= STATUS_SETTLE_MS;
  const newOutput = previous !== null && status.lastOutputAt > previous.lastOutputAt;
  const newBell = previous !== null && status.bells > previous.bells;
  return withTab(base, status.tabId, {
    ...current,
    status,
    unseen: current.unseen || (hidden && settled && newOutput),
    bell: current.bell || (hidden && newBell),
  });
}

function onServer(state: UiState, message: ServerMessage, now: number): UiState {
  // Anything from the main side means the link works (a bridge may not report `open` itself).
  const next = state.connection === 'connecting' ? { ...state, connection: 'open' as const } : state;
  switch (message.type) {
    case 'layout':
      return onLayout(next, message.layout, now);
    case 'session_status': {
      const { type: _type, ...status } = message;
      return onStatus(next, status, now);
    }
    case 'settings':
      return { ...next, settings: message.settings, settingsPath: message.path ?? next.settingsPath };
    case 'profiles':
      return { ...next, profiles: message.profiles, defaultProfile: message.defaultProfile };
    case 'host_status':
      return {
        ...next,
        host: { state: message.state, restarts: message.restarts, message: message.message },
      };
    case 'app_notice': {
      if (!message.code.startsWith('settings_'))
        return addNotice(next, message.level, message.code, message.message);
      // A settings notice says what the file holds now: it replaces the last one, and a valid file clears it.
      const others = { ...next, notices: next.notices.filter((n) => !n.code.startsWith('settings_')) };
      if (message.code === 'settings_valid') return others;
      return addNotice(others, message.level, message.code, message.message);
    }
    case 'terminal_error':
      // unknown_session is the normal answer to attaching a session that died; the session
      // controller respawns, so it is not the user's concern.
      if (message.code === 'unknown_session') return next;
      return addNotice(next, 'error', message.code, message.message);
    case 'terminal_ready':
    case 'terminal_replay':
    case 'terminal_output':
    case 'terminal_closed':
    case 'terminal_stale':
    case 'layout_saved':
      return next;
    default:
      return message satisfies never;
  }
}

export function reduce(state: UiState, event: UiEvent): UiState {
  switch (event.kind) {
    case 'server':
      return onServer(state, event.message, event.now);
    case 'connection':
      if (event.state === state.connection) return state;
      // Without a link the hub never hears of the activation: the next connection starts afresh.
      return {
        ...state,
        connection: event.state,
        localActivation: event.state === 'open' ? state.localActivation : null,
      };
    case 'output': {
      if (event.tabId === state.shownTabId) return state;
      const current = indicators(state, event.tabId);
      return current.unseen ? state : withTab(state, event.tabId, { ...current, unseen: true });
    }
    case 'notice':
      return addNotice(state, event.level, event.code, event.message);
    case 'dismiss':
      return { ...state, notices: state.notices.filter((n) => n.id !== event.id) };
    case 'show_workspace':
      return showWorkspace(state, event.workspaceId, event.now);
    case 'activate_tab':
      return activateTab(state, event.tabId, event.now);
    case 'workspace_requested':
      return { ...state, pendingShow: awaitWorkspace(state.layout, event.now) };
    case 'tab_requested': {
      const pending = awaitTab(state.layout, state.shownWorkspaceId, event.workspaceId, event.now);
      return pending ? { ...state, pendingShow: pending } : state;
    }
    default:
      return event satisfies never;
  }
}
