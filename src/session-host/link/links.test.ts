import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HostToHub } from '../../shared/host-protocol';
import { createForkLink, type ForkedProcess } from './fork-link';
import { createParentPortLink } from './parent-port-link';

/** A forked child's IPC channel whose writes complete only when the test says so. */
class FakeChannel extends EventEmitter implements ForkedProcess {
  readonly ppid = 1234;
  readonly sent: unknown[] = [];
  private callbacks: ((error: Error | null) => void)[] = [];
  writeQueueFull = false;
  send(
    message: unknown,
    _handle: undefined,
    _options: object,
    callback: (error: Error | null) => void,
  ): boolean {
    this.sent.push(message);
    this.callbacks.push(callback);
    return !this.writeQueueFull;
  }
  complete(count: number): void {
    for (const callback of this.callbacks.splice(0, count)) callback(null);
  }
}

const output = (chars: number): HostToHub => ({ type: 'output', sessionId: 's', data: 'x'.repeat(chars) });

describe('fork link', () => {
  it('reports a backlog above the high watermark and drains below the low one', () => {
    const channel = new FakeChannel();
    const link = createForkLink(channel, { highWatermarkBytes: 1000, lowWatermarkBytes: 300 });
    if (!link) throw new Error('no link');
    let drains = 0;
    link.onDrain(() => drains++);
    link.send(output(500));
    expect(link.backlogged).toBe(false);
    link.send(output(500));
    expect(link.backlogged).toBe(true);
    channel.complete(1);
    expect(link.backlogged).toBe(true);
    channel.complete(1);
    expect(link.backlogged).toBe(false);
    expect(drains).toBe(1);
    expect(channel.sent).toHaveLength(2);
  });

  it('treats process.send returning false as a backlog', () => {
    const channel = new FakeChannel();
    const link = createForkLink(channel, { highWatermarkBytes: 1_000_000, lowWatermarkBytes: 300 });
    channel.writeQueueFull = true;
    link?.send(output(10));
    expect(link?.backlogged).toBe(true);
    channel.complete(1);
    expect(link?.backlogged).toBe(false);
  });

  it('passes inbound messages through and reports a disconnect once, then sends nothing', () => {
    const channel = new FakeChannel();
    const link = createForkLink(channel);
    const received: unknown[] = [];
    let disconnects = 0;
    link?.onMessage((raw) => received.push(raw));
    link?.onDisconnect(() => disconnects++);
    channel.emit('message', { type: 'ping', seq: 1 });
    channel.emit('disconnect');
    channel.emit('disconnect');
    link?.send({ type: 'pong', seq: 1 });
    expect(received).toEqual([{ type: 'ping', seq: 1 }]);
    expect(disconnects).toBe(1);
    expect(channel.sent).toEqual([]);
  });

  it('is not available without an IPC channel', () => {
    expect(createForkLink({ ppid: 1, on: () => undefined })).toBeNull();
  });
});

describe('parent port link', () => {
  it('unwraps {data} events and posts messages to the parent port', () => {
    const port = new EventEmitter() as EventEmitter & {
      posted: unknown[];
      postMessage(message: unknown): void;
    };
    port.posted = [];
    port.postMessage = (message) => port.posted.push(message);
    const link = createParentPortLink({ ppid: 1234, parentPort: port } as { ppid: number });
    const received: unknown[] = [];
    link?.onMessage((raw) => received.push(raw));
    port.emit('message', { data: { type: 'ping', seq: 2 } });
    link?.send({ type: 'pong', seq: 2 });
    expect(received).toEqual([{ type: 'ping', seq: 2 }]);
    expect(port.posted).toEqual([{ type: 'pong', seq: 2 }]);
    expect(link?.backlogged).toBe(false);
  });

  it('is not available outside a utility process', () => {
    expect(createParentPortLink({ ppid: 1 })).toBeNull();
  });
});
