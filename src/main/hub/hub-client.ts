// One connected renderer (an Electron window or a browser WebSocket), as the hub sees it.
import type { ServerMessage } from '../../shared/protocol';

export interface HubClient {
  /** Unique per connection, for logs and per-client flow control. */
  readonly id: string;
  send(message: ServerMessage): void;
  /** Bytes queued for this client and not yet written out (a WebSocket's bufferedAmount), if known. */
  backlog?(): number;
}

/** What a transport gets back when it connects a client to the hub. */
export interface HubConnection {
  /** A raw inbound message (not yet validated; the hub parses it and answers errors itself). */
  receive(raw: unknown): void;
  disconnect(): void;
}
