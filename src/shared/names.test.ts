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

describe('names that hide or imitate', () => {
  it('refuses names that show as nothing: zero-width, braille blanks, Hangul fillers', () => {
    for (const raw of ['\u200b', '\u2800\u2800', '\u3164', ' \u200b \u2060 ']) {
      const check = checkWorkspaceName(raw, []);
      expect(check.ok, JSON.stringify(raw)).toBe(false);
    }
    expect(checkTabName('a\u200bb')).toMatchObject({
      ok: false,
      message: 'Tab name contains an invisible character.',
    });
    expect(checkTabName('\u2800')).toMatchObject({ ok: false, message: /drawn as a blank/ });
  });

  it('refuses text-direction overrides, which make a name read differently than it is', () => {
    expect(checkWorkspaceName('prod\u202egnirts', [])).toMatchObject({ ok: false, message: /reorders/ });
    expect(checkTabName('a\u2066b\u2069').ok).toBe(false);
  });

  it('keeps joiners where scripts and emoji need them', () => {
    expect(checkWorkspaceName('👨‍👩‍👧 family', []).ok).toBe(true);
    expect(checkTabName('می‌خواهم').ok).toBe(true);
  });

  it('refuses a word that mixes look-alike scripts, allows each script on its own and side by side', () => {
    expect(checkWorkspaceName('prоd', [])).toMatchObject({ ok: false, message: /mixes Latin and Cyrillic/ });
    expect(checkWorkspaceName('Прод', []).ok).toBe(true);
    expect(checkWorkspaceName('Прод prod', []).ok).toBe(true);
    expect(checkWorkspaceName('日本語 notes', []).ok).toBe(true);
  });

  it('refuses a whole-script look-alike of an existing workspace, and a full-width one', () => {
    expect(checkWorkspaceName('рос', ['poc'])).toMatchObject({
      ok: false,
      reason: 'duplicate',
      message: '"рос" looks like the existing workspace "poc"; choose a name that reads differently.',
    });
    expect(checkWorkspaceName('ｐｒｏｄ', ['prod'])).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(checkWorkspaceName('café', ['cafe\u0301'])).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(checkWorkspaceName('résumé', ['resume']).ok).toBe(true);
  });

  it('stores names composed, with plain spaces', () => {
    expect(checkWorkspaceName('cafe\u0301\u00a0\u2003bar', [])).toEqual({ ok: true, name: 'café bar' });
  });
});
