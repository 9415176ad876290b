import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openerCommand, openerFromEnv, spawnOpener } from './path-opener';

describe('openerCommand', () => {
  it('macOS: open, the path after -- so a name starting with "-" is not an option', () => {
    expect(openerCommand('darwin', '/Users/me/a b.pdf')).toEqual({
      command: 'open',
      args: ['--', '/Users/me/a b.pdf'],
    });
  });

  it('Windows: cmd /c start with an empty title first and the path quoted', () => {
    expect(openerCommand('win32', 'C:\\Users\\me\\a & b.txt')).toEqual({
      command: 'cmd',
      args: ['/d', '/c', 'start', '""', '"C:\\Users\\me\\a & b.txt"'],
    });
  });

  it('Windows: refuses a path with "%", which cmd would expand', () => {
    expect(openerCommand('win32', 'C:\\Users\\me\\%COMSPEC%')).toBeNull();
  });

  it('Linux and the rest: xdg-open with the path as its one argument', () => {
    expect(openerCommand('linux', "/home/me/it's; rm -rf ~")).toEqual({
      command: 'xdg-open',
      args: ["/home/me/it's; rm -rf ~"],
    });
    expect(openerCommand('freebsd', '/x')).toEqual({ command: 'xdg-open', args: ['/x'] });
  });
});

describe('openers', () => {
  it('TABTERM_OPEN_LOG records the paths instead of opening them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabterm-opener-'));
    try {
      const file = join(dir, 'opened.jsonl');
      const open = openerFromEnv({ TABTERM_OPEN_LOG: file }, 'linux');
      expect(await open('/a b')).toBeNull();
      expect(await open('/c')).toBeNull();
      expect(readFileSync(file, 'utf8')).toBe('{"path":"/a b"}\n{"path":"/c"}\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why when the opener program cannot start', async () => {
    // No opener on a platform without one: ENOENT, reported rather than thrown.
    const open = spawnOpener('linux');
    const previous = process.env.PATH;
    process.env.PATH = '/nonexistent-dir';
    try {
      expect(await open('/tmp')).toMatch(/xdg-open could not start/);
    } finally {
      process.env.PATH = previous;
    }
  });
});
