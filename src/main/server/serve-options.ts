// Command-line options of `npm run serve` (DESIGN.md §6).
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  shell: string | null;
}

export type OptionsResult = { ok: true; options: ServeOptions } | { ok: false; message: string };

export const USAGE =
  'usage: npm run serve -- [--port N (0 = any free port)] [--host ADDRESS (default 127.0.0.1)] [--data-dir DIR] [--shell PATH]';

/** The OS app-data folder, the same one the desktop app uses. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tabterm');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tabterm');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Tabterm');
}

export function parseServeOptions(argv: readonly string[], env = process.env): OptionsResult {
  const options: ServeOptions = {
    port: 8123,
    host: '127.0.0.1',
    dataDir: defaultDataDir(process.platform, env),
    shell: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.includes('=')
      ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)]
      : [flag, undefined];
    const value = inline ?? argv[i + 1];
    const takeValue = (): string | null => {
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
        return null;
      if (inline === undefined) i++;
      return value;
    };
    switch (name) {
      case '--port': {
        const raw = takeValue();
        const port = raw === null ? Number.NaN : Number(raw);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          return { ok: false, message: `--port needs a number from 0 to 65535.\n${USAGE}` };
        }
        options.port = port;
        break;
      }
      case '--host':
      case '--data-dir':
      case '--shell': {
        const raw = takeValue();
        if (raw === null) return { ok: false, message: `${name} needs a value.\n${USAGE}` };
        if (name === '--host') options.host = raw;
        else if (name === '--data-dir') options.dataDir = raw;
        else options.shell = raw;
        break;
      }
      case '--help':
      case '-h':
        return { ok: false, message: USAGE };
      default:
        return { ok: false, message: `Unknown option ${flag}.\n${USAGE}` };
    }
  }
  return { ok: true, options };
}
