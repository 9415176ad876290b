// Session host as a `child_process.fork` (browser host and tests). Electron uses utilityProcess instead
// (src/main/electron/utility-host-link.ts); the supervisor sees no difference.
import { fork } from 'node:child_process';
import type { HubToHost } from '../../shared/host-protocol';
import type { HostExit, HostLauncher, HostProcessLink } from './host-link';

export interface ForkOptions {
  /** The session host entry: out/server/session-host.js, or src/session-host/host-main.ts under tsx. */
  modulePath: string;
  /** e.g. ['--import', 'tsx'] to run the TypeScript source directly. */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

export function forkHostLauncher(options: ForkOptions): HostLauncher {
  return () => {
    const child = fork(options.modulePath, [], {
      execArgv: options.execArgv ?? [],
      env: options.env ?? process.env,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let exited = false;
    const exitListeners: Array<(exit: HostExit) => void> = [];
    child.on('exit', (code, signal) => {
      exited = true;
      for (const listener of exitListeners) listener({ code, signal });
    });
    // A send racing the child's death reports through 'error'; the exit event already tells the story.
    child.on('error', () => {});
    const link: HostProcessLink = {
      pid: child.pid,
      send(message: HubToHost) {
        if (exited || !child.connected) return;
        child.send(message, (error) => {
          if (error && !exited) child.emit('error', error);
        });
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit(listener) {
        exitListeners.push(listener);
      },
      kill() {
        if (!exited) child.kill('SIGKILL');
      },
    };
    return link;
  };
}
