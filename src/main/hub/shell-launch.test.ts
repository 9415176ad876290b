import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpawnRequest } from '../../shared/host-protocol';
import { SpawnLimits } from '../../shared/limits';
import { defaultSettings } from '../../shared/settings';
import { isDirectory, shellCommand, shellEnv, shellName } from './shell-launch';

describe('shellCommand', () => {
  const bash = { shell: '/bin/bash', args: [] };
  const macZsh = { shell: '/bin/zsh', args: ['-l'] };

  it('uses the default shell unless settings name one, with the settings arguments', () => {
    const settings = defaultSettings();
    expect(shellCommand(settings, bash)).toEqual(bash);
    const zsh = { ...settings, shell: '/usr/bin/zsh', shellArgs: ['-i'] };
    expect(shellCommand(zsh, bash)).toEqual({ shell: '/usr/bin/zsh', args: ['-i'] });
    expect(shellName(zsh, bash)).toBe('zsh');
    // A shell named in settings does not get the default shell's arguments.
    expect(shellCommand({ ...settings, shell: '/bin/bash' }, macZsh)).toEqual(bash);
  });

  it('keeps the default shell’s own arguments unless settings give some', () => {
    const settings = defaultSettings();
    expect(shellCommand(settings, macZsh)).toEqual(macZsh);
    expect(shellCommand({ ...settings, shellArgs: ['-f'] }, macZsh)).toEqual({
      shell: '/bin/zsh',
      args: ['-f'],
    });
  });

  it('names Windows shells without folder or extension', () => {
    const settings = defaultSettings();
    const pwsh = { shell: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe', args: [] };
    expect(shellName(settings, pwsh)).toBe('pwsh');
    expect(shellName(settings, { shell: 'cmd.exe', args: [] })).toBe('cmd');
  });
});

describe('shellEnv', () => {
  it('passes the environment on without our own, npm’s and Electron’s variables', () => {
    const env = shellEnv({
      HOME: '/home/u',
      PATH: '/usr/bin',
      LANG: 'C.UTF-8',
      UNSET: undefined,
      npm_config_cache: '/x',
      TABTERM_HOST_TOKEN: 'secret',
      ELECTRON_RUN_AS_NODE: '1',
      NODE_OPTIONS: '--inspect',
      NODE_PATH: '/keep',
      MY_TABTERM_NOTE: 'kept: only the prefix is ours',
    });
    expect(env).toEqual({
      env: {
        HOME: '/home/u',
        PATH: '/usr/bin',
        LANG: 'C.UTF-8',
        NODE_PATH: '/keep',
        MY_TABTERM_NOTE: 'kept: only the prefix is ours',
      },
      dropped: [],
    });
  });

  it('leaves out what exec could not pass on, and says which', () => {
    const { env, dropped } = shellEnv({
      OK: 'x'.repeat(SpawnLimits.maxStringChars),
      HUGE: 'x'.repeat(SpawnLimits.maxStringChars + 1),
      NUL: 'a\0b',
    });
    expect(Object.keys(env)).toEqual(['OK']);
    expect(dropped).toEqual(['HUGE', 'NUL']);
    // What is left is a spawn the host accepts.
    const request = {
      sessionId: 's',
      tabId: 't',
      shell: '/bin/sh',
      args: [],
      cwd: '/',
      env,
      cols: 80,
      rows: 24,
    };
    expect(SpawnRequest.safeParse(request).success).toBe(true);
  });
});

describe('isDirectory', () => {
  it('is true for directories only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabterm-shell-'));
    writeFileSync(join(dir, 'file'), '');
    expect(isDirectory(dir)).toBe(true);
    expect(isDirectory(join(dir, 'file'))).toBe(false);
    expect(isDirectory(join(dir, 'missing'))).toBe(false);
  });
});
