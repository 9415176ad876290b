import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseServeOptions } from './serve-options';

describe('parseServeOptions', () => {
  it('defaults to loopback on 8123', () => {
    const result = parseServeOptions([], { XDG_CONFIG_HOME: '/cfg' });
    expect(result).toMatchObject({ ok: true, options: { port: 8123, host: '127.0.0.1', shell: null } });
  });

  it('reads every option, spaced or with =', () => {
    const result = parseServeOptions([
      '--port',
      '0',
      '--host=0.0.0.0',
      '--data-dir',
      '/d',
      '--shell=/bin/sh',
    ]);
    expect(result).toEqual({
      ok: true,
      options: { port: 0, host: '0.0.0.0', dataDir: '/d', shell: '/bin/sh' },
    });
  });

  it.each([
    [['--port', 'x']],
    [['--port', '70000']],
    [['--port']],
    [['--data-dir', '--port', '1']],
    [['--bogus']],
  ])('refuses %j with the usage line', (argv) => {
    const result = parseServeOptions(argv);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/usage: npm run serve/);
  });
});

describe('defaultDataDir', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Tabterm');
    expect(defaultDataDir('win32', { APPDATA: 'C:/A' })).toMatch(/^C:\/A.Tabterm$/);
    expect(defaultDataDir('darwin', {})).toMatch(/Library.Application Support.Tabterm$/);
  });
});
