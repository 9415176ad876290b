// How the hub starts a shell: which program, with which arguments and environment, and where.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { SpawnLimits } from '../../shared/limits';
import type { Settings } from '../../shared/settings';

export interface ShellCommand {
  shell: string;
  args: string[];
}

export function shellCommand(settings: Settings, defaultShell: string): ShellCommand {
  return { shell: settings.shell ?? defaultShell, args: settings.shellArgs };
}

/** The name a new tab shows until its shell reports a title. */
export function shellName(settings: Settings, defaultShell: string): string {
  return basename(shellCommand(settings, defaultShell).shell);
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
