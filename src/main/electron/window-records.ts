// The window-state store's content, kept current as windows open, move and close. Pure.
import type { WindowRecord, WindowState } from '../persistence/window-state-store';

/** Replace the record with the same id, or append it (opening order is kept). */
export function upsertWindow(state: WindowState, record: WindowRecord): WindowState {
  const index = state.windows.findIndex((window) => window.id === record.id);
  if (index === -1) return { windows: [...state.windows, record] };
  return { windows: state.windows.map((window, i) => (i === index ? record : window)) };
}

/**
 * A window the user closed is forgotten — unless it is the last one: closing the last window quits on
 * Linux and Windows (and hides the app on macOS), and the next start should open it where it was.
 */
export function closeWindow(state: WindowState, id: string, isLastWindow: boolean): WindowState {
  if (isLastWindow) return state;
  return { windows: state.windows.filter((window) => window.id !== id) };
}

/** Workspace ids that no longer exist become null (the window then shows the active workspace). */
export function withKnownWorkspaces(state: WindowState, workspaceIds: ReadonlySet<string>): WindowState {
  return {
    windows: state.windows.map((window) =>
      window.workspaceId !== null && !workspaceIds.has(window.workspaceId)
        ? { ...window, workspaceId: null }
        : window,
    ),
  };
}
