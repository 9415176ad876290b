// The browser host as a user runs it (`out/server/serve.js`, built by `npm run build`), in its own data
// directory and HOME with a plain "$ " prompt, settings written before it starts. Every process it starts
// inherits BENCH_RUN_ID, so survivors can be found by environment after it quits.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Settings } from '../../src/shared/settings';
import { commandLine, descendants, isAlive, pidsWithEnv } from '../../test/support/proc';
import { launchServe } from '../../test/support/serve-process';
import { waitFor } from './wait';
import { WsClient } from './ws-client';

export const RUN_ENV = 'BENCH_RUN_ID';
const ROOT = resolve(import.meta.dirname, '../..');
const BUILT_SERVER = join(ROOT, 'out/server/serve.js');

/**
 * `node out/server/serve.js`; BENCH_SERVE_JS=<path> runs another build (to compare two), and
 * BENCH_FROM_SOURCE=1 the TypeScript source under tsx (it still serves the built renderer).
 */
function serverCommand(): string[] {
  if (process.env.BENCH_FROM_SOURCE === '1')
    return ['--import', 'tsx', join(ROOT, 'src/main/server/serve.ts')];
  const built = process.env.BENCH_SERVE_JS ? resolve(process.env.BENCH_SERVE_JS) : BUILT_SERVER;
  if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" first`);
  return [built];
}

export interface ServerOptions {
  settings?: Partial<Settings>;
  /** Extra environment for the server (inherited by the session host). */
  env?: Record<string, string>;
}

/** Servers not yet disposed, so an interrupted run can still clean up after itself. */
const running = new Set<BenchServer>();

export async function disposeAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.dispose()));
}

export class BenchServer {
  private exitedAt: number | null = null;

  private constructor(
    readonly child: ChildProcess,
    readonly url: URL,
    readonly root: string,
    readonly runId: string,
    private readonly stderr: string[],
  ) {
    child.on('exit', () => {
      this.exitedAt = performance.now();
    });
  }

  static async start(options: ServerOptions = {}): Promise<BenchServer> {
    const root = mkdtempSync(join(tmpdir(), 'tabterm-bench-'));
    const home = join(root, 'home');
    const dataDir = join(root, 'data');
    mkdirSync(home, { recursive: true });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(home, '.bashrc'), "PS1='$ '\nunset PROMPT_COMMAND\nHISTFILE=/dev/null\n");
    if (options.settings) {
      writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(options.settings));
    }
    const runId = randomBytes(8).toString('hex');
    const { child, url, stderr } = await launchServe({
      entry: serverCommand(),
      dataDir,
      home,
      cwd: ROOT,
      env: { ...options.env, [RUN_ENV]: runId },
    });
    const server = new BenchServer(child, url, root, runId, stderr);
    running.add(server);
    await waitFor(() => server.hostPid(), 'the session host to start', 15_000);
    return server;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('server has no pid');
    return this.child.pid;
  }

  /** The session host: the node child of the server. */
  hostPid(): number | null {
    return (
      descendants(this.pid).find((pid) => /session-host|host-main/.test(commandLine(pid)) && isAlive(pid)) ??
      null
    );
  }

  log(): string {
    return this.stderr.join('');
  }

  client(): Promise<WsClient> {
    return WsClient.connect(this.url);
  }

  /** Every live process started by this run (server, host, shells, their children, escaped or not). */
  processes(): number[] {
    return pidsWithEnv(RUN_ENV, (value) => value === this.runId);
  }

  /** Sends `signal` and resolves with the time until the server process exited (ms). */
  async quit(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<number> {
    const started = performance.now();
    if (this.exitedAt === null) {
      this.child.kill(signal);
      await waitFor(() => this.exitedAt !== null, 'the browser host to exit', timeoutMs, 5);
    }
    return (this.exitedAt ?? started) - started;
  }

  /** Stops the server if still running, kills anything of this run left behind, removes the directory. */
  async dispose(): Promise<void> {
    running.delete(this);
    if (this.exitedAt === null) {
      try {
        await this.quit('SIGTERM', 15_000);
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    for (const pid of this.processes()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}
