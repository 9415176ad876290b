// The Windows rules of spawn-check, run on any machine against a fake Windows file system.
import { describe, expect, it } from 'vitest';
import { checkSpawn, type SpawnSystem } from './spawn-check';

function windowsFs(files: string[], dirs: string[]): SpawnSystem {
  const key = (p: string) => p.toLowerCase().replace(/\//g, '\\');
  const fileSet = new Set(files.map(key));
  const dirSet = new Set(dirs.map(key));
  return {
    platform: 'win32',
    isDirectory: (path) => {
      if (dirSet.has(key(path))) return true;
      if (fileSet.has(key(path))) return false;
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    checkExecute: () => {
      throw new Error('Windows has no execute bit: never asked');
    },
  };
}

const cmd = 'C:\\Windows\\system32\\cmd.exe';
const pwsh = 'C:\\Program Files\\PowerShell\\7\\pwsh.exe';
const home = 'C:\\Users\\ana';
const fs = windowsFs(
  [cmd, pwsh, 'C:\\tools\\build.CMD', 'C:\\tools\\noext'],
  [home, 'C:\\Windows\\system32', 'C:\\tools'],
);
const env = { Path: 'C:\\Windows\\system32;"C:\\Program Files\\PowerShell\\7";relative\\bin;C:\\tools' };

describe('checkSpawn on Windows', () => {
  it('starts an absolute COMSPEC as it is, not searched in PATH as a bare name', () => {
    expect(checkSpawn(cmd, home, {}, fs)).toEqual({ ok: true, file: cmd, cwd: home });
    expect(checkSpawn('\\\\server\\share\\x.exe', home, {}, fs)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no such file'),
    });
  });

  it('finds a bare name through Path (any case) and PATHEXT, quoted folders included', () => {
    expect(checkSpawn('pwsh', home, env, fs)).toEqual({
      ok: true,
      file: 'C:\\Program Files\\PowerShell\\7\\pwsh.EXE',
      cwd: home,
    });
    expect(checkSpawn('cmd.exe', home, env, fs)).toEqual({
      ok: true,
      file: 'C:\\Windows\\system32\\cmd.exe',
      cwd: home,
    });
    expect(checkSpawn('build', home, env, fs)).toEqual({ ok: true, file: 'C:\\tools\\build.CMD', cwd: home });
    // PATHEXT from the environment decides which extensions count.
    expect(checkSpawn('build', home, { ...env, PATHEXT: '.EXE' }, fs)).toMatchObject({ ok: false });
  });

  it('tries the extensions on an absolute path without one', () => {
    expect(checkSpawn('C:\\Windows\\system32\\cmd', home, {}, fs)).toEqual({
      ok: true,
      file: 'C:\\Windows\\system32\\cmd.EXE',
      cwd: home,
    });
    expect(checkSpawn('C:\\tools\\noext', home, {}, fs)).toEqual({
      ok: false,
      message:
        'Cannot start "C:\\tools\\noext": Windows starts no file without an extension, and none of C:\\tools\\noext.COM, C:\\tools\\noext.EXE, C:\\tools\\noext.BAT, C:\\tools\\noext.CMD exists',
    });
  });

  it('names what it tried when a shell is missing', () => {
    expect(checkSpawn('C:\\nope\\fish.exe', home, {}, fs)).toEqual({
      ok: false,
      message: 'Cannot start "C:\\nope\\fish.exe": no such file',
    });
    expect(checkSpawn('fish', home, env, fs)).toEqual({
      ok: false,
      message:
        'Cannot start "fish": not found in PATH (looked as fish.COM, fish.EXE, fish.BAT, fish.CMD in C:\\Windows\\system32; C:\\Program Files\\PowerShell\\7; C:\\tools)',
    });
  });

  it('never looks in the current folder, and wants drive or UNC paths', () => {
    // A relative Path entry is skipped: CreateProcess's search of "." is how a planted cmd.exe wins.
    expect(checkSpawn('noext.exe', home, { PATH: '.;tools' }, fs)).toMatchObject({
      ok: false,
      message: expect.stringContaining('PATH names no folder'),
    });
    expect(checkSpawn('tools\\build.cmd', home, env, fs)).toMatchObject({
      ok: false,
      message: expect.stringContaining('give an absolute path (C:\\…)'),
    });
    expect(checkSpawn('\\Windows\\system32\\cmd.exe', home, env, fs)).toMatchObject({
      ok: false,
      message: expect.stringContaining('absolute path'),
    });
  });

  it('checks the working directory with Windows paths', () => {
    expect(checkSpawn(cmd, 'C:/Users/ana', {}, fs)).toEqual({ ok: true, file: cmd, cwd: 'C:/Users/ana' });
    expect(checkSpawn(cmd, 'D:\\gone', {}, fs)).toEqual({
      ok: false,
      message: 'Cannot start in "D:\\gone": no such directory',
    });
    expect(checkSpawn(cmd, cmd, {}, fs)).toEqual({
      ok: false,
      message: `Cannot start in "${cmd}": not a directory`,
    });
    expect(checkSpawn(cmd, 'Users\\ana', {}, fs)).toMatchObject({
      ok: false,
      message: expect.stringContaining('absolute path'),
    });
  });
});

describe('checkSpawn on macOS', () => {
  it('follows the POSIX rules: PATH split on colons, no PATHEXT', () => {
    const mac: SpawnSystem = {
      platform: 'darwin',
      isDirectory: (p) => {
        if (p === '/Users/ana') return true;
        if (p === '/opt/homebrew/bin/fish') return false;
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
      checkExecute: () => {},
    };
    expect(checkSpawn('fish', '/Users/ana', { PATH: '/usr/bin:/opt/homebrew/bin' }, mac)).toEqual({
      ok: true,
      file: '/opt/homebrew/bin/fish',
      cwd: '/Users/ana',
    });
    expect(checkSpawn('fish', '/Users/ana', { Path: '/opt/homebrew/bin' }, mac)).toMatchObject({ ok: false });
  });
});
