// A protocol client for the browser host (docs/protocol.md) used by the Node-side figures: it validates
// every frame, acks output as a renderer would, keeps only a short tail of each session's output (200
// sessions with full rings would otherwise fill the bench's own memory), and timestamps arrivals.
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import {
  type ClientMessage,
  type Layout,
  parseServerMessage,
  type ServerMessage,
  type ServerMessageOf,
} from '../../src/shared/protocol';
import { waitFor } from './wait';

const TAIL = 4096;

type Listener = (message: ServerMessage, at: number) => void;

export class WsClient {
  private readonly tails = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  private latestLayout: Layout | null = null;
  private lastOutputAt = performance.now();
  readonly errors: Array<ServerMessageOf<'terminal_error'>> = [];
  readonly invalid: string[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => this.receive(raw.toString()));
  }

  static async connect(url: URL): Promise<WsClient> {
    const ws = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token') ?? ''}`, {
      origin: url.origin,
    });
    const client = new WsClient(ws);
    const layout = client.next('layout', () => true, 15_000);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await layout;
    return client;
  }

  send(message: ClientMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  close(): void {
    this.ws.close();
  }

  layout(): Layout {
    if (!this.latestLayout) throw new Error('no layout received yet');
    return this.latestLayout;
  }

  tail(sessionId: string): string {
    return this.tails.get(sessionId) ?? '';
  }

  clearTail(sessionId: string): void {
    this.tails.set(sessionId, '');
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next message of `type` matching `predicate` (register before sending what provokes it). */
  next<T extends ServerMessage['type']>(
    type: T,
    predicate: (message: ServerMessageOf<T>) => boolean,
    timeoutMs = 15_000,
  ): Promise<{ message: ServerMessageOf<T>; at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${type}`));
      }, timeoutMs);
      const off = this.on((message, at) => {
        if (message.type !== type) return;
        const typed = message as ServerMessageOf<T>;
        if (!predicate(typed)) return;
        clearTimeout(timer);
        off();
        resolve({ message: typed, at });
      });
    });
  }

  async waitForTail(sessionId: string, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    await waitFor(
      () => pattern.test(this.tail(sessionId)),
      () => `${pattern} in session ${sessionId} (tail: ${JSON.stringify(this.tail(sessionId).slice(-120))})`,
      timeoutMs,
    );
  }

  /** Waits until no session has sent output for `quietMs`. */
  async quiet(quietMs: number, timeoutMs = 60_000): Promise<void> {
    await waitFor(
      () => performance.now() - this.lastOutputAt >= quietMs,
      `${quietMs} ms without output`,
      timeoutMs,
      50,
    );
  }

  /** Creates a tab at the end of the first workspace; returns its id. */
  async createTab(): Promise<string> {
    const workspace = this.layout().workspaces[0];
    if (!workspace) throw new Error('no workspace');
    const before = new Set(workspace.tabIds);
    const changed = this.next('layout', (m) =>
      (m.layout.workspaces[0]?.tabIds ?? []).some((id) => !before.has(id)),
    );
    this.send({ type: 'tab_create', workspaceId: workspace.id });
    const { message } = await changed;
    const tabId = message.layout.workspaces[0]?.tabIds.find((id) => !before.has(id));
    if (!tabId) throw new Error('tab_create added no tab');
    return tabId;
  }

  /** Spawns a tab's session; resolves with its id and when terminal_ready arrived. */
  async spawn(
    tabId: string,
    size = { cols: 120, rows: 40 },
  ): Promise<{ sessionId: string; pid: number; sentAt: number; readyAt: number }> {
    const ready = this.next('terminal_ready', (m) => m.tabId === tabId);
    const failed = this.next('terminal_error', (m) => m.tabId === tabId).then(({ message }) => {
      throw new Error(`spawn of ${tabId} failed: ${message.code}: ${message.message}`);
    });
    const sentAt = performance.now();
    this.send({ type: 'terminal_spawn', tabId, ...size });
    const { message, at } = await Promise.race([ready, failed]);
    failed.catch(() => {});
    return { sessionId: message.sessionId, pid: message.pid, sentAt, readyAt: at };
  }

  /** Types a command line into a session. */
  run(sessionId: string, line: string): void {
    this.send({ type: 'terminal_input', sessionId, data: `${line}\r` });
  }

  private receive(text: string): void {
    const at = performance.now();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.invalid.push(text.slice(0, 200));
      return;
    }
    const parsed = parseServerMessage(raw);
    if (!parsed.ok) {
      this.invalid.push(parsed.error);
      return;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'terminal_output':
      case 'terminal_replay': {
        this.lastOutputAt = at;
        const tail = (this.tails.get(message.sessionId) ?? '') + message.data;
        this.tails.set(message.sessionId, tail.length > TAIL ? tail.slice(-TAIL) : tail);
        this.send({ type: 'terminal_ack', sessionId: message.sessionId, chars: message.data.length });
        break;
      }
      case 'layout':
        this.latestLayout = message.layout;
        break;
      case 'terminal_error':
        this.errors.push(message);
        break;
      default:
        break;
    }
    for (const listener of [...this.listeners]) listener(message, at);
  }
}
