// The desktop path (preload bridge over IPC, WindowHubLink) and the browser host's path (WebSocket
// bridge, JSON frames) share one flow control: the hub's window and the renderer's ack cadence. A flood
// through each must pause and resume the PTY at the same points and send the same acks.
import { describe, expect, it } from 'vitest';
import { WindowHubLink } from '../main/electron/window-hub-link';
import { FakeHost, fakeHubOptions } from '../main/hub/fake-host';
import { Hub } from '../main/hub/hub';
import type { HubClient, HubConnection } from '../main/hub/hub-client';
import { createWsBridge, type SocketLike } from '../renderer/bridge/ws-bridge';
import { AckAccumulator } from '../renderer/terminal/ack-accumulator';
import type { Bridge } from '../shared/bridge';
import { FlowControl } from '../shared/limits';
import type { ServerMessage } from '../shared/protocol';
import { Channels } from './channels';
import { createPreloadBridge } from './preload-bridge';

const BATCH = 64 * 1024;

async function startHub() {
  const host = new FakeHost();
  const hub = await Hub.start(fakeHubOptions(host));
  return { hub, host };
}

function desktopBridge(hub: Hub): Bridge {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const link = new WindowHubLink(
    {
      id: 1,
      isDestroyed: () => false,
      send: (channel, ...args) => listeners.get(channel)?.({}, ...args),
      on: () => undefined,
    },
    hub,
    () => {},
  );
  return createPreloadBridge(
    {
      send: (channel, ...args) => {
        if (channel === Channels.hello) link.reconnect();
        else if (channel === Channels.send) link.receive(args[0]);
      },
      on: (channel, listener) => listeners.set(channel, listener),
    },
    () => {},
  );
}

/** The browser host's path: JSON text frames both ways, as http-server.ts and ws-bridge.ts carry them. */
function browserBridge(hub: Hub): Bridge {
  return createWsBridge({
    url: 'ws://127.0.0.1/ws',
    createSocket: () => {
      const socket: SocketLike & { readyState: number } = {
        readyState: 1,
        onopen: null,
        onclose: null,
        onerror: null,
        onmessage: null,
        send: (data) => connection?.receive(JSON.parse(data)),
        close: () => {},
      };
      const client: HubClient = {
        id: 'ws-1',
        send: (message) => socket.onmessage?.({ data: JSON.stringify(message) }),
        backlog: () => 0,
      };
      let connection: HubConnection | null = null;
      // As http-server.ts: the hub hears of the client once the socket is open.
      queueMicrotask(() => {
        socket.onopen?.({});
        connection = hub.connect(client);
      });
      return socket;
    },
    setTimer: () => null,
    clearTimer: () => {},
  });
}

/** What a renderer does with output (session-controller.ts): queue it in xterm, ack as it is parsed. */
async function flood(makeBridge: (hub: Hub) => Bridge) {
  const { hub, host } = await startHub();
  const bridge = makeBridge(hub);
  const messages: ServerMessage[] = [];
  bridge.onMessage((message) => messages.push(message));
  await new Promise((resolve) => setTimeout(resolve, 0));
  const tabId = messages.findLast((m) => m.type === 'layout')?.layout.workspaces[0]?.tabIds[0];
  if (!tabId) throw new Error('no tab in the layout');
  // Everything the renderer is sent counts, the shell's first prompt included.
  const events: string[] = [];
  const acks = new AckAccumulator();
  const queued: number[] = [];
  bridge.onMessage((message) => {
    if (message.type !== 'terminal_output' && message.type !== 'terminal_replay') return;
    acks.queued();
    queued.push(message.data.length);
    events.push(`out ${message.data.length}`);
  });
  bridge.send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
  const ready = messages.findLast((m) => m.type === 'terminal_ready');
  if (ready?.type !== 'terminal_ready') throw new Error('no session');
  const { sessionId } = ready;
  let paused = false;
  const flowSeen = () => {
    for (const m of host.received.splice(0)) {
      if (m.type !== 'pause' && m.type !== 'resume') continue;
      events.push(m.type);
      paused = m.type === 'pause';
    }
  };
  host.received.splice(0);
  // The PTY produces a batch whenever it is not paused; xterm parses a write every other step, so the
  // flood outruns it and the window decides.
  for (let step = 0; step < 60; step++) {
    if (!paused) {
      host.emit({ type: 'output', sessionId, data: 'x'.repeat(BATCH) });
      flowSeen();
    }
    if (!paused && step % 2 === 0) continue;
    const chars = queued.shift();
    if (chars === undefined) continue;
    const ack = acks.parsed(chars);
    events.push(`ack ${ack}`);
    if (ack > 0) bridge.send({ type: 'terminal_ack', sessionId, chars: ack });
    flowSeen();
  }
  return events;
}

describe('flow control on the desktop path and the browser host', () => {
  it('pauses and resumes at the same points and acks with the same cadence', async () => {
    const desktop = await flood(desktopBridge);
    const browser = await flood(browserBridge);
    expect(desktop).toEqual(browser);
    expect(desktop.filter((e) => e === 'pause').length).toBeGreaterThan(1);
    expect(desktop.filter((e) => e === 'resume').length).toBeGreaterThan(1);
    // Unparsed when the PTY paused: just over the window; when it resumed: still half a window.
    const unparsedAt = (index: number) =>
      desktop
        .slice(0, index)
        .reduce(
          (sum, e) =>
            sum + (e.startsWith('out') ? Number(e.slice(4)) : e.startsWith('ack') ? -Number(e.slice(4)) : 0),
          0,
        );
    const pauseAt = unparsedAt(desktop.indexOf('pause'));
    expect(pauseAt).toBeGreaterThan(FlowControl.highWatermarkChars);
    expect(pauseAt).toBeLessThanOrEqual(FlowControl.highWatermarkChars + BATCH);
    const resumeAt = unparsedAt(desktop.indexOf('resume'));
    expect(resumeAt).toBeLessThan(FlowControl.lowWatermarkChars);
    expect(resumeAt).toBeGreaterThanOrEqual(FlowControl.lowWatermarkChars - BATCH);
  });
});
