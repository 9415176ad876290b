import { describe, expect, it } from 'vitest';
import { hyperlinkAction, isOpenableUrl, linkShowsItsTarget, shouldOpenLink } from './links';

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

describe('linkShowsItsTarget', () => {
  it('is true when the text is the target, with or without its scheme or a normalised form', () => {
    expect(linkShowsItsTarget('https://example.com/docs', 'https://example.com/docs')).toBe(true);
    expect(linkShowsItsTarget(' https://example.com/docs ', 'https://example.com/docs')).toBe(true);
    expect(linkShowsItsTarget('example.com/docs', 'https://example.com/docs')).toBe(true);
    expect(linkShowsItsTarget('HTTPS://EXAMPLE.COM', 'https://example.com/')).toBe(true);
    expect(linkShowsItsTarget('http://example.com/a', 'http://example.com/a')).toBe(true);
  });

  it('is false when the text names another place, or is not an address at all', () => {
    expect(linkShowsItsTarget('https://bank.example/login', 'https://evil.example/login')).toBe(false);
    expect(linkShowsItsTarget('https://example.com/docs', 'http://example.com/docs')).toBe(false);
    expect(linkShowsItsTarget('example.com', 'https://example.com.evil.example/')).toBe(false);
    expect(linkShowsItsTarget('the docs', 'https://example.com/docs')).toBe(false);
    expect(linkShowsItsTarget('', 'https://example.com/')).toBe(false);
  });
});

describe('hyperlinkAction', () => {
  const plain = { ctrlKey: false, metaKey: false };
  const ctrl = { ctrlKey: true, metaKey: false };
  const target = 'https://example.com/docs';

  it('opens a link that shows its target, asks for one that shows something else', () => {
    expect(hyperlinkAction(ctrl, target, target, 'other')).toBe('open');
    expect(hyperlinkAction(ctrl, 'read the docs', target, 'other')).toBe('confirm');
    expect(hyperlinkAction(ctrl, 'https://bank.example/', target, 'other')).toBe('confirm');
  });

  it('does nothing without the modifier or for a target that may not open', () => {
    expect(hyperlinkAction(plain, target, target, 'other')).toBe('ignore');
    expect(hyperlinkAction(ctrl, 'safe', 'javascript:alert(1)', 'other')).toBe('ignore');
    expect(hyperlinkAction(ctrl, 'https://a@b.example/', 'https://a@b.example/', 'other')).toBe('ignore');
  });
});
