import { describe, expect, it } from 'vitest';
import { foregroundChild, parseWindowsTable } from './windows-parse';

const TABLE = [
  '4\t0\t0\tSystem',
  '5000\t900\t133000000000000000\tpwsh.exe',
  '5001\t5000\t133000000000000100\tconhost.exe',
  '5100\t5000\t133000000010000000\tnode.exe',
  '5200\t5100\t133000000020000000\tcmd.exe',
  // A parent id reused by a process older than its "child": not under the shell.
  '5300\t5001\t132000000000000000\told.exe',
  'not a row',
].join('\r\n');

describe('the Windows process table', () => {
  it('reads rows, with no groups or sessions to expand', () => {
    const rows = parseWindowsTable(TABLE);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatchObject({ pid: 5000, ppid: 900, comm: 'pwsh.exe', pgid: 0, sid: 0 });
  });

  it('says what runs under the shell: its newest descendant that is not the console host', () => {
    const rows = parseWindowsTable(TABLE);
    expect(foregroundChild(rows, 5000)).toBe('cmd');
    expect(
      foregroundChild(
        rows.filter((r) => r.pid !== 5100 && r.pid !== 5200),
        5000,
      ),
    ).toBeNull();
  });
});
