import { describe, expect, it } from 'vitest';
import type { ProcFs } from '../proc/proc-fs';
import { readForeground } from './foreground';

interface Entry {
  comm: string;
  pgid: number;
  tpgid: number;
  cwd: string;
}

function fakeProc(entries: Record<number, Entry>): ProcFs {
  return {
    listPids: () => Object.keys(entries).map(Number),
    readStat: (pid) => {
      const e = entries[pid];
      return e
        ? `${pid} (${e.comm}) S 1 ${e.pgid} ${e.pgid} 34816 ${e.tpgid} 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0`
        : null;
    },
    readEnviron: () => null,
    readComm: (pid) => entries[pid]?.comm ?? null,
    readCwd: (pid) => entries[pid]?.cwd ?? null,
  };
}

describe('readForeground', () => {
  it('reports the shell at its prompt as no command, with the shell cwd', () => {
    const fs = fakeProc({ 10: { comm: 'bash', pgid: 10, tpgid: 10, cwd: '/tmp' } });
    expect(readForeground(fs, 10, 'bash')).toEqual({ running: false, command: null, cwd: '/tmp', group: 10 });
  });

  it('names the foreground group leader and its cwd while a program runs', () => {
    const fs = fakeProc({
      10: { comm: 'bash', pgid: 10, tpgid: 20, cwd: '/home' },
      20: { comm: 'vim', pgid: 20, tpgid: 20, cwd: '/home/src' },
    });
    expect(readForeground(fs, 10, 'bash')).toEqual({
      running: true,
      command: 'vim',
      cwd: '/home/src',
      group: 20,
    });
  });

  it('falls back to the shell cwd when the group leader is gone', () => {
    const fs = fakeProc({ 10: { comm: 'bash', pgid: 10, tpgid: 30, cwd: '/home' } });
    expect(readForeground(fs, 10, 'bash')).toEqual({ running: true, command: null, cwd: '/home', group: 30 });
  });

  it('sees a shell replaced by exec as the program it became', () => {
    const fs = fakeProc({ 10: { comm: 'htop', pgid: 10, tpgid: 10, cwd: '/' } });
    expect(readForeground(fs, 10, 'bash')).toEqual({ running: true, command: 'htop', cwd: '/', group: 10 });
  });

  it('returns null once the shell is gone', () => {
    expect(readForeground(fakeProc({}), 10, 'bash')).toBeNull();
  });
});
