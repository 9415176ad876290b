// The browser host as a separate process, the way `npm run serve` runs it: any port, its own data
// directory and HOME, bash as the shell with a plain "$ " prompt. Shared by the end-to-end fixtures,
// the integration tests and the benchmarks, which differ only in what they run (the built server or
// the source) and in the environment they add.
import { type ChildProcess, spawn } from 'node:child_process';

export interface ServeLaunch {
  /** What to run: Node (the default), or e.g. `npm` for `npm run serve --`. */
  program?: string;
  /** Its arguments up to the server's own: the built `out/server/serve.js`, or `--import tsx` and the source. */
  entry: string[];
  dataDir: string;
  home: string;
  cwd?: string;
  /** Added to the environment (after HOME, SHELL and PS1, so it may override them). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface ServeProcess {
  child: ChildProcess;
  /** The URL it printed, token included. */
  url: URL;
  /** Its stderr so far (the server logs there). */
  stderr: string[];
}

/** Starts the server and resolves once it has printed its URL; rejects, with its log, if it exits first. */
export function launchServe(launch: ServeLaunch): Promise<ServeProcess> {
  const child = spawn(
    launch.program ?? process.execPath,
    [...launch.entry, '--port', '0', '--data-dir', launch.dataDir, '--shell', '/bin/bash'],
    {
      ...(launch.cwd ? { cwd: launch.cwd } : {}),
      env: { ...process.env, HOME: launch.home, SHELL: '/bin/bash', PS1: '$ ', ...launch.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`the browser host ${why}:\n${stderr.join('')}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail('did not print its URL');
    }, launch.timeoutMs ?? 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('http'));
      if (!line) return;
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      resolve({ child, url: new URL(line.trim()), stderr });
    });
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited (${code ?? signal}) before printing its URL`);
    child.once('exit', onExit);
  });
}

/** Sends `signal` (unless it already ended) and resolves once the process has exited. */
export function stopServe(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
