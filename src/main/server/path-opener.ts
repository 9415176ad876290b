// How the browser host opens a checked path (hub/path-open.ts) in the OS: the platform's opener,
// spawned without a shell, the path one argument of its own. TABTERM_OPEN_LOG names a file that
// records the paths instead, so the end-to-end tests see what would open without launching anything.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface OpenerCommand {
  command: string;
  args: string[];
}

/** null: this path cannot be handed to the opener safely (cmd would expand a %NAME% in it). */
export function openerCommand(platform: NodeJS.Platform, path: string): OpenerCommand | null {
  if (platform === 'darwin') return { command: 'open', args: ['--', path] };
  // start takes its first quoted argument for a window title: an empty one goes first. The command line
  // is passed verbatim (see spawnOpener), so the path is quoted here; a Windows path holds no '"'.
  // cmd expands %NAME% even inside quotes, which would open a path nobody checked.
  if (platform === 'win32') {
    if (path.includes('%')) return null;
    return { command: 'cmd', args: ['/d', '/c', 'start', '""', `"${path.replaceAll('"', '')}"`] };
  }
  return { command: 'xdg-open', args: [path] };
}

/** Resolves to null once the opener started, or to why it could not. */
export type PathOpener = (path: string) => Promise<string | null>;

export function spawnOpener(platform: NodeJS.Platform = process.platform): PathOpener {
  return (path) =>
    new Promise((resolve) => {
      const opener = openerCommand(platform, path);
      if (opener === null) return resolve('a path with "%" cannot be passed to cmd safely');
      const { command, args } = opener;
      const child = spawn(command, args, {
        stdio: 'ignore',
        detached: true,
        shell: false,
        windowsHide: true,
        // cmd parses its command line itself; Node's quoting would turn the empty title into \"\".
        windowsVerbatimArguments: platform === 'win32',
      });
      child.once('error', (error) => resolve(`${command} could not start: ${error.message}`));
      child.once('spawn', () => {
        child.unref();
        resolve(null);
      });
    });
}

export function recordingOpener(file: string): PathOpener {
  return async (path) => {
    appendFileSync(file, `${JSON.stringify({ path })}\n`);
    return null;
  };
}

export function openerFromEnv(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
): PathOpener {
  const file = env.TABTERM_OPEN_LOG;
  return file ? recordingOpener(file) : spawnOpener(platform);
}
