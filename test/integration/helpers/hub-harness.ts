// An in-process hub with a real session host (forked from source under tsx) and test clients that
// record everything the hub sends them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { forkHostLauncher } from '../../../src/main/host/fork-host-link';
import { Hub } from '../../../src/main/hub/hub';
import type { HubClient, HubConnection } from '../../../src/main/hub/hub-client';
import type { LayoutPersistence } from '../../../src/main/hub/hub-options';
import type { ClientMessage, Layout, ServerMessage } from '../../../src/shared/protocol';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import { latestLayout } from '../../../src/shared/status-title';
import { waitFor } from './wait';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal output is made of control characters
const CSI = /\x1b\[[0-9;:?<>=]*[ -/]*[@-~]/g;

export const HOST_MODULE = resolve('src/session-host/host-main.ts');

export class TestClient implements HubClient {
  readonly received: ServerMessage[] = [];
  private connection: HubConnection | null = null;
  private acked = new Map<string, number>();

  constructor(
    readonly id: string,
    /** Ack output as it arrives, as a renderer does after xterm parsed it. */
    private readonly autoAck = true,
  ) {}

  send(message: ServerMessage): void {
    this.received.push(message);
    if (this.autoAck && (message.type === 'terminal_output' || message.type === 'terminal_replay')) {
      this.connection?.receive({
        type: 'terminal_ack',
        sessionId: message.sessionId,
        chars: message.data.length,
      });
      this.acked.set(message.sessionId, (this.acked.get(message.sessionId) ?? 0) + message.data.length);
    }
  }

  bind(connection: HubConnection): this {
    this.connection = connection;
    return this;
  }

  do(message: ClientMessage | Record<string, unknown>): void {
    this.connection?.receive(message);
  }

  disconnect(): void {
    this.connection?.disconnect();
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

  /**
   * Replay plus live output of one session, in arrival order, with CSI sequences taken out: a replay is a
   * serialized screen, which may end with a pen or cursor sequence in the middle of a line the live output
   * goes on to finish.
   */
  screenText(sessionId: string): string {
    return this.received
      .filter(
        (m) => (m.type === 'terminal_output' || m.type === 'terminal_replay') && m.sessionId === sessionId,
      )
      .map((m) => ('data' in m ? m.data : ''))
      .join('')
      .replace(CSI, '');
  }

  async waitFor<T extends ServerMessage['type']>(
    type: T,
    predicate: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    return waitFor(() => this.of(type).find(predicate), `${type} at client ${this.id}`, timeoutMs);
  }

  /** Sends `terminal_spawn` and waits for the `terminal_ready` it causes (not an earlier one). */
  async spawn(
    tabId: string,
    size = { cols: 100, rows: 30 },
    timeoutMs = 15_000,
  ): Promise<Extract<ServerMessage, { type: 'terminal_ready' }>> {
    const seen = this.of('terminal_ready').length;
    this.do({ type: 'terminal_spawn', tabId, ...size });
    return waitFor(
      () =>
        this.of('terminal_ready')
          .slice(seen)
          .find((m) => m.tabId === tabId),
      `a session for ${tabId}`,
      timeoutMs,
    );
  }

  async waitForText(sessionId: string, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
    await waitFor(() => pattern.test(this.screenText(sessionId)), `${pattern} in ${sessionId}`, timeoutMs);
  }
}

export class MemoryPersistence implements LayoutPersistence {
  saved: Layout | null = null;
  load(): Layout | null {
    return this.saved;
  }
  save(layout: Layout): void {
    this.saved = layout;
  }
  flush(): void {}
}

export interface Harness {
  hub: Hub;
  home: string;
  persistence: MemoryPersistence;
  connect(id: string, autoAck?: boolean): TestClient;
  /** Spawns the first tab of the first workspace for `client` and waits until it is ready at a prompt. */
  spawnFirstTab(
    client: TestClient,
    size?: { cols: number; rows: number },
  ): Promise<{ tabId: string; sessionId: string }>;
}

export async function startHub(
  settings: Partial<Settings> = {},
  persistence = new MemoryPersistence(),
): Promise<Harness> {
  const home = mkdtempSync(join(tmpdir(), 'tabterm-hub-'));
  writeFileSync(join(home, '.bashrc'), "PS1='$ '\nunset PROMPT_COMMAND\n");
  const hub = await Hub.start({
    launcher: forkHostLauncher({ modulePath: HOST_MODULE, execArgv: ['--import', 'tsx'] }),
    settings: { ...defaultSettings(), shell: '/bin/bash', ...settings },
    persistence,
    homeDir: home,
    defaultShell: { shell: '/bin/bash', args: [] },
    env: { ...process.env, HOME: home, PS1: '$ ' },
  });
  return {
    hub,
    home,
    persistence,
    connect(id, autoAck = true) {
      const client = new TestClient(id, autoAck);
      return client.bind(hub.connect(client));
    },
    async spawnFirstTab(client, size = { cols: 100, rows: 30 }) {
      const tabId = client.layout().workspaces[0]!.tabIds[0]!;
      client.do({ type: 'terminal_spawn', tabId, ...size });
      const ready = await client.waitFor('terminal_ready', (m) => m.tabId === tabId);
      await client.waitForText(ready.sessionId, /\$ $/m);
      return { tabId, sessionId: ready.sessionId };
    },
  };
}
