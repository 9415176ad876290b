// IPC channel names, shared by the preload and the Electron main process. Every renderer → main channel
// is registered through src/main/electron/ipc-guard.ts, which checks the sender and the payload.
export const Channels = {
  /** renderer → main: the preload has loaded; (re)connect this window to the hub. */
  hello: 'tabterm:hello',
  /** renderer → main: one ClientMessage. */
  send: 'tabterm:send',
  /** main → renderer: one ServerMessage. */
  message: 'tabterm:message',
  /** main → renderer: 'open' | 'closed' (the hub is going away at quit). */
  connection: 'tabterm:connection',
  /** renderer → main: an http(s) URL to open in the user's browser. */
  openExternal: 'tabterm:open-external',
  /**
   * renderer → main: paste the clipboard into the focused element (webContents.paste), for a right-click
   * paste; it arrives as a paste event, checked like any other.
   */
  paste: 'tabterm:paste',
  /** renderer → main: text for the clipboard (copy on select, OSC 52): the page has no clipboard permission. */
  clipboardWrite: 'tabterm:clipboard-write',
  /** main → renderer: `{ type: 'command', id }` chosen in a menu. */
  command: 'tabterm:command',
  /** renderer → main: `{ tabId? }` open a new window (moving that tab into it). */
  openWindow: 'tabterm:open-window',
  /** renderer → main: `{ workspaceId }` the workspace this window shows. */
  workspace: 'tabterm:workspace',
  /** renderer → main: nothing; open settings.json in the user's editor. */
  openSettingsFile: 'tabterm:open-settings-file',
  /** main → renderer: true/false, whether the OS reports an assistive technology (screenReaderMode auto). */
  accessibility: 'tabterm:accessibility',
} as const;

export type Channel = (typeof Channels)[keyof typeof Channels];
