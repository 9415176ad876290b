// The session host as an Electron utilityProcess (the runAsNode fuse is off in packaged builds, so
// child_process.fork of Electron itself is not available). Same contract as fork-host-link.ts: the
// supervisor cannot tell them apart. `fork` is injected, so this is tested without Electron.
import type { ForkOptions, UtilityProcess } from 'electron';
import type { HubToHost } from '../../shared/host-protocol';
import type { HostExit, HostLauncher, HostProcessLink } from '../host/host-link';

export type UtilityFork = (modulePath: string, args: string[], options: ForkOptions) => UtilityProcess;

export interface UtilityHostOptions {
  fork: UtilityFork;
  /** out/main/session-host.js */
  modulePath: string;
  log(line: string): void;
  /** SIGKILL by pid: utilityProcess.kill() sends SIGTERM, which a hung host may never act on. */
  killPid?: (pid: number) => void;
}

function sigkill(pid: number): void {
  process.kill(pid, 'SIGKILL');
}

/** Forward a child's output line by line to the log (and keep the pipe drained, or the host blocks). */
function forwardLines(stream: NodeJS.ReadableStream | null, log: (line: string) => void): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string | Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.length > 0) log(`[session host] ${line}`);
  });
  stream.on('end', () => {
    if (partial.length > 0) log(`[session host] ${partial}`);
    partial = '';
  });
}

export function utilityHostLauncher(options: UtilityHostOptions): HostLauncher {
  const killPid = options.killPid ?? sigkill;
  return () => {
    const child = options.fork(options.modulePath, [], {
      serviceName: 'Tabterm session host',
      stdio: 'pipe',
    });
    let exited = false;
    // The pid disappears from `child` after exit; keep it for logs and the supervisor.
    let pid = child.pid;
    const exitListeners: Array<(exit: HostExit) => void> = [];
    child.on('spawn', () => {
      pid = child.pid;
    });
    child.on('exit', (code) => {
      exited = true;
      for (const listener of exitListeners) listener({ code, signal: null });
    });
    child.on('error', (type, location) => options.log(`session host ${type} at ${location}`));
    forwardLines(child.stdout, options.log);
    forwardLines(child.stderr, options.log);

    const link: HostProcessLink = {
      get pid() {
        return pid;
      },
      send(message: HubToHost) {
        if (!exited) child.postMessage(message);
      },
      onMessage(listener) {
        child.on('message', (message: unknown) => listener(message));
      },
      onExit(listener) {
        exitListeners.push(listener);
      },
      kill() {
        if (exited) return;
        const target = child.pid ?? pid;
        try {
          if (target === undefined) child.kill();
          else killPid(target);
        } catch (error) {
          options.log(
            `could not kill the session host: ${error instanceof Error ? error.message : String(error)}`,
          );
          child.kill();
        }
      },
    };
    return link;
  };
}
