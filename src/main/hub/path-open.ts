// Opening a file path the user Ctrl+clicked in a terminal (renderer: terminal/file-paths.ts). The hub
// resolves it against the tab's directory, checks it is there and is something the OS should open
// rather than run, then hands it to the host's opener (Electron: shell.openPath; browser host: the
// platform's opener command). Pure but for the injected stat.
import { statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export interface PathFacts {
  kind: 'file' | 'directory' | 'other';
  /** POSIX permission bits (0 where the system has none). */
  mode: number;
}

export type OpenCheck =
  | { ok: true; path: string }
  | { ok: false; code: 'no_such_file' | 'not_permitted'; message: string };

/** Windows runs these when "opened": a link must not start a program (ANCHORS: reply injection). */
const WINDOWS_LAUNCHABLE = new Set([
  '.exe',
  '.com',
  '.bat',
  '.cmd',
  '.ps1',
  '.vbs',
  '.vbe',
  '.js',
  '.jse',
  '.wsf',
  '.wsh',
  '.msi',
  '.msp',
  '.scr',
  '.pif',
  '.lnk',
  '.hta',
  '.cpl',
  '.jar',
  '.reg',
  '.application',
  '.appref-ms',
  '.url',
]);

/** An absolute path of this system, `~/` from home, or relative to the tab's directory; null if none fits. */
export function resolveOpenPath(
  text: string,
  context: { cwd: string | null; homeDir: string; platform: NodeJS.Platform },
): string | null {
  const path = context.platform === 'win32' ? win32 : posix;
  const home = /^~(?:$|[\\/])/.exec(text);
  if (home) return path.resolve(context.homeDir, text.slice(2));
  if (path.isAbsolute(text)) return path.normalize(text);
  if (context.cwd === null) return null;
  return path.resolve(context.cwd, text);
}

/** Whether opening this would start a program instead of showing a document or a folder. */
export function isLaunchable(path: string, facts: PathFacts, platform: NodeJS.Platform): boolean {
  if (platform === 'win32')
    return facts.kind === 'file' && WINDOWS_LAUNCHABLE.has(win32.extname(path).toLowerCase());
  if (platform === 'darwin' && facts.kind === 'directory' && /\.app\/?$/i.test(path)) return true;
  return facts.kind === 'file' && (facts.mode & 0o111) !== 0;
}

export function checkOpenPath(
  text: string,
  context: { cwd: string | null; homeDir: string; platform: NodeJS.Platform },
  stat: (path: string) => PathFacts | null,
): OpenCheck {
  const path = resolveOpenPath(text, context);
  if (path === null)
    return {
      ok: false,
      code: 'no_such_file',
      message: `Cannot open "${text}": the tab's directory is not known.`,
    };
  const facts = stat(path);
  if (facts === null)
    return { ok: false, code: 'no_such_file', message: `Cannot open "${path}": no such file or folder.` };
  if (facts.kind === 'other')
    return { ok: false, code: 'not_permitted', message: `Cannot open "${path}": not a file or folder.` };
  if (isLaunchable(path, facts, context.platform))
    return {
      ok: false,
      code: 'not_permitted',
      message: `Not opening "${path}": it is a program, and a link never starts one.`,
    };
  return { ok: true, path };
}

/** What the disk says about a path (following links, as the opener will), or null if it is not there. */
export function statOnDisk(path: string): PathFacts | null {
  try {
    const stats = statSync(path);
    return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', mode: stats.mode };
  } catch {
    return null;
  }
}
