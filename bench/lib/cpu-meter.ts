// CPU used by named groups of processes over a stretch of time, in % of one core: where the time of a
// run went (browser host, session host, Chromium).
import { performance } from 'node:perf_hooks';
import { cpuSeconds } from '../../test/support/proc';

export class CpuMeter {
  private readonly start: Map<string, number>;
  private readonly startedAt = performance.now();

  constructor(private readonly groups: Readonly<Record<string, readonly number[]>>) {
    this.start = new Map(Object.entries(groups).map(([name, pids]) => [name, total(pids)]));
  }

  /** % of one core per group since construction. */
  read(): Record<string, number> {
    const seconds = (performance.now() - this.startedAt) / 1000;
    return Object.fromEntries(
      Object.entries(this.groups).map(([name, pids]) => [
        name,
        ((total(pids) - (this.start.get(name) ?? 0)) / seconds) * 100,
      ]),
    );
  }
}

function total(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
}
