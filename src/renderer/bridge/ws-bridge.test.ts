import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/bridge';
import type { ServerMessage } from '../../shared/protocol';
import { Backoff } from './backoff';
import { createWsBridge, type SocketLike } from './ws-bridge';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  deliver(data: unknown) {
    this.onmessage?.({ data });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
  const warnings: string[] = [];
  const opened: string[] = [];
  const bridge = createWsBridge({
    url: 'ws://h/ws?token=t',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoff: new Backoff(250, 5000),
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
    warn: (message) => warnings.push(message),
    openUrl: (url) => opened.push(url),
  });
  const states: ConnectionState[] = [];
  bridge.onConnection((state) => states.push(state));
  const messages: ServerMessage[] = [];
  bridge.onMessage((message) => messages.push(message));
  const fire = () => {
    const timer = timers.find((t) => !t.cleared);
    if (!timer) throw new Error('no timer pending');
    timer.cleared = true;
    timer.callback();
  };
  return { bridge, sockets, timers, warnings, states, messages, fire, opened };
}

describe('createWsBridge', () => {
  it('connects to the given URL and reports connecting, then open', () => {
    const h = harness();
    expect(h.sockets[0]?.url).toBe('ws://h/ws?token=t');
    h.sockets[0]?.open();
    expect(h.states).toEqual(['connecting', 'open']);
  });

  it('sends messages as JSON text while open and drops them (with a warning) otherwise', () => {
    const h = harness();
    h.bridge.send({ type: 'tab_activate', tabId: 'a' });
    expect(h.sockets[0]?.sent).toEqual([]);
    expect(h.warnings[0]).toContain('tab_activate');
    h.sockets[0]?.open();
    h.bridge.send({ type: 'tab_activate', tabId: 'a' });
    expect(h.sockets[0]?.sent).toEqual(['{"type":"tab_activate","tabId":"a"}']);
  });

  it('delivers valid server messages and drops invalid frames with a warning', () => {
    const h = harness();
    h.sockets[0]?.open();
    h.sockets[0]?.deliver(JSON.stringify({ type: 'terminal_stale', tabIds: ['a'] }));
    h.sockets[0]?.deliver('{not json');
    h.sockets[0]?.deliver(JSON.stringify({ type: 'terminal_stale', tabIds: 'a' }));
    h.sockets[0]?.deliver(JSON.stringify({ type: 'no_such_message' }));
    h.sockets[0]?.deliver(new ArrayBuffer(4));
    expect(h.messages).toEqual([{ type: 'terminal_stale', tabIds: ['a'] }]);
    expect(h.warnings).toHaveLength(4);
  });

  it('reports closed and reconnects with a doubling delay, reset once a connection opens', () => {
    const h = harness();
    h.sockets[0]?.drop();
    expect(h.states.at(-1)).toBe('closed');
    expect(h.timers.at(-1)?.ms).toBe(250);
    h.fire();
    expect(h.sockets).toHaveLength(2);
    h.sockets[1]?.drop();
    expect(h.timers.at(-1)?.ms).toBe(500);
    h.fire();
    h.sockets[2]?.open();
    h.sockets[2]?.drop();
    expect(h.timers.at(-1)?.ms).toBe(250);
    expect(h.states).toEqual([
      'connecting',
      'closed',
      'connecting',
      'closed',
      'connecting',
      'open',
      'closed',
    ]);
  });

  it('reconnectNow skips the wait', () => {
    const h = harness();
    h.sockets[0]?.drop();
    h.bridge.reconnectNow();
    expect(h.sockets).toHaveLength(2);
    expect(h.timers[0]?.cleared).toBe(true);
  });

  it('ignores events from a socket it has replaced', () => {
    const h = harness();
    const first = h.sockets[0]!;
    first.drop();
    h.fire();
    first.deliver(JSON.stringify({ type: 'terminal_stale', tabIds: ['a'] }));
    first.open();
    expect(h.messages).toEqual([]);
    expect(h.states.at(-1)).toBe('connecting');
  });

  it('opens only http(s) links', () => {
    const h = harness();
    h.bridge.openExternal('https://example.com');
    h.bridge.openExternal('javascript:alert(1)');
    expect(h.opened).toEqual(['https://example.com']);
  });

  it('stops reconnecting once disposed', () => {
    const h = harness();
    h.sockets[0]?.open();
    h.bridge.dispose();
    expect(h.sockets[0]?.closed).toBe(true);
    expect(h.timers).toHaveLength(0);
  });
});
