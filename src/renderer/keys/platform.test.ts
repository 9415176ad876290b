import { describe, expect, it } from 'vitest';
import { detectOs, detectPlatform } from './platform';

describe('detectPlatform', () => {
  it('recognises macOS from navigator.platform or the user agent', () => {
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('mac');
    expect(detectPlatform({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' })).toBe('mac');
  });

  it('treats Linux and Windows alike', () => {
    expect(detectPlatform({ platform: 'Linux x86_64' })).toBe('other');
    expect(detectPlatform({ platform: 'Win32' })).toBe('other');
    expect(detectPlatform({})).toBe('other');
  });
});

describe('detectOs', () => {
  it('tells Windows from Linux, and macOS from both', () => {
    expect(detectOs({ platform: 'Win32' })).toBe('windows');
    expect(detectOs({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' })).toBe('windows');
    expect(detectOs({ platform: 'Linux x86_64' })).toBe('linux');
    expect(detectOs({ platform: 'MacIntel' })).toBe('mac');
  });

  it('takes an unknown system for Linux-like (X11 habits)', () => {
    expect(detectOs({})).toBe('linux');
    expect(detectOs({ platform: 'FreeBSD amd64' })).toBe('linux');
  });
});
