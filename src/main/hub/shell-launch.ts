// How the hub starts a shell: which program, with which arguments and environment, and where.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
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

export function shellEnv(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || NOT_INHERITED.test(key)) continue;
    result[key] = value;
  }
  return result;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
