// Checks a spawn request before anything is forked. node-pty on Linux forks first and fails in the child
// (the shell exits 1 after printing "execvp(3) failed"), so a missing shell or cwd would look like a
// session that started and died. Checking first turns it into `spawn_failed` with a sentence a person
// understands, and opens nothing that could leak.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export type SpawnCheck = { ok: true; file: string; cwd: string } | { ok: false; message: string };

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

function look(path: string, missing: string): Found {
  try {
    return { ok: true, isDirectory: statSync(path).isDirectory() };
  } catch (error) {
    return { ok: false, reason: describeFsError(error, missing) };
  }
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function checkExecutable(path: string): string | null {
  const found = look(path, 'no such file');
  if (!found.ok) return found.reason;
  if (found.isDirectory) return 'it is a directory, not a program';
  if (!canAccess(path, constants.X_OK)) return 'not executable (permission denied)';
  return null;
}

/** Finds `shell` the way execvp would: a path as is, a bare name through PATH. */
function resolveShell(shell: string, pathVar: string | undefined): Resolved {
  if (shell.includes('/')) {
    if (!isAbsolute(shell)) {
      return {
        ok: false,
        message: `Cannot start "${shell}": give an absolute path or a program name found in PATH`,
      };
    }
    const problem = checkExecutable(shell);
    return problem
      ? { ok: false, message: `Cannot start "${shell}": ${problem}` }
      : { ok: true, file: shell };
  }
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, shell);
    if (checkExecutable(candidate) === null) return { ok: true, file: candidate };
  }
  return { ok: false, message: `Cannot start "${shell}": not found in PATH` };
}

function checkCwd(cwd: string): string | null {
  if (!isAbsolute(cwd)) return `Cannot start in "${cwd}": the working directory must be an absolute path`;
  const found = look(cwd, 'no such directory');
  if (!found.ok) return `Cannot start in "${cwd}": ${found.reason}`;
  if (!found.isDirectory) return `Cannot start in "${cwd}": not a directory`;
  if (!canAccess(cwd, constants.X_OK)) return `Cannot start in "${cwd}": permission denied`;
  return null;
}

/** The shell (resolved to an absolute path) and cwd to spawn with, or why it cannot start. */
export function checkSpawn(shell: string, cwd: string, pathVar: string | undefined): SpawnCheck {
  const resolved = resolveShell(shell, pathVar);
  if (!resolved.ok) return resolved;
  const cwdProblem = checkCwd(cwd);
  if (cwdProblem) return { ok: false, message: cwdProblem };
  return { ok: true, file: resolved.file, cwd };
}
