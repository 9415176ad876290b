// The Linux backend: /proc, read directly (no process is started). Markers come from /proc/<pid>/environ.
import { readForeground } from '../status/foreground';
import type { ProcFs } from './proc-fs';
import { type ProcStat, parseStat } from './proc-stat';
import type { ProcessSource } from './process-source';
import { MarkerCache, markerOf } from './process-tree';

export function procSource(procFs: ProcFs): ProcessSource {
  const cache = new MarkerCache();
  return {
    kind: 'proc',
    knowsForeground: true,
    groups: true,
    async list(markers) {
      const stats: ProcStat[] = [];
      for (const pid of procFs.listPids()) {
        const text = procFs.readStat(pid);
        const stat = text === null ? null : parseStat(text);
        if (stat) stats.push(stat);
      }
      if (stats.length === 0) return null;
      if (!markers) return stats.map((stat) => ({ ...stat, marker: null }));
      return cache.markers(stats, async (pids) => {
        const found = new Map<number, ReturnType<typeof markerOf>>();
        for (const pid of pids) {
          const environ = procFs.readEnviron(pid);
          found.set(pid, environ === null ? null : markerOf(environ));
        }
        return found;
      });
    },
    async foreground(shellPid, shellComm) {
      return readForeground(procFs, shellPid, shellComm);
    },
  };
}
