import { describe, expect, it, vi } from 'vitest';
import { Channels } from '../../preload/channels';
import type { ServerMessage } from '../../shared/protocol';
import type { HubClient } from '../hub/hub-client';
import { type LinkedContents, WindowHubLink } from './window-hub-link';

function fakeContents() {
  const listeners = new Map<string, () => void>();
  const sent: unknown[][] = [];
  let destroyed = false;
  const contents: LinkedContents = {
    id: 3,
    isDestroyed: () => destroyed,
    send: (...args) => {
      sent.push(args);
    },
    on: (event, listener) => listeners.set(event, listener),
  };
  return {
    contents,
    sent,
    fire: (event: string) => listeners.get(event)?.(),
    destroy: () => (destroyed = true),
  };
}

function fakeHub() {
  const clients: HubClient[] = [];
  const received: unknown[] = [];
  const disconnected: string[] = [];
  return {
    clients,
    received,
    disconnected,
    connect(client: HubClient) {
      clients.push(client);
      return {
        receive: (raw: unknown) => received.push([client.id, raw]),
        disconnect: () => disconnected.push(client.id),
      };
    },
  };
}

const status: ServerMessage = { type: 'host_status', state: 'running', restarts: 0, message: null };

describe('WindowHubLink', () => {
  it('connects on hello and forwards both ways', () => {
    const { contents, sent } = fakeContents();
    const hub = fakeHub();
    const link = new WindowHubLink(contents, hub, () => {});
    link.reconnect();
    hub.clients[0]?.send(status);
    link.receive({ type: 'tab_activate', tabId: 't' });
    expect(sent).toEqual([[Channels.message, status]]);
    expect(hub.received).toEqual([['window-3-1', { type: 'tab_activate', tabId: 't' }]]);
  });

  it('starts a fresh connection on every page load and drops the old one when loading starts', () => {
    const { contents, fire } = fakeContents();
    const hub = fakeHub();
    const log = vi.fn();
    const link = new WindowHubLink(contents, hub, log);
    link.reconnect();
    fire('did-start-loading');
    expect(hub.disconnected).toEqual(['window-3-1']);
    expect(link.connected).toBe(false);
    link.receive({ type: 'tab_activate', tabId: 't' });
    expect(log).toHaveBeenCalledWith('window 3 sent before hello; dropped');
    link.reconnect();
    expect(hub.clients.map((c) => c.id)).toEqual(['window-3-1', 'window-3-2']);
  });

  it('disconnects when the page crashes or the window goes, and never sends to a destroyed page', () => {
    const { contents, sent, fire, destroy } = fakeContents();
    const hub = fakeHub();
    const link = new WindowHubLink(contents, hub, () => {});
    link.reconnect();
    fire('render-process-gone');
    link.reconnect();
    destroy();
    hub.clients[1]?.send(status);
    fire('destroyed');
    expect(sent).toEqual([]);
    expect(hub.disconnected).toEqual(['window-3-1', 'window-3-2']);
  });
});
