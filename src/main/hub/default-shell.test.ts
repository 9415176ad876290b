import { describe, expect, it } from 'vitest';
import { defaultShell, type ShellProbe } from './default-shell';

function probe(platform: string, over: Partial<ShellProbe> = {}): ShellProbe {
  return { platform, env: {}, accountShell: () => null, exists: () => false, ...over };
}

describe('defaultShell on macOS', () => {
  it('starts the account’s shell as a login shell, like Terminal.app', () => {
    const p = probe('darwin', { accountShell: () => '/opt/homebrew/bin/fish', env: { SHELL: '/bin/bash' } });
    expect(defaultShell(p)).toEqual({ shell: '/opt/homebrew/bin/fish', args: ['-l'] });
  });

  it('falls back to $SHELL, then zsh, and passes -l only to shells that take it', () => {
    expect(defaultShell(probe('darwin', { env: { SHELL: '/bin/bash' } }))).toEqual({
      shell: '/bin/bash',
      args: ['-l'],
    });
    expect(defaultShell(probe('darwin'))).toEqual({ shell: '/bin/zsh', args: ['-l'] });
    expect(defaultShell(probe('darwin', { accountShell: () => '/usr/local/bin/elvish' }))).toEqual({
      shell: '/usr/local/bin/elvish',
      args: [],
    });
  });
});

describe('defaultShell on Linux', () => {
  it('starts $SHELL, else the account’s shell, as an interactive shell', () => {
    const p = probe('linux', { env: { SHELL: '/usr/bin/zsh' }, accountShell: () => '/bin/bash' });
    expect(defaultShell(p)).toEqual({ shell: '/usr/bin/zsh', args: [] });
    expect(defaultShell(probe('linux', { accountShell: () => '/bin/dash' }))).toEqual({
      shell: '/bin/dash',
      args: [],
    });
  });

  it('ignores a relative $SHELL and ends at bash, or sh where bash is missing', () => {
    const bash = probe('linux', { env: { SHELL: 'zsh' }, exists: (p) => p === '/bin/bash' });
    expect(defaultShell(bash).shell).toBe('/bin/bash');
    expect(defaultShell(probe('freebsd')).shell).toBe('/bin/sh');
  });
});

describe('defaultShell on Windows', () => {
  const pwsh7 = 'C:\\Program Files\\PowerShell\\7\\pwsh.exe';
  const winPs = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

  it('prefers PowerShell 7 from PATH (any case of the names), then its install folder', () => {
    const scoop = 'D:\\scoop\\shims\\pwsh.exe';
    const env = { Path: 'C:\\Windows;relative;"D:\\scoop\\shims"', ProgramFiles: 'C:\\Program Files' };
    expect(defaultShell(probe('win32', { env, exists: (p) => p === scoop || p === pwsh7 }))).toEqual({
      shell: scoop,
      args: [],
    });
    expect(defaultShell(probe('win32', { env, exists: (p) => p === pwsh7 || p === winPs })).shell).toBe(
      pwsh7,
    );
  });

  it('falls back to Windows PowerShell, then COMSPEC, then cmd.exe', () => {
    const env = { SystemRoot: 'C:\\Windows', ComSpec: 'C:\\Windows\\system32\\cmd.exe' };
    expect(defaultShell(probe('win32', { env, exists: (p) => p === winPs })).shell).toBe(winPs);
    expect(defaultShell(probe('win32', { env })).shell).toBe('C:\\Windows\\system32\\cmd.exe');
    expect(defaultShell(probe('win32')).shell).toBe('cmd.exe');
  });
});
