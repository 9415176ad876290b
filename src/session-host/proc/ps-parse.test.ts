import { describe, expect, it } from 'vitest';
import { environmentArgs, parseLsofCwd, parseMarkers, parseTable, tableArgs } from './ps-parse';

// `ps -A -o pid= -o ppid= -o pgid= -o sess= -o tpgid= -o stat= -o lstart= -o comm=` as procps prints it.
const PROCPS = `
    1     0     1     1    -1 Ss   Thu Dec  3 17:26:03 2026 systemd
  600   500   600   600   700 Ss   Thu Dec  3 18:00:01 2026 bash
  700   600   700   600   700 S+   Thu Dec  3 18:00:09 2026 vim
  701   600   701   600   700 Z    Thu Dec  3 18:00:10 2026 sleep
  702   600   702   600   700 S    Thu Dec  3 18:00:11 2026 my prog with spaces
garbage line
`;

// The same on macOS: comm is a full path, sess may be a kernel address, stat letters differ a little.
const DARWIN = `
  600   500   600 0xffffff8000000000   700 Ss   Thu Dec  3 18:00:01 2026 /bin/zsh
  700   600   700 0xffffff8000000000   700 S+   Thu Dec  3 18:00:09 2026 /usr/bin/vim
`;

describe('ps output', () => {
  it('reads procps rows, names with spaces, states; skips what it cannot read', () => {
    const rows = parseTable(PROCPS);
    expect(rows.map((r) => r.pid)).toEqual([1, 600, 700, 701, 702]);
    expect(rows[1]).toEqual({
      pid: 600,
      ppid: 500,
      pgid: 600,
      sid: 600,
      tpgid: 700,
      state: 'S',
      comm: 'bash',
      startTime: Date.UTC(2026, 11, 3, 18, 0, 1) / 1000,
    });
    expect(rows[3]?.state).toBe('Z');
    expect(rows[4]?.comm).toBe('my prog with sp');
  });

  it('reads macOS rows: the program name from its path, the group standing in for a session it cannot show', () => {
    const rows = parseTable(DARWIN);
    expect(rows.map((r) => [r.comm, r.sid])).toEqual([
      ['zsh', 600],
      ['vim', 700],
    ]);
  });

  it('finds Tabterm markers in the environment ps prints after each command', () => {
    const markers = parseMarkers(
      [
        ' 600 -zsh TERM=xterm TABTERM_SESSION_ID=s-1 TABTERM_HOST_ID=42-abc PATH=/bin',
        ' 601 sleep 99 HOME=/Users/me',
        ' 602 half TABTERM_SESSION_ID=s-2',
      ].join('\n'),
    );
    expect(markers.get(600)).toEqual({ hostId: '42-abc', sessionId: 's-1' });
    expect(markers.get(601)).toBeNull();
    expect(markers.get(602)).toBeNull();
  });

  it('asks each flavour of ps in its own words', () => {
    expect(tableArgs('bsd')).toContain('sid=');
    expect(tableArgs('darwin')).toContain('sess=');
    expect(environmentArgs('procps', [1, 2])).toEqual(['e', '-o', 'pid=', '-o', 'command=', '-p', '1,2']);
    expect(environmentArgs('darwin', [3])[0]).toBe('-E');
    expect(environmentArgs('bsd', [3])[0]).toBe('-e');
  });

  it('reads a working directory from lsof', () => {
    expect(parseLsofCwd('p600\nfcwd\nn/Users/me/src\n')).toBe('/Users/me/src');
    expect(parseLsofCwd('')).toBeNull();
  });
});
