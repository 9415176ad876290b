// The session host's side of its channel to the hub (DESIGN.md §1). Two thin adapters implement it:
// fork-link.ts (child_process.fork: browser host, tests) and parent-port-link.ts (Electron utilityProcess).
import type { HostToHub } from '../../shared/host-protocol';

export interface HostLink {
  send(message: HostToHub): void;
  /**
   * True while messages already sent wait to be written to the channel beyond a high watermark. The host
   * then pauses every PTY until `onDrain` fires, so the send queue stays bounded.
   */
  readonly backlogged: boolean;
  onDrain(listener: () => void): void;
  /** Raw inbound messages; the host validates them with `HubToHost`. */
  onMessage(listener: (raw: unknown) => void): void;
  /** The hub is gone (channel closed or parent process died). Fires at most once. */
  onDisconnect(listener: () => void): void;
}

/** Roughly what a message costs in the channel's queue: its payload string dominates. */
export function messageCost(message: HostToHub): number {
  const payload = 'data' in message && typeof message.data === 'string' ? message.data.length : 0;
  return 64 + payload;
}
