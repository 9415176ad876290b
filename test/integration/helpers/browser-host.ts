// A real browser host (started from source) and WebSocket clients that speak docs/protocol.md.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { ClientMessage, Layout, ServerMessage } from '../../../src/shared/protocol';
import { latestLayout } from '../../../src/shared/status-title';
import { launchServe, stopServe } from '../../support/serve-process';
import { waitFor } from './wait';

export interface HostDirs {
  root: string;
  dataDir: string;
  home: string;
}

export function makeDirs(): HostDirs {
  const root = mkdtempSync(join(tmpdir(), 'tabterm-host-'));
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.bashrc'), "PS1='$ '\nunset PROMPT_COMMAND\n");
  return { root, dataDir: join(root, 'data'), home };
}

export class BrowserHost {
  private constructor(
    readonly process: ChildProcess,
    readonly url: URL,
    readonly stderr: string[],
  ) {}

  static async start(dirs: HostDirs, env?: Record<string, string | undefined>): Promise<BrowserHost> {
    const { child, url, stderr } = await launchServe({
      entry: ['--import', 'tsx', 'src/main/server/serve.ts'],
      dataDir: dirs.dataDir,
      home: dirs.home,
      ...(env ? { env } : {}),
    });
    return new BrowserHost(child, url, stderr);
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    return stopServe(this.process, signal);
  }

  async client(): Promise<WsClient> {
    const ws = new WebSocket(`ws://${this.url.host}/ws?token=${this.url.searchParams.get('token')}`, {
      origin: this.url.origin,
    });
    const client = new WsClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await client.waitFor('layout');
    return client;
  }
}

export class WsClient {
  readonly received: ServerMessage[] = [];

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as ServerMessage;
      this.received.push(message);
      if (message.type === 'terminal_output' || message.type === 'terminal_replay') {
        this.send({ type: 'terminal_ack', sessionId: message.sessionId, chars: message.data.length });
      }
    });
  }

  send(message: ClientMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  close(): void {
    this.ws.close();
  }

  of<T extends ServerMessage['type']>(type: T): Array<Extract<ServerMessage, { type: T }>> {
    return this.received.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }

  /** The last layout with later statuses applied (titles and directories travel in those). */
  layout(): Layout {
    const layout = latestLayout(this.received);
    if (!layout) throw new Error('no layout received');
    return layout;
  }

  text(sessionId: string): string {
    return this.received
      .filter(
        (m) => (m.type === 'terminal_output' || m.type === 'terminal_replay') && m.sessionId === sessionId,
      )
      .map((m) => ('data' in m ? m.data : ''))
      .join('');
  }

  waitFor<T extends ServerMessage['type']>(
    type: T,
    predicate: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    return waitFor(() => this.of(type).find(predicate), `${type}`, timeoutMs);
  }

  async waitForLayout(
    predicate: (layout: Layout) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<Layout> {
    return waitFor(
      () => {
        const layout = latestLayout(this.received);
        return layout && predicate(layout) ? layout : undefined;
      },
      what,
      timeoutMs,
    );
  }

  async waitForText(sessionId: string, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    await waitFor(() => pattern.test(this.text(sessionId)), `${pattern} in session output`, timeoutMs);
  }

  /** Spawns (or attaches to) a tab and waits for its prompt; returns the session id. */
  async open(tabId: string, size = { cols: 100, rows: 30 }): Promise<string> {
    const seen = this.of('terminal_ready').length;
    this.send({ type: 'terminal_spawn', tabId, ...size });
    const ready = await waitFor(
      () =>
        this.of('terminal_ready')
          .slice(seen)
          .find((m) => m.tabId === tabId),
      `terminal_ready for ${tabId}`,
    );
    await this.waitForText(ready.sessionId, /\$ $/m);
    return ready.sessionId;
  }

  /** Runs a command and waits for `expect` in the output. */
  async run(sessionId: string, command: string, expect: RegExp): Promise<void> {
    this.send({ type: 'terminal_input', sessionId, data: `${command}\r` });
    await this.waitForText(sessionId, expect);
  }
}
