import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpawnRequest } from '../../shared/host-protocol';
import { SpawnLimits } from '../../shared/limits';
import { defaultSettings } from '../../shared/settings';
import { isDirectory, shellCommand, shellEnv, shellName } from './shell-launch';

describe('shellCommand', () => {
  it('uses the default shell unless settings name one, with the settings arguments', () => {
    const settings = defaultSettings();
    expect(shellCommand(settings, '/bin/bash')).toEqual({ shell: '/bin/bash', args: [] });
    const zsh = { ...settings, shell: '/usr/bin/zsh', shellArgs: ['-l'] };
    expect(shellCommand(zsh, '/bin/bash')).toEqual({ shell: '/usr/bin/zsh', args: ['-l'] });
    expect(shellName(zsh, '/bin/bash')).toBe('zsh');
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
