// The shell a tab starts when settings name none, chosen the way each platform's own terminal does:
// macOS's Terminal.app starts the account's login shell as a login shell (so PATH from
// /etc/zprofile and ~/.zprofile is there even when the app was opened from the Dock); terminals on
// Linux start $SHELL as an interactive shell; Windows Terminal offers PowerShell 7 when it is
// installed, else the Windows PowerShell every Windows has, and cmd.exe is the last resort.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { posix, win32 } from 'node:path';
import { envValue } from '../../shared/env-value';
import { windowsSearchDirs } from '../../shared/windows-paths';

export interface ShellCommand {
  shell: string;
  args: string[];
}

/** What the choice depends on; the real machine by default, anything in tests. */
export interface ShellProbe {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The account's shell from the user database (getpwuid), or null where there is none. */
  accountShell: () => string | null;
  exists: (path: string) => boolean;
}

// Shells known to take -l for "login shell"; anything else set as login shell starts without it.
const TAKES_LOGIN_FLAG = new Set([
  'bash',
  'zsh',
  'fish',
  'sh',
  'ksh',
  'mksh',
  'dash',
  'tcsh',
  'csh',
  'nu',
  'xonsh',
]);

function accountShell(): string | null {
  try {
    return userInfo().shell;
  } catch {
    // No passwd entry (containers with an arbitrary uid), or Windows, where there is no such field.
    return null;
  }
}

export function machineProbe(): ShellProbe {
  return { platform: process.platform, env: process.env, accountShell, exists: existsSync };
}

function firstAbsolute(...candidates: Array<string | null | undefined>): string | undefined {
  return candidates.find((c): c is string => typeof c === 'string' && posix.isAbsolute(c));
}

function macShell(probe: ShellProbe): ShellCommand {
  // The account's shell first: $SHELL can be stale (set by whoever started the app), the account is
  // what the user chose with chsh or System Settings.
  const shell = firstAbsolute(probe.accountShell(), probe.env.SHELL) ?? '/bin/zsh';
  return { shell, args: TAKES_LOGIN_FLAG.has(posix.basename(shell)) ? ['-l'] : [] };
}

function unixShell(probe: ShellProbe): ShellCommand {
  const shell =
    firstAbsolute(probe.env.SHELL, probe.accountShell()) ??
    (probe.exists('/bin/bash') ? '/bin/bash' : '/bin/sh');
  return { shell, args: [] };
}

function windowsShell(probe: ShellProbe): ShellCommand {
  const env = (name: string) => envValue(probe.env, name, 'win32');
  const onPath = windowsSearchDirs(env('PATH') ?? '').map((dir) => win32.join(dir, 'pwsh.exe'));
  const programFiles = env('ProgramFiles');
  const systemRoot = env('SystemRoot') ?? 'C:\\Windows';
  const candidates = [
    ...onPath,
    ...(programFiles ? [win32.join(programFiles, 'PowerShell', '7', 'pwsh.exe')] : []),
    win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
  ];
  const found = candidates.find((path) => probe.exists(path));
  return { shell: found ?? env('COMSPEC') ?? 'cmd.exe', args: [] };
}

export function defaultShell(probe: ShellProbe = machineProbe()): ShellCommand {
  if (probe.platform === 'win32') return windowsShell(probe);
  if (probe.platform === 'darwin') return macShell(probe);
  return unixShell(probe);
}
