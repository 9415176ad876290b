// Each test gets its own browser host (fresh data directory and HOME) and a page opened on it.
// Tests that restart or crash the server use `server.restart()`, `server.kill()` and `server.hostPid()`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, test as base, type ElectronApplication, expect, type Page } from '@playwright/test';
import { commandLine, descendants, parentPid, pidsWithEnv } from '../test/support/proc';
import { launchServe, type ServeProcess, stopServe } from '../test/support/serve-process';
import { electronBinary, electronMissingReason } from './electron-binary';

const SERVE = resolve('out/server/serve.js');

export interface ServerHandle {
  url: string;
  dataDir: string;
  home: string;
  pid: number;
  /** The session host process the server forked. */
  hostPid(): number | null;
  /** Stderr so far (the server logs there). */
  log(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops (SIGKILL by default) and starts again on the same data directory; returns the new URL. */
  restart(signal?: NodeJS.Signals): Promise<string>;
  /** Paths the browser host was asked to open in the OS (recorded, never opened: TABTERM_OPEN_LOG). */
  openedPaths(): string[];
  /** Desktop project only: the app's current first window. */
  electronWindow?: () => Promise<Page>;
}

function start(dataDir: string, home: string): Promise<ServeProcess> {
  return launchServe({ entry: [SERVE], dataDir, home, env: { TABTERM_OPEN_LOG: openLog(dataDir) } });
}

function openLog(dataDir: string): string {
  return join(dataDir, '..', 'opened.jsonl');
}

function openedPaths(dataDir: string): string[] {
  const file = openLog(dataDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { path: string }).path);
}

function makeRoot(): { root: string; dataDir: string; home: string } {
  const root = mkdtempSync(join(tmpdir(), 'tabterm-e2e-'));
  const dataDir = join(root, 'data');
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  // A plain, predictable prompt: tests wait for "$ " and read the cwd with pwd.
  writeFileSync(join(home, '.bashrc'), "PS1='$ '\nunset PROMPT_COMMAND\n");
  return { root, dataDir, home };
}

/** The session host of the desktop app: the parent of the shells it started (they carry its marker). */
function hostOfShells(): number | null {
  const [shell] = pidsWithEnv('TABTERM_SESSION_ID', () => true);
  return shell === undefined ? null : parentPid(shell);
}

interface ElectronRun {
  app: ElectronApplication;
}

async function launchElectron(binary: string, dataDir: string, home: string): Promise<ElectronRun> {
  const app = await _electron.launch({
    executablePath: binary,
    args: [resolve('out/main/main.js'), `--user-data-dir=${dataDir}`],
    env: { ...process.env, HOME: home, SHELL: '/bin/bash', PS1: '$ ' } as Record<string, string>,
  });
  return { app };
}

export const test = base.extend<{ server: ServerHandle }>({
  server: async ({ browserName: _ }, use, testInfo) => {
    const binary = testInfo.project.name === 'electron' ? electronBinary() : null;
    // A spec that cannot run says so; it never passes silently.
    testInfo.skip(testInfo.project.name === 'electron' && !binary, electronMissingReason);
    const { root, dataDir, home } = makeRoot();
    if (binary) {
      // The desktop app: the same handle, backed by an Electron process instead of the browser host.
      let run = await launchElectron(binary, dataDir, home);
      const pid = () => run.app.process().pid ?? -1;
      const stop = async (signal: NodeJS.Signals) => {
        if (signal === 'SIGKILL') run.app.process().kill('SIGKILL');
        else await run.app.close();
      };
      await use({
        url: 'app://tabterm/',
        dataDir,
        home,
        get pid() {
          return pid();
        },
        hostPid: hostOfShells,
        log: () => '',
        openedPaths: () => openedPaths(dataDir),
        kill: stop,
        async restart(signal = 'SIGKILL') {
          await stop(signal);
          run = await launchElectron(binary, dataDir, home);
          return 'app://tabterm/';
        },
        electronWindow: () => run.app.firstWindow(),
      } as ServerHandle);
      await run.app.close().catch(() => {});
      rmSync(root, { recursive: true, force: true });
      return;
    }
    let running = await start(dataDir, home);
    const handle: ServerHandle = {
      get url() {
        return running.url.href;
      },
      dataDir,
      home,
      get pid() {
        return running.child.pid ?? -1;
      },
      hostPid() {
        const pid = running.child.pid;
        if (!pid) return null;
        // The session host is the node child of the server.
        return (
          descendants(pid).find((child) => commandLine(child).includes('session-host')) ?? hostOfShells()
        );
      },
      log: () => running.stderr.join(''),
      openedPaths: () => openedPaths(dataDir),
      kill: (signal = 'SIGKILL') => stopServe(running.child, signal),
      async restart(signal = 'SIGKILL') {
        await stopServe(running.child, signal);
        running = await start(dataDir, home);
        return running.url.href;
      },
    };
    await use(handle);
    await stopServe(running.child, 'SIGTERM');
    rmSync(root, { recursive: true, force: true });
  },
  page: async ({ page, server }, use) => {
    if (server.electronWindow) {
      await use(await server.electronWindow());
      return;
    }
    await page.goto(server.url);
    await use(page);
  },
});

export { expect };
