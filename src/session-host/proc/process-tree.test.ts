import { describe, expect, it } from 'vitest';
import type { ProcFs } from './proc-fs';
import { procSource } from './proc-source';
import { markedSessionOf, markerOf, sessionIdentity, sessionProcesses, tableOf } from './process-tree';

interface FakeProcess {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  state?: string;
  comm?: string;
  env?: Record<string, string>;
}

const HOST = 'host-1';
const SELF = 500;

function fakeProc(list: FakeProcess[]): ProcFs & { environReads: number } {
  const byPid = new Map(list.map((p) => [p.pid, p]));
  const fs = {
    environReads: 0,
    listPids: () => [...byPid.keys()],
    readStat: (pid: number) => {
      const p = byPid.get(pid);
      if (!p) return null;
      const rest = `${p.ppid} ${p.pgid} ${p.sid} 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${1000 + pid}`;
      return `${pid} (${p.comm ?? 'proc'}) ${p.state ?? 'S'} ${rest} 0 0`;
    },
    readEnviron: (pid: number) => {
      fs.environReads++;
      const p = byPid.get(pid);
      if (!p) return null;
      return `${Object.entries(p.env ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join('\0')}\0`;
    },
    readComm: (pid: number) => byPid.get(pid)?.comm ?? null,
    readCwd: () => null,
  };
  return fs;
}

const mark = (sessionId: string, hostId = HOST) => ({
  TABTERM_SESSION_ID: sessionId,
  TABTERM_HOST_ID: hostId,
});

// The host (500) runs under the app (400) in the login session 300; pid 1 is init.
const base: FakeProcess[] = [
  { pid: 1, ppid: 0, pgid: 1, sid: 1 },
  { pid: 2, ppid: 0, pgid: 0, sid: 0, comm: 'kthreadd' },
  { pid: 3, ppid: 2, pgid: 0, sid: 0, comm: 'kworker' },
  { pid: 300, ppid: 1, pgid: 300, sid: 300, comm: 'login' },
  { pid: 400, ppid: 300, pgid: 400, sid: 300, comm: 'app' },
  { pid: SELF, ppid: 400, pgid: 400, sid: 300, comm: 'host' },
  { pid: 999, ppid: 1, pgid: 999, sid: 999, comm: 'unrelated' },
];

async function scan(list: FakeProcess[]) {
  const listed = await procSource(fakeProc([...base, ...list])).list(true);
  if (!listed) throw new Error('nothing listed');
  return tableOf(listed, SELF);
}

describe('sessionProcesses', () => {
  it('finds the shell, its background job, a pipeline group and grandchildren', async () => {
    const table = await scan([
      { pid: 600, ppid: SELF, pgid: 600, sid: 600, comm: 'bash', env: mark('s1') },
      { pid: 601, ppid: 600, pgid: 601, sid: 600, comm: 'sleep', env: mark('s1') },
      { pid: 602, ppid: 600, pgid: 602, sid: 600, comm: 'make' },
      { pid: 603, ppid: 602, pgid: 602, sid: 600, comm: 'cc' },
    ]);
    expect(sessionProcesses(table, sessionIdentity(HOST, 's1', 600))).toEqual([600, 601, 602, 603]);
  });

  it('finds a setsid child and a double-forked daemon through the marker, and what they started', async () => {
    const table = await scan([
      { pid: 600, ppid: SELF, pgid: 600, sid: 600, comm: 'bash', env: mark('s1') },
      // setsid sleep: own session, still a child of bash
      { pid: 610, ppid: 600, pgid: 610, sid: 610, comm: 'sleep', env: mark('s1') },
      // (setsid daemon &): reparented to init, own session
      { pid: 620, ppid: 1, pgid: 620, sid: 620, comm: 'daemon', env: mark('s1') },
      // ...which started a worker with a scrubbed environment (env -i): found through its parent
      { pid: 621, ppid: 620, pgid: 620, sid: 620, comm: 'worker' },
      // ...and an orphaned grandchild in the daemon's session, reparented, no marker
      { pid: 622, ppid: 1, pgid: 622, sid: 620, comm: 'orphan' },
    ]);
    expect(sessionProcesses(table, sessionIdentity(HOST, 's1', 600))).toEqual([600, 610, 620, 621, 622]);
  });

  it('never includes other sessions, other hosts with the same session id, the host or its ancestors', async () => {
    const table = await scan([
      { pid: 600, ppid: SELF, pgid: 600, sid: 600, comm: 'bash', env: mark('s1') },
      { pid: 700, ppid: SELF, pgid: 700, sid: 700, comm: 'bash', env: mark('s2') },
      { pid: 701, ppid: 700, pgid: 701, sid: 700, comm: 'vim', env: mark('s2') },
      { pid: 800, ppid: 1, pgid: 800, sid: 800, comm: 'other-app', env: mark('s1', 'another-host') },
      // a marked process that somehow sits in the host's own group must not drag the host's group in
      { pid: 650, ppid: SELF, pgid: 400, sid: 300, comm: 'odd', env: mark('s1') },
    ]);
    expect(sessionProcesses(table, sessionIdentity(HOST, 's1', 600))).toEqual([600, 650]);
    expect(sessionProcesses(table, sessionIdentity(HOST, 's2', 700))).toEqual([700, 701]);
  });

  it('after the shell exited, relies on markers only (its pid may have been reused)', async () => {
    const table = await scan([
      { pid: 600, ppid: 1, pgid: 600, sid: 600, comm: 'reused-pid' },
      { pid: 630, ppid: 1, pgid: 630, sid: 630, comm: 'nohup-job', env: mark('s1') },
    ]);
    expect(sessionProcesses(table, sessionIdentity(HOST, 's1', null))).toEqual([630]);
  });

  it("finds everything a dead host's sessions left, by its marker alone, and nothing of the live host", async () => {
    const table = await scan([
      { pid: 630, ppid: 1, pgid: 630, sid: 630, comm: 'nohup-job', env: mark('s1', 'dead-host') },
      { pid: 631, ppid: 630, pgid: 630, sid: 630, comm: 'its-child' },
      { pid: 640, ppid: 1, pgid: 640, sid: 640, comm: 'setsid-job', env: mark('s7', 'dead-host') },
      { pid: 700, ppid: SELF, pgid: 700, sid: 700, comm: 'bash', env: mark('s1') },
    ]);
    expect(sessionProcesses(table, sessionIdentity('dead-host', null, null))).toEqual([630, 631, 640]);
  });

  it('keeps finding the members of a known session after its leader died and they were reparented', async () => {
    const identity = sessionIdentity(HOST, 's1', 600);
    const before = await scan([
      { pid: 600, ppid: SELF, pgid: 600, sid: 600, comm: 'bash' },
      { pid: 660, ppid: 600, pgid: 660, sid: 600, comm: 'env-i-job' },
    ]);
    expect(sessionProcesses(before, identity)).toEqual([600, 660]);
    const after = await scan([{ pid: 660, ppid: 1, pgid: 660, sid: 600, comm: 'env-i-job' }]);
    expect(sessionProcesses(after, identity)).toEqual([660]);
  });

  it('leaves zombies out: they have ended already', async () => {
    const table = await scan([
      { pid: 600, ppid: SELF, pgid: 600, sid: 600, comm: 'bash', env: mark('s1') },
      { pid: 640, ppid: 600, pgid: 640, sid: 600, comm: 'done', state: 'Z' },
    ]);
    expect(sessionProcesses(table, sessionIdentity(HOST, 's1', 600))).toEqual([600]);
  });
});

describe('the /proc source and its table', () => {
  it('reads each process environment once, not on every listing', async () => {
    const fs = fakeProc([...base, { pid: 600, ppid: SELF, pgid: 600, sid: 600, env: mark('s1') }]);
    const source = procSource(fs);
    await source.list(true);
    const first = fs.environReads;
    expect(first).toBeGreaterThan(0);
    const listed = await source.list(true);
    expect(fs.environReads).toBe(first);
    expect(tableOf(listed ?? [], SELF).processes.get(600)?.marker).toEqual({ hostId: HOST, sessionId: 's1' });
  });

  it('protects the host, its ancestors, init and kernel threads', async () => {
    const table = await scan([]);
    for (const pid of [1, 2, 3, 400, SELF]) expect(table.processes.has(pid)).toBe(false);
    expect(table.processes.has(999)).toBe(true);
  });
});

describe('markerOf / markedSessionOf', () => {
  it('reads the marker of any host, and nothing from half a marker', async () => {
    expect(markerOf('A=1\0TABTERM_SESSION_ID=s1\0TABTERM_HOST_ID=h9\0')).toEqual({
      hostId: 'h9',
      sessionId: 's1',
    });
    expect(markerOf('TABTERM_SESSION_ID=s1\0')).toBeNull();
  });

  it('needs both the host id and the session id', async () => {
    expect(markedSessionOf('A=1\0TABTERM_SESSION_ID=s1\0TABTERM_HOST_ID=host-1\0', HOST)).toBe('s1');
    expect(markedSessionOf('TABTERM_SESSION_ID=s1\0TABTERM_HOST_ID=host-2\0', HOST)).toBeNull();
    expect(markedSessionOf('TABTERM_SESSION_ID=s1\0', HOST)).toBeNull();
  });
});
