// HostLink for an Electron utilityProcess. Electron puts `parentPort` on `process` in that process type;
// it is not imported from 'electron' (only src/main/electron may import it), so its shape is declared here.
import type { HostToHub } from '../../shared/host-protocol';
import type { HostLink } from './host-link';
import { watchParentExit } from './parent-watch';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function parentPortOf(proc: object): ParentPort | null {
  const port: unknown = 'parentPort' in proc ? proc.parentPort : undefined;
  if (typeof port !== 'object' || port === null) return null;
  if (!('postMessage' in port) || typeof port.postMessage !== 'function') return null;
  if (!('on' in port) || typeof port.on !== 'function') return null;
  return port as ParentPort;
}

/**
 * parentPort.postMessage gives no backpressure signal, so `backlogged` stays false here; the hub's own
 * pause/resume (client acks) is what bounds the queue on this link.
 */
export function createParentPortLink(proc: { readonly ppid: number } = process): HostLink | null {
  const port = parentPortOf(proc);
  if (!port) return null;
  const disconnectListeners: (() => void)[] = [];
  let disconnected = false;
  watchParentExit(proc, () => {
    disconnected = true;
    for (const listener of disconnectListeners) listener();
  });
  return {
    backlogged: false,
    send(message: HostToHub) {
      if (!disconnected) port.postMessage(message);
    },
    onDrain: () => {},
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    onDisconnect: (listener) => disconnectListeners.push(listener),
  };
}
