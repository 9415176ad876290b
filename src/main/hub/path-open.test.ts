import { describe, expect, it } from 'vitest';
import { checkOpenPath, isLaunchable, type PathFacts, resolveOpenPath } from './path-open';

const linux = { cwd: '/home/me/project', homeDir: '/home/me', platform: 'linux' as const };
const windows = { cwd: 'C:\\Users\\me\\project', homeDir: 'C:\\Users\\me', platform: 'win32' as const };

describe('resolveOpenPath', () => {
  it('POSIX: absolute, home, and relative to the tab directory', () => {
    expect(resolveOpenPath('/etc/hosts', linux)).toBe('/etc/hosts');
    expect(resolveOpenPath('~/notes.md', linux)).toBe('/home/me/notes.md');
    expect(resolveOpenPath('./src/a.ts', linux)).toBe('/home/me/project/src/a.ts');
    expect(resolveOpenPath('../other/b.ts', linux)).toBe('/home/me/other/b.ts');
    expect(resolveOpenPath('~', linux)).toBe('/home/me');
  });

  it('Windows: drive paths, both slashes, home and relative', () => {
    expect(resolveOpenPath('C:\\Windows\\win.ini', windows)).toBe('C:\\Windows\\win.ini');
    expect(resolveOpenPath('D:/data/x.csv', windows)).toBe('D:\\data\\x.csv');
    expect(resolveOpenPath('~\\Desktop\\a.txt', windows)).toBe('C:\\Users\\me\\Desktop\\a.txt');
    expect(resolveOpenPath('.\\src\\a.ts', windows)).toBe('C:\\Users\\me\\project\\src\\a.ts');
  });

  it('gives up on a relative path when the directory is unknown', () => {
    expect(resolveOpenPath('./a', { ...linux, cwd: null })).toBeNull();
    expect(resolveOpenPath('/a', { ...linux, cwd: null })).toBe('/a');
  });
});

describe('isLaunchable', () => {
  const file = (mode = 0o644): PathFacts => ({ kind: 'file', mode });
  it('POSIX: a file with an execute bit is a program', () => {
    expect(isLaunchable('/usr/bin/x', file(0o755), 'linux')).toBe(true);
    expect(isLaunchable('/home/me/a.txt', file(), 'linux')).toBe(false);
    expect(isLaunchable('/home/me', { kind: 'directory', mode: 0o755 }, 'linux')).toBe(false);
  });

  it('Windows: by extension, whatever the case', () => {
    expect(isLaunchable('C:\\x\\setup.EXE', file(0), 'win32')).toBe(true);
    expect(isLaunchable('C:\\x\\run.ps1', file(0), 'win32')).toBe(true);
    expect(isLaunchable('C:\\x\\notes.txt', file(0), 'win32')).toBe(false);
  });

  it('macOS: an application bundle is a program though it is a folder', () => {
    expect(isLaunchable('/Applications/Calculator.app', { kind: 'directory', mode: 0o755 }, 'darwin')).toBe(
      true,
    );
    expect(isLaunchable('/Users/me/Documents', { kind: 'directory', mode: 0o755 }, 'darwin')).toBe(false);
  });
});

describe('checkOpenPath', () => {
  const disk: Record<string, PathFacts> = {
    '/home/me/project/README.md': { kind: 'file', mode: 0o644 },
    '/home/me/project': { kind: 'directory', mode: 0o755 },
    '/home/me/project/run.sh': { kind: 'file', mode: 0o755 },
    '/dev/null': { kind: 'other', mode: 0o666 },
  };
  const stat = (path: string) => disk[path] ?? null;

  it('opens an existing file or folder, resolved', () => {
    expect(checkOpenPath('./README.md', linux, stat)).toEqual({
      ok: true,
      path: '/home/me/project/README.md',
    });
    expect(checkOpenPath('/home/me/project', linux, stat)).toEqual({ ok: true, path: '/home/me/project' });
  });

  it('refuses, saying why: missing, not a file, a program, no directory', () => {
    expect(checkOpenPath('./missing.txt', linux, stat)).toEqual({
      ok: false,
      code: 'no_such_file',
      message: 'Cannot open "/home/me/project/missing.txt": no such file or folder.',
    });
    expect(checkOpenPath('/dev/null', linux, stat)).toMatchObject({ ok: false, code: 'not_permitted' });
    expect(checkOpenPath('./run.sh', linux, stat)).toMatchObject({
      ok: false,
      code: 'not_permitted',
      message: /a program/,
    });
    expect(checkOpenPath('a.txt', { ...linux, cwd: null }, stat)).toMatchObject({ ok: false });
  });
});
