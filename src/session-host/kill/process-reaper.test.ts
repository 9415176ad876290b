import { describe, expect, it } from 'vitest';
import type { ProcessInfo, ProcessTable } from '../proc/process-tree';
import { ProcessReaper, type ReapResult } from './process-reaper';

type Behaviour = 'dies-on-hup' | 'ignores-hup' | 'unkillable';

interface SimProcess {
  info: ProcessInfo;
  behaviour: Behaviour;
  /** On SIGHUP, fork this child before dying (a wrapper that respawns its worker, say). */
  forkOnHup?: SimProcess;
}

function proc(pid: number, ppid: number, behaviour: Behaviour, extra: Partial<ProcessInfo> = {}): SimProcess {
  return {
    behaviour,
    info: {
      pid,
      ppid,
      pgid: pid,
      sid: 100,
      comm: 'p',
      state: 'S',
      tpgid: -1,
      startTime: pid,
      marker: null,
      ...extra,
    },
  };
}

/** A fake world with a virtual clock: scheduled ticks run in time order, signals change the process list. */
class World {
  time = 0;
  processes = new Map<number, SimProcess>();
  signals: string[] = [];
  /** No process table can be read (the reaper works blind, with the group and signal 0). */
  blind = false;
  private queue: { at: number; callback: () => void }[] = [];

  add(...list: SimProcess[]): void {
    for (const p of list) this.processes.set(p.info.pid, p);
  }

  reaper(): ProcessReaper {
    return new ProcessReaper({
      scan: (): ProcessTable | null =>
        this.blind
          ? null
          : {
              processes: new Map([...this.processes].map(([pid, p]) => [pid, p.info])),
              protectedPids: new Set([1]),
              protectedGroups: new Set([0, 1]),
              groups: true,
            },
      signal: (pid, signal) => this.signal(pid, signal),
      now: () => this.time,
      schedule: (callback, ms) => this.queue.push({ at: this.time + ms, callback }),
      scanIntervalMs: 50,
    });
  }

  private signal(pid: number, signal: string | 0): boolean {
    if (pid < 0) {
      const members = [...this.processes.values()].filter((p) => p.info.pgid === -pid);
      if (signal !== 0) this.signals.push(`${signal}:${pid}`);
      for (const member of members) if (signal !== 0) this.deliver(member, signal);
      return members.length > 0;
    }
    const p = this.processes.get(pid);
    if (!p) return false;
    if (signal === 0) return true;
    this.signals.push(`${signal}:${pid}`);
    this.deliver(p, signal);
    return true;
  }

  private deliver(p: SimProcess, signal: string): void {
    const pid = p.info.pid;
    if (signal === 'SIGCONT') p.info.state = 'S';
    if (signal === 'SIGHUP' && p.behaviour === 'dies-on-hup' && p.info.state !== 'T') {
      this.processes.delete(pid);
      if (p.forkOnHup) this.add(p.forkOnHup);
    }
    if (signal === 'SIGKILL' && p.behaviour !== 'unkillable') this.processes.delete(pid);
  }

  async run(promise: Promise<ReapResult>): Promise<ReapResult> {
    let result: ReapResult | undefined;
    promise.then((r) => {
      result = r;
    });
    while (result === undefined) {
      const next = this.queue.sort((a, b) => a.at - b.at).shift();
      if (!next) throw new Error('reaper stopped without answering');
      this.time = next.at;
      next.callback();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return result;
  }
}

const options = { graceMs: 1500, timeoutMs: 5000 };

describe('ProcessReaper', () => {
  it('hangs up the whole session and finishes without SIGKILL when everything obeys', async () => {
    const world = new World();
    world.add(proc(100, 1, 'dies-on-hup', { sid: 100 }), proc(101, 100, 'dies-on-hup', { pgid: 101 }));
    const result = await world.run(
      world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: 100 }, options),
    );
    expect(result).toEqual({ forced: false, survivors: [] });
    expect(world.signals).toEqual(['SIGHUP:100', 'SIGHUP:101']);
    expect(world.time).toBeLessThan(100);
  });

  it('SIGKILLs what ignores SIGHUP after the grace period and reports it as forced', async () => {
    const world = new World();
    world.add(proc(100, 1, 'dies-on-hup'), proc(102, 100, 'ignores-hup', { pgid: 102 }));
    const result = await world.run(
      world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: 100 }, options),
    );
    expect(result).toEqual({ forced: true, survivors: [] });
    expect(world.signals).toContain('SIGKILL:102');
    expect(world.time).toBeGreaterThanOrEqual(1500);
    expect(world.time).toBeLessThan(1600);
  });

  it('wakes stopped processes with SIGCONT after the SIGHUP so they can act on it', async () => {
    const world = new World();
    world.add(proc(100, 1, 'dies-on-hup'), proc(103, 100, 'dies-on-hup', { state: 'T' }));
    const reaped = world.run(world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: 100 }, options));
    const result = await reaped;
    expect(world.signals.slice(0, 3)).toEqual(['SIGHUP:100', 'SIGHUP:103', 'SIGCONT:103']);
    // the stopped one could not act on the hangup before SIGCONT, so it ends by SIGKILL
    expect(result.forced).toBe(true);
    expect(result.survivors).toEqual([]);
  });

  it('catches processes forked during the grace period', async () => {
    const world = new World();
    const respawned = proc(105, 104, 'dies-on-hup', { sid: 100, pgid: 104 });
    world.add(proc(100, 1, 'dies-on-hup'), { ...proc(104, 100, 'dies-on-hup'), forkOnHup: respawned });
    const result = await world.run(
      world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: 100 }, options),
    );
    expect(result).toEqual({ forced: false, survivors: [] });
    expect(world.signals).toContain('SIGHUP:105');
  });

  it('finds marked processes that left the session, even after the shell is gone', async () => {
    const world = new World();
    world.add(
      proc(200, 1, 'ignores-hup', { sid: 200, marker: { hostId: 'h', sessionId: 's1' } }),
      proc(300, 1, 'ignores-hup'),
    );
    const result = await world.run(
      world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: null }, options),
    );
    expect(result).toEqual({ forced: true, survivors: [] });
    expect(world.processes.has(300)).toBe(true);
  });

  it('reaps every process a dead host left behind, and nothing of another host or of nobody', async () => {
    const world = new World();
    const gone = (sessionId: string) => ({ marker: { hostId: 'dead-host', sessionId } });
    world.add(
      proc(200, 1, 'ignores-hup', { sid: 200, ...gone('s1') }),
      proc(201, 200, 'dies-on-hup', { sid: 200, pgid: 200 }),
      proc(210, 1, 'dies-on-hup', { sid: 210, ...gone('s2') }),
      proc(300, 1, 'ignores-hup', { sid: 300, marker: { hostId: 'h', sessionId: 's1' } }),
      proc(400, 1, 'ignores-hup', { sid: 400 }),
    );
    const result = await world.run(
      world.reaper().reap({ hostId: 'dead-host', sessionId: null, shellPid: null }, options),
    );
    expect(result).toEqual({ forced: true, survivors: [] });
    expect([...world.processes.keys()].sort()).toEqual([300, 400]);
  });

  it('reports survivors when the timeout runs out, and answers by the timeout', async () => {
    const world = new World();
    world.add(proc(100, 1, 'unkillable'));
    const result = await world.run(
      world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: 100 }, options),
    );
    expect(result).toEqual({ forced: true, survivors: [100] });
    expect(world.time).toBe(5000);
  });

  it('reaps several sessions in parallel under one timeout with one scan per tick', async () => {
    const world = new World();
    world.add(proc(100, 1, 'dies-on-hup'), proc(200, 1, 'ignores-hup', { sid: 200 }));
    const reaper = world.reaper();
    const both = Promise.all([
      reaper.reap({ hostId: 'h', sessionId: 'a', shellPid: 100 }, options),
      reaper.reap({ hostId: 'h', sessionId: 'b', shellPid: 200 }, options),
    ]);
    let results: ReapResult[] = [];
    await world.run(
      both.then((r) => {
        results = r;
        return r[0] as ReapResult;
      }),
    );
    expect(results).toEqual([
      { forced: false, survivors: [] },
      { forced: true, survivors: [] },
    ]);
    expect(world.time).toBeLessThan(1600);
  });

  describe('with no process table at all (no /proc, no ps)', () => {
    it('hangs up the terminal group and the shell, asks the terminal to end, and is done once they are gone', async () => {
      const world = new World();
      world.blind = true;
      world.add(proc(100, 1, 'dies-on-hup'), proc(101, 100, 'dies-on-hup', { pgid: 100 }));
      const terminal: string[] = [];
      const result = await world.run(
        world.reaper().reap(
          {
            hostId: 'h',
            sessionId: 's1',
            shellPid: 100,
            group: 100,
            killTerminal: (s) => terminal.push(s),
          },
          options,
        ),
      );
      expect(result).toEqual({ forced: false, survivors: [] });
      expect(world.signals.slice(0, 2)).toEqual(['SIGHUP:-100', 'SIGCONT:-100']);
      expect(terminal).toEqual(['SIGHUP']);
      expect(world.time).toBeLessThan(100);
    });

    it('SIGKILLs the group after the grace period when something in it ignores the hangup', async () => {
      const world = new World();
      world.blind = true;
      world.add(proc(100, 1, 'dies-on-hup'), proc(102, 100, 'ignores-hup', { pgid: 100 }));
      const result = await world.run(
        world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: 100, group: 100 }, options),
      );
      expect(result).toEqual({ forced: true, survivors: [] });
      expect(world.signals).toContain('SIGKILL:-100');
      expect(world.processes.size).toBe(0);
    });

    it('signals the group of a session whose shell already exited, and never reports one unsignalled', async () => {
      const world = new World();
      world.blind = true;
      world.add(proc(103, 1, 'dies-on-hup', { pgid: 100 }));
      const result = await world.run(
        world.reaper().reap({ hostId: 'h', sessionId: 's1', shellPid: null, group: 100 }, options),
      );
      expect(result).toEqual({ forced: false, survivors: [] });
      expect(world.signals[0]).toBe('SIGHUP:-100');
      const gone = new World();
      gone.blind = true;
      const terminal: string[] = [];
      await gone.run(
        gone.reaper().reap(
          {
            hostId: 'h',
            sessionId: 's2',
            shellPid: 200,
            group: 200,
            killTerminal: (s) => terminal.push(s),
          },
          options,
        ),
      );
      expect(terminal).toEqual(['SIGHUP']);
    });
  });
});
