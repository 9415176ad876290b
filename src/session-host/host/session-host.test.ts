import { describe, expect, it, vi } from 'vitest';
import type { Reaper, ReapOptions, ReapResult, ReapTarget } from '../kill/process-reaper';
import { noSource } from '../proc/no-source';
import type { ProcFs } from '../proc/proc-fs';
import { procSource } from '../proc/proc-source';
import type { ProcessSource } from '../proc/process-source';
import type { PtyProcess, PtySpawnOptions } from '../pty/pty-process';
import { ActivityPoller } from '../status/activity-poller';
import { FakeClock } from '../testing/fake-clock';
import { FakeLink, FakeMirror, FakePty, spawnRequestFor } from '../testing/fakes';
import { SessionHost } from './session-host';

class FakeReaper implements Reaper {
  readonly calls: { target: ReapTarget; options: ReapOptions }[] = [];
  result: ReapResult = { forced: false, survivors: [] };
  reap(target: ReapTarget, options: ReapOptions): Promise<ReapResult> {
    this.calls.push({ target, options });
    return Promise.resolve(this.result);
  }
}

const tpgidOf = new Map<number, number>();
const procFs: ProcFs = {
  listPids: () => [],
  readStat: (pid) =>
    `${pid} (bash) S 1 ${pid} ${pid} 34816 ${tpgidOf.get(pid) ?? pid} 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0`,
  readEnviron: () => null,
  readComm: () => 'vim',
  readCwd: () => '/tmp',
};

function setup(
  spawnPty?: (options: PtySpawnOptions) => PtyProcess,
  processes: ProcessSource = procSource(procFs),
) {
  const clock = new FakeClock();
  const link = new FakeLink();
  const reaper = new FakeReaper();
  const ptys: FakePty[] = [];
  const mirrors: FakeMirror[] = [];
  const host = new SessionHost({
    link,
    spawnPty:
      spawnPty ??
      ((options) => {
        const pty = new FakePty(1000 + ptys.length, options);
        ptys.push(pty);
        return pty;
      }),
    createMirror: () => {
      const mirror = new FakeMirror();
      mirrors.push(mirror);
      return mirror;
    },
    reaper,
    poller: new ActivityPoller({ intervalMs: 500, activeWindowMs: 1500 }, clock),
    processes,
    hostId: 'host-x',
    hostEnv: { PATH: '/usr/bin:/bin', HOME: '/root' },
    wallClock: () => 1_700_000_000_000,
  });
  const spawn = (sessionId: string, reqId = 1, shell = '/bin/sh', cwd = '/tmp') =>
    host.handle({
      type: 'spawn',
      reqId,
      request: spawnRequestFor(sessionId, { shell, args: ['-i'], cwd, env: { X: '1' } }),
    });
  return { host, link, reaper, ptys, mirrors, spawn, clock };
}

describe('SessionHost', () => {
  it('spawns with the checked shell, the marker env and the size, and answers spawned then an idle status', () => {
    const { link, ptys, spawn } = setup();
    spawn('s1', 7);
    expect(ptys[0]?.options).toMatchObject({
      file: '/bin/sh',
      args: ['-i'],
      cwd: '/tmp',
      cols: 80,
      rows: 24,
    });
    expect(ptys[0]?.options.env).toMatchObject({
      X: '1',
      PATH: '/usr/bin:/bin',
      TABTERM_SESSION_ID: 's1',
      TABTERM_HOST_ID: 'host-x',
      TERM: 'xterm-256color',
    });
    expect(link.sent.map((m) => m.type)).toEqual(['spawned', 'status']);
    expect(link.sent[0]).toEqual({
      type: 'spawned',
      reqId: 7,
      session: {
        sessionId: 's1',
        tabId: 't-s1',
        pid: 1000,
        shell: '/bin/sh',
        cwd: '/tmp',
        cols: 80,
        rows: 24,
      },
    });
    expect(link.ofType('status')[0]?.status).toMatchObject({ status: 'idle', title: 'sh', cwd: '/tmp' });
  });

  it('answers a spawn request it refuses with spawn_failed for that request, naming the field', () => {
    const { host, link, ptys } = setup();
    const request = spawnRequestFor('s1', { args: ['-c', 'x'.repeat(200 * 1024)], env: { A: 'a\0b' } });
    host.handle({ type: 'spawn', reqId: 4, request });
    expect(ptys).toHaveLength(0);
    const [failed] = link.ofType('spawn_failed');
    expect(failed).toMatchObject({ reqId: 4, sessionId: 's1' });
    expect(failed?.message).toMatch(/^Invalid spawn request: .*args\.1.*env\.A/);
    expect(failed?.message.length).toBeLessThan(1000);
    // Without a usable request id or session id there is no request to answer: a plain error.
    host.handle({ type: 'spawn', reqId: -1, request });
    host.handle({ type: 'spawn', reqId: 5, request: { ...request, sessionId: '' } });
    expect(link.ofType('spawn_failed')).toHaveLength(1);
    expect(link.ofType('error')).toHaveLength(2);
  });

  it('fails a spawn with a person-readable message before creating anything', () => {
    const { link, ptys, spawn } = setup();
    spawn('s1', 1, '/bin/nosuch');
    spawn('s2', 2, '/bin/sh', '/nope');
    expect(ptys).toHaveLength(0);
    expect(link.ofType('spawn_failed')).toEqual([
      {
        type: 'spawn_failed',
        reqId: 1,
        sessionId: 's1',
        message: 'Cannot start "/bin/nosuch": no such file',
      },
      {
        type: 'spawn_failed',
        reqId: 2,
        sessionId: 's2',
        message: 'Cannot start in "/nope": no such directory',
      },
    ]);
  });

  it('wraps an exception from the PTY layer into spawn_failed', () => {
    const { host, link, spawn } = setup(() => {
      throw new Error('forkpty(3) failed.');
    });
    spawn('z', 3);
    expect(link.ofType('spawn_failed')[0]).toMatchObject({
      reqId: 3,
      message: 'Cannot start "/bin/sh": forkpty(3) failed.',
    });
    expect(host.sessionCount).toBe(0);
  });

  it('refuses a duplicate session id, also for a session that already exited', () => {
    const { link, ptys, spawn } = setup();
    spawn('s1', 1);
    spawn('s1', 2);
    ptys[0]?.emitExit({ exitCode: 0, signal: null });
    spawn('s1', 3);
    expect(ptys).toHaveLength(1);
    expect(link.ofType('spawn_failed').map((m) => m.reqId)).toEqual([2, 3]);
  });

  it('answers a snapshot after flushing pending output, and sends later output after it, in order', async () => {
    const { host, link, ptys, spawn } = setup();
    spawn('s1');
    ptys[0]?.emitData('x'.repeat(1000)); // large: held by the batcher
    expect(link.ofType('output')).toHaveLength(0);
    host.handle({ type: 'snapshot', reqId: 9, sessionId: 's1' });
    ptys[0]?.emitData('y'.repeat(1000));
    host.handle({ type: 'snapshot', reqId: 11, sessionId: 's1' });
    await vi.waitFor(() => expect(link.ofType('snapshot')).toHaveLength(2));
    const order = link.sent.filter((m) => m.type === 'output' || m.type === 'snapshot').map((m) => m.type);
    expect(order).toEqual(['output', 'snapshot', 'output', 'snapshot']);
    expect(link.ofType('snapshot')[0]).toEqual({
      type: 'snapshot',
      reqId: 9,
      sessionId: 's1',
      data: `<modes>${'x'.repeat(1000)}`,
    });
    expect(link.ofType('output')[1]).toMatchObject({ data: 'y'.repeat(1000) });
    host.handle({ type: 'snapshot', reqId: 10, sessionId: 'nope' });
    expect(link.ofType('snapshot')[2]).toMatchObject({ reqId: 10, data: null });
  });

  it('starts the mirror with restored history that is never sent as output', () => {
    const { host, link, mirrors } = setup();
    host.handle({
      type: 'spawn',
      reqId: 1,
      request: spawnRequestFor('s1', { tabId: 't1', preamble: 'old history\r\n' }),
    });
    expect(mirrors[0]?.text).toBe('old history\r\n');
    expect(link.ofType('output')).toEqual([]);
  });

  it('answers a normal-screen snapshot for saving', async () => {
    const { host, link, spawn } = setup();
    spawn('s1');
    host.handle({ type: 'snapshot', reqId: 3, sessionId: 's1', normal: true });
    await vi.waitFor(() => expect(link.ofType('snapshot')[0]).toMatchObject({ reqId: 3, data: '<normal>' }));
  });

  it('keeps the mirror at the PTY size', () => {
    const { host, mirrors, spawn } = setup();
    spawn('s1');
    host.handle({ type: 'resize', sessionId: 's1', cols: 132, rows: 50 });
    expect(mirrors[0]?.size).toEqual({ cols: 132, rows: 50 });
  });

  it('pauses and resumes the PTY for the hub, and for the channel backlog across all sessions', () => {
    const { host, link, ptys, spawn } = setup();
    spawn('a', 1);
    spawn('b', 2);
    host.handle({ type: 'pause', sessionId: 'a' });
    expect(ptys[0]?.calls).toEqual(['pause']);
    link.backlogged = true;
    ptys[1]?.emitData('y'); // any send notices the backlog
    expect(ptys[1]?.calls).toEqual(['pause']);
    expect(ptys[0]?.calls).toEqual(['pause']);
    link.drained();
    expect(ptys[1]?.calls).toEqual(['pause', 'resume']);
    expect(ptys[0]?.calls).toEqual(['pause']); // still paused by the hub
    host.handle({ type: 'resume', sessionId: 'a' });
    expect(ptys[0]?.calls).toEqual(['pause', 'resume']);
  });

  it('sends the remaining output, an exited status, then exit, and forgets the session', () => {
    const { host, link, ptys, spawn } = setup();
    spawn('s1');
    ptys[0]?.emitData('z'.repeat(500));
    ptys[0]?.emitExit({ exitCode: 3, signal: null });
    const tail = link.sent.slice(-4);
    // output, then the status it changed (lastOutputAt), then the exited status, then exit
    expect(tail.map((m) => m.type)).toEqual(['output', 'status', 'status', 'exit']);
    expect(tail[0]).toEqual({ type: 'output', sessionId: 's1', data: 'z'.repeat(500) });
    expect(tail[2]).toMatchObject({ status: { status: 'exited', exitCode: 3 } });
    expect(tail[3]).toEqual({ type: 'exit', sessionId: 's1', exitCode: 3, signal: null });
    expect(host.sessionCount).toBe(0);
  });

  it('kills through the reaper with the live shell pid, and refuses unknown sessions', async () => {
    const { host, link, reaper, spawn } = setup();
    spawn('s1');
    host.handle({ type: 'kill', sessionId: 's1' });
    expect(reaper.calls[0]).toEqual({
      target: {
        hostId: 'host-x',
        sessionId: 's1',
        shellPid: 1000,
        group: 1000,
        killTerminal: expect.any(Function),
      },
      options: { graceMs: 1500, timeoutMs: 5000 },
    });
    host.handle({ type: 'kill', sessionId: 'ghost' });
    expect(link.ofType('error').at(-1)).toEqual({
      type: 'error',
      sessionId: 'ghost',
      message: 'No session "ghost"',
    });
  });

  it('shuts down live sessions and the stragglers of exited ones, naming the forced ones', async () => {
    const { host, reaper, ptys, spawn } = setup();
    spawn('live');
    spawn('gone', 2);
    ptys[1]?.emitExit({ exitCode: 0, signal: null });
    reaper.result = { forced: true, survivors: [] };
    const result = await host.shutdown(2000);
    expect(reaper.calls.map((c) => c.target)).toEqual([
      {
        hostId: 'host-x',
        sessionId: 'live',
        shellPid: 1000,
        group: 1000,
        killTerminal: expect.any(Function),
      },
      { hostId: 'host-x', sessionId: 'gone', shellPid: null, group: 1001 },
    ]);
    expect(reaper.calls[0]?.options).toEqual({ graceMs: 1200, timeoutMs: 2000 });
    expect(result).toEqual({ forced: ['live', 'gone'], survivors: [] });
  });

  it('ends what dead hosts left behind (never its own sessions), and again at shutdown if some survived', async () => {
    const { host, reaper, link, spawn } = setup();
    spawn('live');
    reaper.result = { forced: true, survivors: [4321] };
    host.handle({ type: 'reap_orphans', reqId: 8, hostIds: ['dead-1', 'host-x'] });
    await vi.waitFor(() => expect(link.ofType('orphans_reaped')).toHaveLength(1));
    expect(link.ofType('orphans_reaped')[0]).toEqual({ type: 'orphans_reaped', reqId: 8, survivors: [4321] });
    expect(reaper.calls.map((c) => c.target)).toEqual([
      { hostId: 'dead-1', sessionId: null, shellPid: null },
    ]);
    reaper.result = { forced: false, survivors: [] };
    await host.shutdown(1000);
    expect(reaper.calls.map((c) => c.target).slice(1)).toEqual([
      {
        hostId: 'host-x',
        sessionId: 'live',
        shellPid: 1000,
        group: 1000,
        killTerminal: expect.any(Function),
      },
      { hostId: 'dead-1', sessionId: null, shellPid: null },
    ]);
  });

  it('keeps its own timeout for a session whose kill is still running at shutdown', async () => {
    const { host, reaper, spawn } = setup();
    spawn('s1');
    host.handle({ type: 'kill', sessionId: 's1' });
    host.handle({ type: 'kill', sessionId: 's1' });
    await host.shutdown(1000);
    expect(reaper.calls.map((c) => c.options.timeoutMs)).toEqual([5000, 1000]);
  });

  it('answers ping, list and invalid messages', () => {
    const { host, link, spawn } = setup();
    spawn('s1');
    host.handle({ type: 'ping', seq: 4 });
    host.handle({ type: 'list', reqId: 5 });
    host.handle({ type: 'resize', sessionId: 's1', cols: 0, rows: 10 });
    expect(link.ofType('pong')).toEqual([{ type: 'pong', seq: 4 }]);
    expect(link.ofType('sessions')[0]?.sessions.map((s) => s.sessionId)).toEqual(['s1']);
    expect(link.ofType('error')[0]).toMatchObject({
      sessionId: 's1',
      message: expect.stringMatching(/^Invalid message: cols/),
    });
  });

  it('polls the foreground process after input and reports the running program', async () => {
    const { host, link, clock, spawn } = setup();
    spawn('s1');
    tpgidOf.set(1000, 2000);
    host.handle({ type: 'write', sessionId: 's1', data: 'vim\r' });
    clock.advance(500);
    await vi.waitFor(() =>
      expect(link.ofType('status').at(-1)?.status).toMatchObject({
        status: 'running',
        command: 'vim',
        title: 'vim',
      }),
    );
    tpgidOf.delete(1000);
  });

  it("without a process table, tells running from idle by node-pty's foreground process name", () => {
    const { host, link, clock, ptys, spawn } = setup(undefined, noSource);
    spawn('s1');
    ptys[0]!.processName = 'sleep';
    host.handle({ type: 'write', sessionId: 's1', data: 'sleep 9\r' });
    clock.advance(500);
    expect(link.ofType('status').at(-1)?.status).toMatchObject({ status: 'running', command: 'sleep' });
    ptys[0]!.processName = '/bin/sh';
    host.handle({ type: 'write', sessionId: 's1', data: '\r' });
    clock.advance(500);
    expect(link.ofType('status').at(-1)?.status).toMatchObject({ status: 'idle', command: null });
  });
});
