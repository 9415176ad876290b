// The Bridge the preload exposes to the page as `window.tabterm`. Built from a minimal IPC interface so
// it is tested without Electron. Listeners get the message only, never Electron's event object (its
// `sender` would hand the page an ipcRenderer), and nothing here imports a package: a sandboxed
// preload can load nothing but `electron`, so the main side validates every payload instead.
import type { Bridge, ConnectionState } from '../shared/bridge';
import { ClipboardLimits, Links } from '../shared/limits';
import type { ClientMessage, ServerMessage } from '../shared/protocol';
import type { CommandId } from '../shared/settings';
import { Channels } from './channels';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Exactly what `window.tabterm` offers; the preload test checks the exposed object against it. */
export const EXPOSED_KEYS = [
  'send',
  'onMessage',
  'onConnection',
  'openExternal',
  'onCommand',
  'openWindow',
  'reportWorkspace',
  'onAccessibilitySupport',
  'openSettingsFile',
  'pathForFile',
  'pasteClipboard',
  'writeClipboard',
] as const satisfies ReadonlyArray<keyof Bridge>;

export type PreloadBridge = Required<Bridge>;

/** The part of Electron's webUtils the bridge uses: where a dropped File is on disk. */
export interface WebUtilsLike {
  getPathForFile(file: never): string;
}

/** Messages kept for a page that has not subscribed yet (it subscribes at startup). */
const EARLY_MESSAGE_LIMIT = 10_000;
const MAX_URL_LENGTH = Links.maxUrlLength;
const COMMAND_ID = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

function isServerMessageShaped(value: unknown): value is ServerMessage {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

function commandOf(value: unknown): CommandId | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, id } = value as { type?: unknown; id?: unknown };
  // Shape only: the renderer checks the id against CommandId (a preload cannot load zod).
  return type === 'command' && typeof id === 'string' && COMMAND_ID.test(id) ? (id as CommandId) : null;
}

const NO_PATHS: WebUtilsLike = { getPathForFile: () => '' };

export function createPreloadBridge(
  ipc: IpcRendererLike,
  warn: (text: string) => void,
  webUtils: WebUtilsLike = NO_PATHS,
): PreloadBridge {
  const messageListeners = new Set<(message: ServerMessage) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const commandListeners = new Set<(command: CommandId) => void>();
  const accessibilityListeners = new Set<(enabled: boolean) => void>();
  /** Null until main has said; a page subscribing later still hears the last word. */
  let accessibility: boolean | null = null;
  let early: ServerMessage[] | null = [];
  let state: ConnectionState = 'open';

  ipc.on(Channels.message, (_event, payload) => {
    if (!isServerMessageShaped(payload)) return warn('ignored a malformed message from main');
    if (early) {
      if (early.length >= EARLY_MESSAGE_LIMIT) early.shift();
      early.push(payload);
      return;
    }
    for (const listener of messageListeners) listener(payload);
  });
  ipc.on(Channels.connection, (_event, payload) => {
    if (payload !== 'open' && payload !== 'closed') return;
    state = payload;
    for (const listener of connectionListeners) listener(state);
  });
  ipc.on(Channels.command, (_event, payload) => {
    const command = commandOf(payload);
    if (command === null) return warn('ignored a malformed command from main');
    for (const listener of commandListeners) listener(command);
  });
  ipc.on(Channels.accessibility, (_event, payload) => {
    if (typeof payload !== 'boolean') return warn('ignored a malformed accessibility state from main');
    accessibility = payload;
    for (const listener of accessibilityListeners) listener(payload);
  });
  ipc.send(Channels.hello);

  return {
    send(message: ClientMessage) {
      ipc.send(Channels.send, message);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      if (early) {
        const backlog = early;
        early = null;
        for (const message of backlog) listener(message);
      }
      return () => {
        messageListeners.delete(listener);
      };
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    openExternal(url: string) {
      if (typeof url !== 'string' || url.length > MAX_URL_LENGTH)
        return warn('refused to open an invalid URL');
      ipc.send(Channels.openExternal, url);
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => {
        commandListeners.delete(listener);
      };
    },
    openWindow(request: { tabId?: string }) {
      const tabId = typeof request?.tabId === 'string' ? request.tabId : undefined;
      ipc.send(Channels.openWindow, tabId === undefined ? {} : { tabId });
    },
    openSettingsFile() {
      ipc.send(Channels.openSettingsFile);
    },
    onAccessibilitySupport(listener) {
      accessibilityListeners.add(listener);
      if (accessibility !== null) listener(accessibility);
      return () => {
        accessibilityListeners.delete(listener);
      };
    },
    pathForFile(file: unknown) {
      // webUtils throws for anything that is not a File of this page; the page then types the name.
      try {
        const path = webUtils.getPathForFile(file as never);
        return typeof path === 'string' ? path : '';
      } catch {
        return '';
      }
    },
    pasteClipboard() {
      ipc.send(Channels.paste);
    },
    writeClipboard(text: string) {
      if (typeof text !== 'string' || text.length > ClipboardLimits.maxWriteChars)
        return warn('refused to copy: not text, or too much of it');
      ipc.send(Channels.clipboardWrite, text);
    },
    reportWorkspace(workspaceId: string | null) {
      ipc.send(Channels.workspace, { workspaceId: typeof workspaceId === 'string' ? workspaceId : null });
    },
  };
}
