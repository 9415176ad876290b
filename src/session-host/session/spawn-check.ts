// Checks a spawn request before anything is forked. node-pty on Linux forks first and fails in the child
// (the shell exits 1 after printing "execvp(3) failed"), so a missing shell or cwd would look like a
// session that started and died; on Windows a name ConPTY cannot find fails with a code, not a reason.
// Checking first turns either into `spawn_failed` with a sentence a person understands, names where it
// looked, and opens nothing that could leak.
//
// Paths follow the platform the host runs on: POSIX resolves a bare name through PATH (`:`) as execvp
// does and wants the execute bit; Windows wants a drive or UNC path (`C:\…`, `\\server\…`), splits PATH
// on `;`, tries each PATHEXT extension on a bare name (`pwsh` → `pwsh.EXE`), has no execute bit, and
// never looks in the current directory (CreateProcess would, which lets a planted `cmd.exe` win).
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { envValue } from '../../shared/env-value';
import { isWindowsAbsolute, windowsSearchDirs } from '../../shared/windows-paths';

export type SpawnCheck = { ok: true; file: string; cwd: string } | { ok: false; message: string };

/** The file system and platform the check runs against; the real ones unless a test says otherwise. */
export interface SpawnSystem {
  platform: string;
  /** Throws as fs.statSync does. */
  isDirectory: (path: string) => boolean;
  /** Throws as fs.accessSync does when `path` cannot be executed (searched, for a directory). */
  checkExecute: (path: string) => void;
}

export const nodeSpawnSystem: SpawnSystem = {
  platform: process.platform,
  isDirectory: (path) => statSync(path).isDirectory(),
  checkExecute: (path) => accessSync(path, constants.X_OK),
};

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';
/** How many searched folders an error names before it says how many more there were. */
const NAMED_DIRS = 6;

type Found = { ok: true; isDirectory: boolean } | { ok: false; reason: string };
type Resolved = { ok: true; file: string } | { ok: false; message: string };

function describeFsError(error: unknown, missing: string): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return missing;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

class Checker {
  private readonly windows: boolean;
  private readonly paths: typeof posix;

  constructor(
    private readonly system: SpawnSystem,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {
    this.windows = system.platform === 'win32';
    this.paths = this.windows ? win32 : posix;
  }

  isAbsolute(path: string): boolean {
    return this.windows ? isWindowsAbsolute(path) : posix.isAbsolute(path);
  }

  private look(path: string, missing: string): Found {
    try {
      return { ok: true, isDirectory: this.system.isDirectory(path) };
    } catch (error) {
      return { ok: false, reason: describeFsError(error, missing) };
    }
  }

  private canExecute(path: string): boolean {
    if (this.windows) return true;
    try {
      this.system.checkExecute(path);
      return true;
    } catch {
      return false;
    }
  }

  /** Why `path` cannot be started, or null if it can. */
  private problemWith(path: string): string | null {
    const found = this.look(path, 'no such file');
    if (!found.ok) return found.reason;
    if (found.isDirectory) return 'it is a directory, not a program';
    if (!this.canExecute(path)) return 'not executable (permission denied)';
    return null;
  }

  /** A bare Windows name without an extension is tried with each of PATHEXT's; one with one, as is. */
  private spellings(name: string): string[] {
    if (!this.windows || win32.extname(name) !== '') return [name];
    const extensions = (envValue(this.env, 'PATHEXT', 'win32') || DEFAULT_PATHEXT)
      .split(';')
      .filter((ext) => /^\.[^.\\/]+$/.test(ext));
    return extensions.map((ext) => name + ext);
  }

  private searchDirs(): string[] {
    const pathVar = envValue(this.env, 'PATH', this.system.platform) ?? '';
    if (this.windows) return windowsSearchDirs(pathVar);
    return pathVar.split(':').filter((dir) => posix.isAbsolute(dir));
  }

  private absoluteShell(shell: string): Resolved {
    for (const file of this.spellings(shell)) {
      if (this.problemWith(file) === null) return { ok: true, file };
    }
    const problem = this.problemWith(shell);
    const tried = this.spellings(shell);
    const fail = (why: string): Resolved => ({ ok: false, message: `Cannot start "${shell}": ${why}` });
    if (tried.length === 1) return fail(problem ?? 'no such file');
    if (problem === null)
      return fail(`Windows starts no file without an extension, and none of ${tried.join(', ')} exists`);
    if (problem === 'no such file') return fail(`no such file (tried ${tried.join(', ')})`);
    return fail(problem);
  }

  resolveShell(shell: string): Resolved {
    const hasSeparator = this.windows ? /[\\/]|^[A-Za-z]:/.test(shell) : shell.includes('/');
    if (hasSeparator) {
      if (!this.isAbsolute(shell)) {
        const example = this.windows ? ' (C:\\…)' : '';
        return {
          ok: false,
          message: `Cannot start "${shell}": give an absolute path${example} or a program name found in PATH`,
        };
      }
      return this.absoluteShell(shell);
    }
    const dirs = this.searchDirs();
    for (const dir of dirs) {
      for (const name of this.spellings(shell)) {
        const candidate = this.paths.join(dir, name);
        if (this.problemWith(candidate) === null) return { ok: true, file: candidate };
      }
    }
    return { ok: false, message: `Cannot start "${shell}": ${this.notFound(shell, dirs)}` };
  }

  private notFound(shell: string, dirs: string[]): string {
    if (dirs.length === 0) return 'not found: PATH names no folder to look in';
    const named = dirs.slice(0, NAMED_DIRS).join(this.windows ? '; ' : ', ');
    const more = dirs.length > NAMED_DIRS ? ` and ${dirs.length - NAMED_DIRS} more` : '';
    const names = this.spellings(shell);
    const as = names.length > 1 ? ` as ${names.join(', ')}` : '';
    return `not found in PATH (looked${as} in ${named}${more})`;
  }

  checkCwd(cwd: string): string | null {
    if (!this.isAbsolute(cwd))
      return `Cannot start in "${cwd}": the working directory must be an absolute path`;
    const found = this.look(cwd, 'no such directory');
    if (!found.ok) return `Cannot start in "${cwd}": ${found.reason}`;
    if (!found.isDirectory) return `Cannot start in "${cwd}": not a directory`;
    if (!this.canExecute(cwd)) return `Cannot start in "${cwd}": permission denied`;
    return null;
  }
}

/** The shell (resolved to an absolute path) and cwd to spawn with, or why it cannot start. */
export function checkSpawn(
  shell: string,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  system: SpawnSystem = nodeSpawnSystem,
): SpawnCheck {
  const checker = new Checker(system, env);
  const resolved = checker.resolveShell(shell);
  if (!resolved.ok) return resolved;
  const cwdProblem = checker.checkCwd(cwd);
  if (cwdProblem) return { ok: false, message: cwdProblem };
  return { ok: true, file: resolved.file, cwd };
}
