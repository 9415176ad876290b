// Entry of the session host process (DESIGN.md §1, §5). Started by Electron as a utilityProcess
// (process.parentPort) or by child_process.fork (browser host, tests; use serialization 'advanced').
// It says `hello`, serves HubToHost messages, and when the hub goes away it ends every session and exits,
// so no session outlives the app.
import { randomBytes } from 'node:crypto';
import { Reaping, Shutdown } from '../shared/limits';
import { realClock } from './clock';
import { SessionHost } from './host/session-host';
import { ProcessReaper, sendSignal } from './kill/process-reaper';
import { createForkLink } from './link/fork-link';
import type { HostLink } from './link/host-link';
import { createParentPortLink } from './link/parent-port-link';
import { TerminalMirror } from './mirror/terminal-mirror';
import { chooseSource } from './proc/choose-source';
import { tableOf } from './proc/process-tree';
import { spawnPty } from './pty/pty-adapter';
import { ActivityPoller } from './status/activity-poller';

function log(message: string): void {
  process.stderr.write(`[session-host ${process.pid}] ${message}\n`);
}

function main(link: HostLink): void {
  const hostId = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const processes = chooseSource({ platform: process.platform, env: process.env });
  log(`process table: ${processes.kind}`);
  const reaper = new ProcessReaper({
    scan: async () => {
      const listed = await processes.list(true);
      return listed && tableOf(listed, process.pid, processes.groups);
    },
    signal: sendSignal,
    now: () => realClock.now(),
    schedule: (callback, ms) => setTimeout(callback, ms),
    scanIntervalMs: Reaping.scanIntervalMs,
  });
  const host = new SessionHost({
    link,
    spawnPty,
    createMirror: (config, size) => new TerminalMirror({ ...size, scrollback: config.ringMaxLines }),
    reaper,
    poller: new ActivityPoller(),
    processes,
    hostId,
    hostEnv: process.env,
    wallClock: () => Date.now(),
  });

  let exiting = false;
  const exitCleanly = (reason: string, code: number) => {
    if (exiting) return;
    exiting = true;
    void host.shutdown(Shutdown.totalTimeoutMs).then(
      (result) => {
        if (result.survivors.length > 0)
          log(`${reason}; processes still alive: ${result.survivors.join(' ')}`);
        process.exit(code);
      },
      (error: unknown) => {
        log(`${reason}; shutdown failed: ${String(error)}`);
        process.exit(code || 1);
      },
    );
  };

  link.onMessage((raw) => {
    try {
      host.handle(raw);
    } catch (error) {
      // A bug handling one message must not take every session down with it.
      log(
        `error handling a message: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      link.send({ type: 'error', sessionId: null, message: 'The session host failed to handle a message' });
    }
  });
  link.onDisconnect(() => exitCleanly('the hub disconnected', 0));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => exitCleanly(`received ${signal}`, 0));
  }
  process.on('uncaughtException', (error) => {
    log(`uncaught: ${error.stack ?? error.message}`);
    exitCleanly('uncaught exception', 1);
  });
  link.send({ type: 'hello', pid: process.pid, hostId });
}

const link = createParentPortLink() ?? createForkLink();
if (link) {
  main(link);
} else {
  log('no parent channel: start the session host with child_process.fork or utilityProcess.fork');
  process.exit(2);
}
