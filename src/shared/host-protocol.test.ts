import { describe, expect, it } from 'vitest';
import { HubToHost, SpawnRequest } from './host-protocol';
import { SessionLimits, SpawnLimits } from './limits';

const valid: SpawnRequest = {
  sessionId: 's1',
  tabId: 't1',
  shell: '/bin/bash',
  args: ['-l'],
  cwd: '/home/user',
  env: { TERM: 'xterm-256color' },
  cols: 80,
  rows: 24,
};

function errorOf(request: unknown): string {
  const result = SpawnRequest.safeParse(request);
  if (result.success) return 'accepted';
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

describe('SpawnRequest', () => {
  it('accepts a normal request', () => {
    expect(errorOf(valid)).toBe('accepted');
  });

  it('accepts requests right at the limits', () => {
    const big = 'x'.repeat(SpawnLimits.maxStringChars);
    expect(errorOf({ ...valid, args: [big] })).toBe('accepted');
    const many = Object.fromEntries(
      Array.from({ length: SpawnLimits.maxEnvEntries }, (_, i) => [`V${i}`, '1']),
    );
    expect(errorOf({ ...valid, env: many })).toBe('accepted');
  });

  it.each([
    ['shell', { shell: 'x'.repeat(SpawnLimits.maxPathChars + 1) }, /^shell:/],
    ['cwd', { cwd: '' }, /^cwd:/],
    ['an argument', { args: ['x'.repeat(SpawnLimits.maxStringChars + 1)] }, /^args\.0:/],
    ['too many arguments', { args: Array(SpawnLimits.maxArgs + 1).fill('a') }, /^args:/],
    ['a NUL in an argument', { args: ['a\0b'] }, /^args\.0: must not contain NUL/],
    ['a NUL in the shell', { shell: '/bin/ba\0sh' }, /^shell: must not contain NUL/],
    ['an env name with "="', { env: { 'A=B': 'c' } }, /^env\.A=B: Invalid key/],
    ['an empty env name', { env: { '': 'c' } }, /^env/],
    ['an env value', { env: { A: 'x'.repeat(SpawnLimits.maxStringChars + 1) } }, /^env\.A:/],
    [
      'too many env entries',
      {
        env: Object.fromEntries(
          Array.from({ length: SpawnLimits.maxEnvEntries + 1 }, (_, i) => [`V${i}`, '1']),
        ),
      },
      /environment entries/,
    ],
    [
      'more than exec takes in total',
      { args: Array(20).fill('x'.repeat(SpawnLimits.maxStringChars)) },
      /together exceed/,
    ],
  ])('refuses %s, naming it', (_what, change, message) => {
    expect(errorOf({ ...valid, ...change })).toMatch(message);
  });
});

describe('HubToHost write', () => {
  it('caps input like the client protocol does', () => {
    const write = (data: string) => HubToHost.safeParse({ type: 'write', sessionId: 's1', data }).success;
    expect(write('x'.repeat(SessionLimits.maxInputChars))).toBe(true);
    expect(write('x'.repeat(SessionLimits.maxInputChars + 1))).toBe(false);
  });
});
