import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, contentTypeFor, resolveAppPath } from './app-protocol';

const root = resolve('/opt/tabterm/out/renderer');

describe('resolveAppPath', () => {
  it('maps app://tabterm/ paths to files inside the renderer folder', () => {
    expect(resolveAppPath(APP_ENTRY_URL, root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://tabterm/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://tabterm/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets/index-abc.js'),
    );
    expect(resolveAppPath('app://tabterm/assets/a%20b.css', root)).toBe(join(root, 'assets/a b.css'));
  });

  it('keeps dot segments inside the folder (the URL parser clamps them at the root)', () => {
    expect(resolveAppPath('app://tabterm/../../etc/passwd', root)).toBe(join(root, 'etc/passwd'));
    expect(resolveAppPath('app://tabterm/%2e%2e/%2e%2e/etc/passwd', root)).toBe(join(root, 'etc/passwd'));
  });

  it.each([
    ['an encoded slash escape', 'app://tabterm/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash escape', 'app://tabterm/..%5c..%5csecret'],
    ['a NUL byte', 'app://tabterm/index.html%00.png'],
    ['broken percent-encoding', 'app://tabterm/%E0%A4%A'],
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///opt/tabterm/out/renderer/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer bundle uses and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
