// A small typed hub stand-in for integration tests: forks the real session host (TypeScript through tsx,
// serialization 'advanced', as the browser host does), validates every message it sends with `HostToHub`,
// and offers send / request / wait helpers that poll instead of sleeping.
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import {
  type HostToHub,
  HostToHub as HostToHubSchema,
  type HubToHost,
} from '../../../src/shared/host-protocol';

export const HOST_ENTRY = resolve(import.meta.dirname, '../../../src/session-host/host-main.ts');

type Of<T extends HostToHub['type']> = Extract<HostToHub, { type: T }>;

/** Polls `condition` until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string | (() => string) = 'condition',
  intervalMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`,
      );
    }
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

export interface BashOptions {
  cwd?: string;
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  tabId?: string;
}

export class HostClient {
  /** Every message except `output`, in arrival order. */
  readonly messages: HostToHub[] = [];
  /** Messages that failed `HostToHub` validation (a test should expect none). */
  readonly invalid: unknown[] = [];
  private readonly outputs = new Map<string, string[]>();
  private readonly outputListeners = new Map<string, (data: string) => void>();
  private readonly messageListeners: ((message: HostToHub) => void)[] = [];
  private nextReqId = 1;
  private exitCode: number | null | undefined;

  private constructor(readonly child: ChildProcess) {
    child.on('message', (raw: unknown) => this.receive(raw));
    child.on('exit', (code) => {
      this.exitCode = code;
    });
  }

  /** Forks a host and waits for its `hello`. */
  static async start(env: NodeJS.ProcessEnv = process.env): Promise<HostClient> {
    const child = fork(HOST_ENTRY, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env,
    });
    const client = new HostClient(child);
    await client.next('hello', () => true, 15_000);
    return client;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('host has no pid');
    return this.child.pid;
  }

  get exited(): boolean {
    return this.exitCode !== undefined;
  }

  send(message: HubToHost): void {
    this.child.send(message);
  }

  /** For testing validation: anything at all. */
  sendRaw(message: unknown): void {
    this.child.send(message as object);
  }

  reqId(): number {
    return this.nextReqId++;
  }

  /** All output of a session received so far (unless it is being streamed to a listener). */
  output(sessionId: string): string {
    return (this.outputs.get(sessionId) ?? []).join('');
  }

  /** Hand a session's output to `listener` instead of storing it (for floods). */
  streamOutput(sessionId: string, listener: (data: string) => void): void {
    this.outputListeners.set(sessionId, listener);
  }

  /** Every valid message, `output` included, in channel order, as it arrives. */
  onMessage(listener: (message: HostToHub) => void): void {
    this.messageListeners.push(listener);
  }

  clearOutput(sessionId: string): void {
    this.outputs.set(sessionId, []);
  }

  /** The first message of `type` (from index `from` on) that matches, waiting for it if needed. */
  async next<T extends HostToHub['type']>(
    type: T,
    match: (message: Of<T>) => boolean,
    timeoutMs = 10_000,
    from = 0,
  ): Promise<Of<T>> {
    let found: Of<T> | undefined;
    await waitFor(
      () => {
        for (let i = from; i < this.messages.length; i++) {
          const message = this.messages[i] as HostToHub;
          if (message.type === type && match(message as Of<T>)) {
            found = message as Of<T>;
            return true;
          }
        }
        if (this.exited) throw new Error(`host exited (code ${this.exitCode}) while waiting for ${type}`);
        return false;
      },
      timeoutMs,
      `a "${type}" message`,
    );
    return found as Of<T>;
  }

  async spawn(sessionId: string, shell: string, args: string[], options: BashOptions = {}) {
    const reqId = this.reqId();
    this.send({
      type: 'spawn',
      reqId,
      request: {
        sessionId,
        tabId: options.tabId ?? `tab-${sessionId}`,
        shell,
        args,
        cwd: options.cwd ?? '/tmp',
        env: options.env ?? {},
        cols: options.cols ?? 100,
        rows: options.rows ?? 30,
      },
    });
    let reply: Of<'spawned'> | Of<'spawn_failed'> | undefined;
    await waitFor(
      () => {
        reply = this.messages.find(
          (m): m is Of<'spawned'> | Of<'spawn_failed'> =>
            (m.type === 'spawned' || m.type === 'spawn_failed') && m.reqId === reqId,
        );
        return reply !== undefined;
      },
      10_000,
      `the reply to spawn ${sessionId}`,
    );
    return reply as Of<'spawned'> | Of<'spawn_failed'>;
  }

  /** An interactive bash without rc files, prompt "$ ", history off; waits for its first prompt. */
  async spawnBash(sessionId: string, options: BashOptions = {}): Promise<Of<'spawned'>> {
    const reply = await this.spawn(sessionId, '/bin/bash', ['--norc', '--noprofile', '-i'], {
      ...options,
      env: { PS1: '$ ', HISTFILE: '/dev/null', ...options.env },
    });
    if (reply.type !== 'spawned') throw new Error(`spawn failed: ${reply.message}`);
    await this.waitForOutput(sessionId, '$ ');
    return reply;
  }

  async waitForOutput(sessionId: string, pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    await waitFor(
      () =>
        typeof pattern === 'string'
          ? this.output(sessionId).includes(pattern)
          : pattern.test(this.output(sessionId)),
      timeoutMs,
      () =>
        `output ${String(pattern)} in ${sessionId} (have: ${JSON.stringify(this.output(sessionId).slice(-300))})`,
    );
  }

  /** Types a command line (with Enter) into a session. */
  run(sessionId: string, line: string): void {
    this.send({ type: 'write', sessionId, data: `${line}\r` });
  }

  async snapshot(sessionId: string): Promise<string | null> {
    const reqId = this.reqId();
    this.send({ type: 'snapshot', reqId, sessionId });
    return (await this.next('snapshot', (m) => m.reqId === reqId)).data;
  }

  async shutdown(timeoutMs: number): Promise<Of<'shutdown_done'>> {
    const reqId = this.reqId();
    this.send({ type: 'shutdown', reqId, timeoutMs });
    return this.next('shutdown_done', (m) => m.reqId === reqId, timeoutMs + 5_000);
  }

  /** The latest status of a session, if any. */
  status(sessionId: string) {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const message = this.messages[i] as HostToHub;
      if (message.type === 'status' && message.status.sessionId === sessionId) return message.status;
    }
    return null;
  }

  /** Closes the channel (as a hub that went away would) and waits for the host to exit. */
  async disconnect(timeoutMs = 10_000): Promise<number | null> {
    if (!this.exited && this.child.connected) this.child.disconnect();
    await waitFor(() => this.exited, timeoutMs, 'the host to exit');
    return this.exitCode ?? null;
  }

  /** Best-effort teardown for afterEach/afterAll. */
  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.disconnect();
    } catch {
      this.child.kill('SIGKILL');
    }
  }

  private receive(raw: unknown): void {
    const parsed = HostToHubSchema.safeParse(raw);
    if (!parsed.success) {
      this.invalid.push(raw);
      return;
    }
    const message = parsed.data;
    for (const listener of this.messageListeners) listener(message);
    if (message.type === 'output') {
      const listener = this.outputListeners.get(message.sessionId);
      if (listener) listener(message.data);
      else {
        const chunks = this.outputs.get(message.sessionId);
        if (chunks) chunks.push(message.data);
        else this.outputs.set(message.sessionId, [message.data]);
      }
      return;
    }
    this.messages.push(message);
  }
}

/** Matches `text` printed as a whole line of output (not the echo of the command that printed it). */
export function outputLine(text: string): RegExp {
  return new RegExp(`[\\r\\n]${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\r\\n`);
}

/** A session id no other run on this machine will use. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
