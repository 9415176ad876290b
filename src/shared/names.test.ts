import { describe, expect, it } from 'vitest';
import { checkTabName, checkWorkspaceName, nextWorkspaceName } from './names';

describe('checkWorkspaceName', () => {
  it('accepts 1 to 40 printable characters and trims the edges', () => {
    expect(checkWorkspaceName('  api  ', [])).toEqual({ ok: true, name: 'api' });
    expect(checkWorkspaceName('x'.repeat(40), []).ok).toBe(true);
  });

  it('refuses empty, too long and control characters with a reason', () => {
    expect(checkWorkspaceName('   ', [])).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Workspace name cannot be empty.',
    });
    const long = checkWorkspaceName('x'.repeat(41), []);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.message).toMatch(/41 characters; the limit is 40/);
    expect(checkWorkspaceName('a\u0007b', []).ok).toBe(false);
    expect(checkWorkspaceName('a\nb', []).ok).toBe(false);
  });

  it('counts an emoji as one character', () => {
    expect(checkWorkspaceName('🚀'.repeat(40), []).ok).toBe(true);
  });

  it('is unique regardless of case', () => {
    const check = checkWorkspaceName('Backend', ['backend']);
    expect(check).toEqual({
      ok: false,
      reason: 'duplicate',
      message: 'A workspace named "Backend" already exists.',
    });
  });
});

describe('checkTabName', () => {
  it('allows 64 characters and refuses 65', () => {
    expect(checkTabName('t'.repeat(64)).ok).toBe(true);
    expect(checkTabName('t'.repeat(65)).ok).toBe(false);
  });
});

describe('nextWorkspaceName', () => {
  it('picks the first free number', () => {
    expect(nextWorkspaceName([])).toBe('Workspace 1');
    expect(nextWorkspaceName(['workspace 1', 'Workspace 3'])).toBe('Workspace 2');
  });
});
