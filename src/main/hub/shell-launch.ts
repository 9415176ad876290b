// How the hub starts a shell: which program, with which arguments and environment, and where.
import { statSync } from 'node:fs';
import { basename, win32 } from 'node:path';
import { SpawnLimits } from '../../shared/limits';
import type { Settings } from '../../shared/settings';
import type { ShellCommand } from './default-shell';

export type { ShellCommand } from './default-shell';

/**
 * The shell settings name, with their arguments; else the platform's default shell, whose own
 * arguments (macOS's -l) give way to settings.shellArgs when the user wrote some.
 */
export function shellCommand(settings: Settings, defaultShell: ShellCommand): ShellCommand {
  if (settings.shell !== null) return { shell: settings.shell, args: settings.shellArgs };
  return {
    shell: defaultShell.shell,
    args: settings.shellArgs.length > 0 ? settings.shellArgs : defaultShell.args,
  };
}

/** The name a new tab shows until its shell reports a title (`pwsh`, not `pwsh.exe`). */
export function shellName(settings: Settings, defaultShell: ShellCommand): string {
  const { shell } = shellCommand(settings, defaultShell);
  const name = /^[A-Za-z]:[\\/]|\\/.test(shell) ? win32.basename(shell) : basename(shell);
  return name.replace(/\.(exe|com|bat|cmd)$/i, '');
}

// Our own and npm's/Electron's variables would confuse programs started in the shell.
const NOT_INHERITED = /^(npm_|TABTERM_|ELECTRON_RUN_AS_NODE$|NODE_OPTIONS$)/;

/**
 * The environment shells start from. A variable exec could not pass on (over 128 KiB, or with a NUL)
 * is left out rather than failing every spawn; `dropped` names them so the user can be told.
 */
export function shellEnv(env: Record<string, string | undefined>): {
  env: Record<string, string>;
  dropped: string[];
} {
  const result: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || NOT_INHERITED.test(key)) continue;
    if (value.length > SpawnLimits.maxStringChars || value.includes('\0') || key.includes('\0')) {
      dropped.push(key);
      continue;
    }
    result[key] = value;
  }
  return { env: result, dropped };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
