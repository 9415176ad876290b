import { describe, expect, it } from 'vitest';
import { type ChromiumProbe, chooseChromium } from './chromium-choice';

function probe(
  platform: NodeJS.Platform,
  files: string[],
  env: ChromiumProbe['env'] = {},
  playwright?: string,
) {
  const present = new Set(files);
  return { platform, env, exists: (path: string) => present.has(path), playwrightPath: () => playwright };
}

describe('chooseChromium', () => {
  it('takes TABTERM_CHROMIUM when it names a file, and stops with its value when it does not', () => {
    const env = { TABTERM_CHROMIUM: '/opt/c/chrome' };
    expect(chooseChromium(probe('linux', ['/opt/c/chrome', '/usr/bin/chromium'], env))).toMatchObject({
      ok: true,
      path: '/opt/c/chrome',
    });
    const missing = chooseChromium(probe('linux', ['/usr/bin/chromium'], env));
    expect(missing).toEqual({ ok: false, message: expect.stringContaining('"/opt/c/chrome"') });
  });

  it("prefers Debian's Chromium on Linux, then PATH, then Playwright's own", () => {
    const env = { PATH: '/home/u/bin:relative:/usr/local/bin' };
    const all = ['/usr/bin/chromium', '/usr/local/bin/google-chrome', '/pw/chrome'];
    expect(chooseChromium(probe('linux', all, env, '/pw/chrome'))).toMatchObject({
      path: '/usr/bin/chromium',
    });
    expect(chooseChromium(probe('linux', all.slice(1), env, '/pw/chrome'))).toMatchObject({
      path: '/usr/local/bin/google-chrome',
      source: 'PATH',
    });
    expect(
      chooseChromium(probe('linux', ['relative/chromium', '/pw/chrome'], env, '/pw/chrome')),
    ).toMatchObject({
      path: '/pw/chrome',
      source: 'Playwright',
    });
  });

  it('finds Chrome in /Applications on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(chooseChromium(probe('darwin', [chrome, '/usr/bin/chromium']))).toMatchObject({ path: chrome });
  });

  it('finds Chrome under Program Files or on Path on Windows', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(chooseChromium(probe('win32', [chrome], { ProgramFiles: 'C:\\Program Files' }))).toMatchObject({
      path: chrome,
    });
    const portable = 'D:\\tools\\chromium.exe';
    expect(chooseChromium(probe('win32', [portable], { Path: 'C:\\Windows;D:\\tools' }))).toMatchObject({
      path: portable,
      source: 'PATH',
    });
  });

  it('says in one line what to do when there is no browser at all', () => {
    const none = chooseChromium(probe('linux', [], {}, '/pw/missing'));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toMatch(/^No Chromium found.*TABTERM_CHROMIUM/);
    if (!none.ok) expect(none.message).not.toContain('\n');
  });
});
