import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { UtilityProcess } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { utilityHostLauncher } from './utility-host-link';

class FakeUtility extends EventEmitter {
  pid: number | undefined = undefined;
  stdout = new PassThrough();
  stderr = new PassThrough();
  posted: unknown[] = [];
  killed = 0;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed++;
    return true;
  }
}

function setup() {
  const child = new FakeUtility();
  const fork = vi.fn(() => child as unknown as UtilityProcess);
  const log = vi.fn();
  const killPid = vi.fn();
  const link = utilityHostLauncher({ fork, modulePath: '/app/out/main/session-host.js', log, killPid })();
  return { child, fork, log, killPid, link };
}

describe('utilityHostLauncher', () => {
  it('forks the built host as a named utility process with piped output', () => {
    const { fork } = setup();
    expect(fork).toHaveBeenCalledWith('/app/out/main/session-host.js', [], {
      serviceName: 'Tabterm session host',
      stdio: 'pipe',
    });
  });

  it('passes messages both ways and reports the pid once spawned', () => {
    const { child, link } = setup();
    expect(link.pid).toBeUndefined();
    child.pid = 4242;
    child.emit('spawn');
    expect(link.pid).toBe(4242);
    const received: unknown[] = [];
    link.onMessage((raw) => received.push(raw));
    child.emit('message', { type: 'hello', pid: 4242 });
    expect(received).toEqual([{ type: 'hello', pid: 4242 }]);
    link.send({ type: 'ping', seq: 1 } as never);
    expect(child.posted).toEqual([{ type: 'ping', seq: 1 }]);
  });

  it('reports exit and stops sending afterwards', () => {
    const { child, link } = setup();
    const exits: unknown[] = [];
    link.onExit((exit) => exits.push(exit));
    child.emit('exit', 9);
    expect(exits).toEqual([{ code: 9, signal: null }]);
    link.send({ type: 'ping', seq: 2 } as never);
    expect(child.posted).toEqual([]);
  });

  it('kills with SIGKILL by pid (utilityProcess.kill is only SIGTERM)', () => {
    const { child, link, killPid } = setup();
    child.pid = 77;
    child.emit('spawn');
    link.kill();
    expect(killPid).toHaveBeenCalledWith(77);
    expect(child.killed).toBe(0);
  });

  it('falls back to kill() before the pid is known or when the pid kill fails', () => {
    const { child, link, killPid } = setup();
    link.kill();
    expect(child.killed).toBe(1);
    child.pid = 5;
    killPid.mockImplementation(() => {
      throw new Error('ESRCH');
    });
    link.kill();
    expect(child.killed).toBe(2);
  });

  it('forwards the host output to the log line by line', async () => {
    const { child, log } = setup();
    child.stdout.write('first li');
    child.stdout.write('ne\nsecond\n');
    child.stderr.end('oops');
    await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(3));
    expect(log.mock.calls.map((call) => call[0])).toEqual([
      '[session host] first line',
      '[session host] second',
      '[session host] oops',
    ]);
  });
});
