// HostLink over the IPC channel of `child_process.fork`. process.send() queues without bound; its return
// value (false once the pipe's write queue is large) and the per-message callbacks tell how far behind the
// channel is, which is what `backlogged` reports.
import type { HostToHub } from '../../shared/host-protocol';
import { HostChannel } from '../../shared/limits';
import { type HostLink, messageCost } from './host-link';
import { watchParentExit } from './parent-watch';

export interface ForkLinkOptions {
  highWatermarkBytes: number;
  lowWatermarkBytes: number;
}

/** The part of `process` this link uses (a forked child's IPC channel). */
export interface ForkedProcess {
  send?(
    message: unknown,
    sendHandle: undefined,
    options: object,
    callback: (error: Error | null) => void,
  ): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  readonly ppid: number;
}

export function createForkLink(
  proc: ForkedProcess = process,
  options: ForkLinkOptions = HostChannel,
): HostLink | null {
  if (!proc.send) return null;
  const send = proc.send.bind(proc);
  let pendingBytes = 0;
  let backlogged = false;
  const drainListeners: (() => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  let disconnected = false;
  const disconnect = () => {
    if (disconnected) return;
    disconnected = true;
    for (const listener of disconnectListeners) listener();
  };
  proc.on('disconnect', disconnect);
  watchParentExit(proc, disconnect);

  return {
    get backlogged() {
      return backlogged;
    },
    send(message: HostToHub) {
      if (disconnected) return;
      const cost = messageCost(message);
      pendingBytes += cost;
      // With a callback, a closed channel reports an error here instead of throwing or emitting 'error'.
      const accepted = send(message, undefined, {}, () => {
        pendingBytes -= cost;
        if (backlogged && pendingBytes <= options.lowWatermarkBytes) {
          backlogged = false;
          for (const listener of drainListeners) listener();
        }
      });
      if (!accepted || pendingBytes > options.highWatermarkBytes) backlogged = true;
    },
    onDrain: (listener) => drainListeners.push(listener),
    onMessage: (listener) => proc.on('message', listener),
    onDisconnect: (listener) => disconnectListeners.push(listener),
  };
}
