// Parses /proc/<pid>/stat. The command name sits in parentheses and may itself contain spaces and
// parentheses, so the fields are counted from the LAST ")".

export interface ProcStat {
  pid: number;
  comm: string;
  /** R, S, D, T, t, Z, X, ... (see proc(5)) */
  state: string;
  ppid: number;
  pgid: number;
  sid: number;
  /** Foreground process group of the process's controlling terminal, or -1. */
  tpgid: number;
  /** Clock ticks after boot; with pid it identifies a process across pid reuse. */
  startTime: number;
}

export function parseStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  const fields = text
    .slice(close + 1)
    .trim()
    .split(' ');
  // After the name: state(0) ppid(1) pgrp(2) session(3) tty_nr(4) tpgid(5) ... starttime(19)
  if (fields.length < 20 || !Number.isInteger(pid)) return null;
  const number = (index: number) => Number(fields[index]);
  const stat: ProcStat = {
    pid,
    comm: text.slice(open + 1, close),
    state: fields[0] ?? '',
    ppid: number(1),
    pgid: number(2),
    sid: number(3),
    tpgid: number(5),
    startTime: number(19),
  };
  const numbers = [stat.ppid, stat.pgid, stat.sid, stat.tpgid, stat.startTime];
  return numbers.every(Number.isInteger) ? stat : null;
}

/** A zombie or dead entry is a process that has already ended; it only waits to be reaped. */
export function isGone(stat: ProcStat): boolean {
  return stat.state === 'Z' || stat.state === 'X' || stat.state === 'x';
}

export function isStopped(stat: ProcStat): boolean {
  return stat.state === 'T' || stat.state === 't';
}
