import { describe, expect, it } from 'vitest';
import { buildSessionEnv, markerEntries } from './session-env';

const marker = { sessionId: 's1', hostId: 'h-42' };

describe('buildSessionEnv', () => {
  it('starts from the host environment, lets the request override it, and forces terminal identity', () => {
    const env = buildSessionEnv(
      { PATH: '/usr/bin', HOME: '/root', TERM: 'dumb', LANG: 'C' },
      { LANG: 'en_US.UTF-8', EDITOR: 'vim', TERM: 'vt100' },
      marker,
    );
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/root',
      LANG: 'en_US.UTF-8',
      EDITOR: 'vim',
      TERM: 'xterm-256color',
      COLORTERM: 'truecolor',
      TABTERM_SESSION_ID: 's1',
      TABTERM_HOST_ID: 'h-42',
    });
  });

  it('drops multiplexer leftovers and markers inherited from an outer Tabterm session', () => {
    const env = buildSessionEnv(
      {
        TMUX: '/tmp/tmux',
        COLUMNS: '80',
        TABTERM_SESSION_ID: 'outer',
        TABTERM_HOST_ID: 'outer-host',
        KEEP: 'y',
      },
      {},
      marker,
    );
    expect(env.TMUX).toBeUndefined();
    expect(env.COLUMNS).toBeUndefined();
    expect(env.TABTERM_SESSION_ID).toBe('s1');
    expect(env.TABTERM_HOST_ID).toBe('h-42');
    expect(env.KEEP).toBe('y');
  });

  it('does not let the request override the session marker', () => {
    const env = buildSessionEnv({}, { TABTERM_SESSION_ID: 'forged' }, marker);
    expect(env.TABTERM_SESSION_ID).toBe('s1');
  });
});

describe('markerEntries', () => {
  it('gives the environ entries that identify the session on this host', () => {
    expect(markerEntries(marker)).toEqual(['TABTERM_SESSION_ID=s1', 'TABTERM_HOST_ID=h-42']);
  });
});
