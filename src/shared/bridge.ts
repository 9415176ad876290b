// The one interface the renderer uses to reach the main side. The preload (contextBridge IPC) and
// the browser host (WebSocket) each implement it; the renderer never knows which one it has.
import type { ClientMessage, ServerMessage } from './protocol';
import type { CommandId } from './settings';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface Bridge {
  /** Send one message to the main side. Messages sent while not open are dropped and reported. */
  send(message: ClientMessage): void;
  /** Every message from the main side, already validated. Returns an unsubscribe function. */
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Connection changes; `closed` means every tab is stale until the link is back. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Open an http(s) URL in the user's browser; the main side re-checks the scheme. */
  openExternal(url: string): void;

  // Desktop only (the preload implements them; the browser host has no app menu or windows).
  /** Commands chosen in the app menu or the terminal's context menu. Returns an unsubscribe function. */
  onCommand?(listener: (command: CommandId) => void): () => void;
  /** Open a new window on a new workspace; with `tabId`, that tab (and its live session) moves into it. */
  openWindow?(request: { tabId?: string }): void;
  /** Tell main which workspace this window shows, so a restart reopens it and menu commands act on it. */
  reportWorkspace?(workspaceId: string | null): void;
  /** Open settings.json in the app the OS opens .json files with. */
  openSettingsFile?(): void;
  /**
   * Whether the OS reports a screen reader or other assistive technology (Electron's accessibility
   * support), now and at every change; what `screenReaderMode: "auto"` follows. Returns an unsubscribe.
   */
  onAccessibilitySupport?(listener: (enabled: boolean) => void): () => void;
  /**
   * The path of a file dropped on the page (a DOM `File`; typed `unknown` here, where there is no
   * DOM), or "" when it has none. Electron gives it through webUtils.getPathForFile; a browser never
   * gives a dropped file's path.
   */
  pathForFile?(file: unknown): string;
  /** Paste the clipboard natively into the focused element (arrives as a paste event, checked as any). */
  pasteClipboard?(): void;
  /** Put text on the clipboard through main (the desktop page has no clipboard permission of its own). */
  writeClipboard?(text: string): void;
}
