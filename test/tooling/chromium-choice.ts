// Which Chromium the end-to-end specs and the benchmarks drive. Our machines have Debian's and cannot
// download Playwright's; a contributor's Mac or Windows box usually has Chrome or Playwright's own.
// Pure: the caller passes the platform, the environment and how to test for a file, so every
// platform's order is unit-tested on Linux.
import { posix, win32 } from 'node:path';

export interface ChromiumProbe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Whether `path` is an existing file. */
  exists: (path: string) => boolean;
  /** Playwright's own download for this version, if it reports one (it may not be installed). */
  playwrightPath: () => string | undefined;
}

export type ChromiumChoice = { ok: true; path: string; source: string } | { ok: false; message: string };

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function wellKnown(platform: NodeJS.Platform, env: ChromiumProbe['env']): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES ?? env.ProgramFiles, env['PROGRAMFILES(X86)']];
    return roots
      .filter((root): root is string => Boolean(root))
      .map((root) => win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
}

function onPath(probe: ChromiumProbe): string[] {
  const windows = probe.platform === 'win32';
  const path = windows ? win32 : posix;
  const pathVar = Object.entries(probe.env).find(
    ([key]) => (windows ? key.toUpperCase() : key) === 'PATH',
  )?.[1];
  const names = windows ? PATH_NAMES.map((name) => `${name}.exe`).concat('chrome.exe') : PATH_NAMES;
  const dirs = (pathVar ?? '').split(path.delimiter).filter((dir) => dir && path.isAbsolute(dir));
  return dirs.flatMap((dir) => names.map((name) => path.join(dir, name)));
}

/**
 * TABTERM_CHROMIUM (or the older CHROMIUM_PATH) if set — and then only it, so a typo is an error, not a
 * silent switch — else the platform's usual install, else the first browser on PATH, else Playwright's.
 */
export function chooseChromium(probe: ChromiumProbe): ChromiumChoice {
  const named = probe.env.TABTERM_CHROMIUM ?? probe.env.CHROMIUM_PATH;
  if (named) {
    return probe.exists(named)
      ? { ok: true, path: named, source: 'TABTERM_CHROMIUM' }
      : { ok: false, message: `TABTERM_CHROMIUM is set to "${named}", and there is no file there.` };
  }
  const known = wellKnown(probe.platform, probe.env).find(probe.exists);
  if (known) return { ok: true, path: known, source: 'installed' };
  const found = onPath(probe).find(probe.exists);
  if (found) return { ok: true, path: found, source: 'PATH' };
  const playwright = probe.playwrightPath();
  if (playwright && probe.exists(playwright)) return { ok: true, path: playwright, source: 'Playwright' };
  return {
    ok: false,
    message:
      'No Chromium found for the browser tests: install Chromium or Chrome, or set TABTERM_CHROMIUM to its executable.',
  };
}
