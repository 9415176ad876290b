import { describe, expect, it } from 'vitest';
import { isOpenableUrl, shouldOpenLink } from './links';

describe('isOpenableUrl', () => {
  it('accepts http and https', () => {
    expect(isOpenableUrl('https://example.com/a?b=c')).toBe(true);
    expect(isOpenableUrl('http://127.0.0.1:8080/')).toBe(true);
  });

  it('refuses every other scheme and non-URLs', () => {
    for (const text of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'vscode://x',
      'ftp://x',
      'example.com',
      'http://',
      '',
    ]) {
      expect(isOpenableUrl(text), text).toBe(false);
    }
  });
});

describe('shouldOpenLink', () => {
  const plain = { ctrlKey: false, metaKey: false };
  const ctrl = { ctrlKey: true, metaKey: false };
  const cmd = { ctrlKey: false, metaKey: true };

  it('refuses addresses that pose as another site or are absurdly long', () => {
    expect(isOpenableUrl('https://bank.example@evil.example/')).toBe(false);
    expect(isOpenableUrl('https://user:pass@example.com/')).toBe(false);
    expect(isOpenableUrl(`https://example.com/${'a'.repeat(8200)}`)).toBe(false);
    expect(isOpenableUrl('https://example.com/path?q=a@b')).toBe(true);
  });

  it('needs Ctrl on Linux/Windows and Cmd on macOS', () => {
    expect(shouldOpenLink(ctrl, 'https://x.org', 'other')).toBe(true);
    expect(shouldOpenLink(cmd, 'https://x.org', 'other')).toBe(false);
    expect(shouldOpenLink(cmd, 'https://x.org', 'mac')).toBe(true);
    expect(shouldOpenLink(ctrl, 'https://x.org', 'mac')).toBe(false);
  });

  it('never opens on a plain click or for a bad scheme', () => {
    expect(shouldOpenLink(plain, 'https://x.org', 'other')).toBe(false);
    expect(shouldOpenLink(ctrl, 'file:///etc/passwd', 'other')).toBe(false);
  });
});
