// A hub client for the soak: behaves like a renderer (acks what it gets as soon as it "parsed" it) but
// keeps no output, only counts, so the runner's own memory stays flat and measures the hub's.
import type { HubClient, HubConnection } from '../../src/main/hub/hub-client';
import type { ClientMessage, Layout, ServerMessage } from '../../src/shared/protocol';

const STRAY = /STRAY<([A-Za-z0-9_-]+)>/g;

type Waiter = { match: (message: ServerMessage) => boolean; resolve: (message: ServerMessage) => void };

export class SoakClient implements HubClient {
  readonly id = 'soak';
  connection: HubConnection | null = null;
  layout: Layout | null = null;
  /** Output characters per session, and in total. */
  readonly chars = new Map<string, number>();
  totalChars = 0;
  readonly errors: Array<Extract<ServerMessage, { type: 'terminal_error' }>> = [];
  readonly hostStates: string[] = [];
  /** Pasted text of one session seen in another's output (input that crossed tabs). */
  readonly strays: string[] = [];
  /** Lines a session is waited on for (workload.ts), and the sessions that showed them. */
  private readonly watchedLines = new Map<string, Set<string>>();
  private waiters: Waiter[] = [];

  send(message: ServerMessage): void {
    switch (message.type) {
      case 'layout':
        this.layout = message.layout;
        break;
      case 'terminal_output':
      case 'terminal_replay': {
        const { sessionId, data } = message;
        this.chars.set(sessionId, (this.chars.get(sessionId) ?? 0) + data.length);
        this.totalChars += data.length;
        if (data.includes('STRAY<')) {
          for (const [, from] of data.matchAll(STRAY)) {
            if (from !== sessionId) this.strays.push(`${from} → ${sessionId}`);
          }
        }
        for (const [line, seen] of this.watchedLines) {
          if (data.includes(`${line}\r\n`)) seen.add(sessionId);
        }
        // Acked once "rendered": on the next turn, as xterm's write callback would.
        setImmediate(() => this.do({ type: 'terminal_ack', sessionId, chars: data.length }));
        break;
      }
      case 'terminal_error':
        this.errors.push(message);
        break;
      case 'host_status':
        this.hostStates.push(message.state);
        break;
      case 'terminal_closed':
        this.chars.delete(message.sessionId);
        for (const seen of this.watchedLines.values()) seen.delete(message.sessionId);
        break;
      default:
        break;
    }
    for (const waiter of this.waiters.filter((w) => w.match(message))) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(message);
    }
  }

  /** Whether `line` was printed (followed by a line end) in the session's output since asked first. */
  sawLine(sessionId: string, line: string): boolean {
    let seen = this.watchedLines.get(line);
    if (!seen) {
      seen = new Set();
      this.watchedLines.set(line, seen);
    }
    return seen.has(sessionId);
  }

  do(message: ClientMessage): void {
    this.connection?.receive(message);
  }

  /** The next message of `type` that matches; rejects after `timeoutMs`. */
  next<T extends ServerMessage['type']>(
    type: T,
    match: (message: Extract<ServerMessage, { type: T }>) => boolean,
    timeoutMs: number,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: (message) => message.type === type && match(message as Extract<ServerMessage, { type: T }>),
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as Extract<ServerMessage, { type: T }>);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}
