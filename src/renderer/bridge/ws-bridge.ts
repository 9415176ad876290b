// The Bridge over the browser host's WebSocket: JSON text frames, every inbound frame validated with
// the shared schema, reconnect with backoff. While the socket is down the bridge says `closed` and
// the app shows every tab stale; once it is back the app re-attaches and replays.
import type { Bridge, ConnectionState } from '../../shared/bridge';
import { type ClientMessage, parseServerMessage, type ServerMessage } from '../../shared/protocol';
import { isOpenableUrl } from '../terminal/links';
import { Backoff } from './backoff';

/** The part of the browser's WebSocket this bridge uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

const OPEN = 1;

export interface WsBridgeOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  backoff?: Backoff;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  openUrl?: (url: string) => void;
  warn?: (message: string) => void;
}

export interface WsBridge extends Bridge {
  /** Try now instead of waiting out the backoff (the page became visible, the network came back). */
  reconnectNow(): void;
  dispose(): void;
}

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoff = options.backoff ?? new Backoff();
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const warn = options.warn ?? ((message: string) => console.warn(`[tabterm] ${message}`));
  const openUrl = options.openUrl ?? ((url: string) => window.open(url, '_blank', 'noopener,noreferrer'));

  const messageListeners = new Set<(message: ServerMessage) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: SocketLike | null = null;
  let retryTimer: unknown = null;
  let disposed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...connectionListeners]) listener(next);
  };

  const receive = (data: unknown) => {
    if (typeof data !== 'string') {
      warn('dropped a binary frame from the server');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      warn('dropped a frame that is not JSON');
      return;
    }
    const parsed = parseServerMessage(raw);
    if (!parsed.ok) {
      warn(`dropped an invalid server message: ${parsed.error}`);
      return;
    }
    for (const listener of [...messageListeners]) listener(parsed.value);
  };

  const scheduleRetry = () => {
    if (disposed || retryTimer !== null) return;
    retryTimer = setTimer(() => {
      retryTimer = null;
      connect();
    }, backoff.next());
  };

  const connect = () => {
    if (disposed) return;
    setState('connecting');
    let current: SocketLike;
    try {
      current = createSocket(options.url);
    } catch (error) {
      warn(`cannot open the connection: ${error instanceof Error ? error.message : String(error)}`);
      setState('closed');
      scheduleRetry();
      return;
    }
    socket = current;
    current.onopen = () => {
      if (socket !== current) return;
      backoff.reset();
      setState('open');
    };
    current.onmessage = (event) => {
      if (socket === current) receive(event.data);
    };
    current.onerror = () => {};
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      setState('closed');
      scheduleRetry();
    };
  };

  connect();

  return {
    send(message: ClientMessage) {
      if (socket === null || socket.readyState !== OPEN) {
        warn(`not connected; dropped ${message.type}`);
        return;
      }
      socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
    openExternal(url: string) {
      if (isOpenableUrl(url)) openUrl(url);
      else warn('refused to open a link that is not http(s)');
    },
    reconnectNow() {
      if (disposed || socket !== null) return;
      if (retryTimer !== null) clearTimer(retryTimer);
      retryTimer = null;
      connect();
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) clearTimer(retryTimer);
      retryTimer = null;
      const current = socket;
      socket = null;
      current?.close(1000, 'closing');
      setState('closed');
    },
  };
}
