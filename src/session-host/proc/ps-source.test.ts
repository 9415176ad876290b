import { describe, expect, it } from 'vitest';
import { HOST_ID_VAR, SESSION_ID_VAR } from '../session/session-env';
import { flavourOf, psSource, type RunProgram } from './ps-source';

// A shell (600) with vim (700) in the foreground of its terminal, and an unrelated process (900).
const TABLE = `
  600   500   600   600   700 Ss   Thu Dec  3 18:00:01 2026 bash
  700   600   700   600   700 S+   Thu Dec  3 18:00:09 2026 vim
  900     1   900   900    -1 Ss   Thu Dec  3 18:00:20 2026 cron
`;
const ENVIRONMENT = `
  600 -bash ${HOST_ID_VAR}=h1 ${SESSION_ID_VAR}=s1 HOME=/home/u
  700 vim notes.txt ${HOST_ID_VAR}=h1 ${SESSION_ID_VAR}=s1
  900 cron PATH=/usr/bin
`;

/** A fake `ps`/`lsof` that records every call; `table` can be changed or made to fail between calls. */
function fakePrograms() {
  const calls: string[][] = [];
  const state = { table: TABLE as string | Error, cwd: 'n/home/u/project\n' };
  const run: RunProgram = async (file, args) => {
    calls.push([file, ...args]);
    if (file === 'lsof') return `p700\nfcwd\n${state.cwd}`;
    if (args.includes('-A')) {
      if (state.table instanceof Error) throw state.table;
      return state.table;
    }
    const pids = (args[args.indexOf('-p') + 1] ?? '').split(',');
    return ENVIRONMENT.split('\n')
      .filter((line) => pids.includes(line.trim().split(' ')[0] ?? ''))
      .join('\n');
  };
  return { run, calls, state };
}

describe('the ps process table', () => {
  it('lists every process with its session marker, asking ps for the environment of new processes only', async () => {
    const programs = fakePrograms();
    const source = psSource('procps', programs.run, () => 0);
    const first = await source.list(true);
    expect(first?.map((row) => [row.pid, row.marker])).toEqual([
      [600, { hostId: 'h1', sessionId: 's1' }],
      [700, { hostId: 'h1', sessionId: 's1' }],
      [900, null],
    ]);
    const environmentReads = () => programs.calls.filter((call) => call.includes('e')).length;
    expect(environmentReads()).toBe(1);

    await source.list(true);
    expect(environmentReads()).toBe(1);

    // A process that was not there before is read; the known ones are not read again.
    programs.state.table = `${TABLE}  950   600   950   600   700 S    Thu Dec  3 18:01:00 2026 sleep\n`;
    await source.list(true);
    const last = programs.calls.at(-1) ?? [];
    expect(last.at(-1)).toBe('950');
  });

  it('says it has no table (null, not an empty one) when ps fails or prints nothing readable', async () => {
    const programs = fakePrograms();
    const source = psSource('darwin', programs.run, () => 0);
    programs.state.table = new Error('spawn ps ENOENT');
    expect(await source.list(true)).toBeNull();
    programs.state.table = 'PID PPID\n';
    expect(await source.list(false)).toBeNull();
  });

  it('names the foreground program and its cwd, sharing one table read among the sessions of one tick', async () => {
    const programs = fakePrograms();
    let clock = 1_000;
    const source = psSource('procps', programs.run, () => clock);
    expect(await source.foreground(600, 'bash')).toEqual({
      running: true,
      command: 'vim',
      group: 700,
      cwd: '/home/u/project',
    });
    await source.foreground(600, 'bash');
    const tableReads = () => programs.calls.filter((call) => call.includes('-A')).length;
    const lsofReads = () => programs.calls.filter((call) => call[0] === 'lsof').length;
    expect([tableReads(), lsofReads()]).toEqual([1, 1]);

    // Later polls read again; the slower cwd lookup is kept a little longer than the table.
    clock += 500;
    await source.foreground(600, 'bash');
    expect([tableReads(), lsofReads()]).toEqual([2, 1]);
    clock += 2_000;
    programs.state.cwd = 'n/tmp\n';
    expect((await source.foreground(600, 'bash'))?.cwd).toBe('/tmp');
  });

  it('reads an idle shell’s cwd at every poll, so a cd shows before its session stops being polled', async () => {
    const programs = fakePrograms();
    programs.state.table = '  600   500   600   600   600 Ss+  Thu Dec  3 18:00:01 2026 bash\n';
    let clock = 1_000;
    const source = psSource('procps', programs.run, () => clock);
    expect(await source.foreground(600, 'bash')).toMatchObject({ running: false, cwd: '/home/u/project' });
    clock += 500;
    programs.state.cwd = 'n/tmp\n';
    expect((await source.foreground(600, 'bash'))?.cwd).toBe('/tmp');
  });

  it('knows nothing of a shell that is not in the table', async () => {
    const programs = fakePrograms();
    expect(await psSource('bsd', programs.run, () => 0).foreground(4242, 'zsh')).toBeNull();
  });

  it('asks each platform for the columns its ps has', () => {
    expect([flavourOf('linux'), flavourOf('darwin'), flavourOf('freebsd'), flavourOf('openbsd')]).toEqual([
      'procps',
      'darwin',
      'bsd',
      'bsd',
    ]);
  });
});
