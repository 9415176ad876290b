// File operations of the durable store that are not writes of a document: reading, moving a bad file
// aside (never deleting it), keeping a copy before a migration, and sweeping temp files that an
// interrupted atomic write left behind.
import {
  constants,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';

export type FileRead =
  | { kind: 'missing' }
  | { kind: 'text'; text: string }
  | { kind: 'unreadable'; reason: string };

export function readStoreFile(path: string): FileRead {
  try {
    return { kind: 'text', text: readFileSync(path, 'utf8') };
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { kind: 'missing' };
    return { kind: 'unreadable', reason: `it could not be read (${errorMessage(error)})` };
  }
}

/** An ISO time usable in a file name on every platform (no ':' — Windows forbids it). */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

/** `base` + `suffix`, or `base-2` + `suffix`, … : the first name that is not taken. */
export function freeName(dir: string, base: string, suffix: string): string {
  for (let n = 1; ; n++) {
    const candidate = join(dir, `${n === 1 ? base : `${base}-${n}`}${suffix}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** Move a bad file to `${name}.corrupt-<time>.json` in the same directory; returns the new path. */
export function quarantine(path: string, dir: string, name: string, now: Date): string {
  const target = freeName(dir, `${name}.corrupt-${fileTimestamp(now)}`, '.json');
  // Same directory, so this is a rename, not a copy: atomic, and the bytes stay exactly as found.
  renameSync(path, target);
  return target;
}

/** Copy the file as it was before a migration to `${name}.v<old>.bak.json` (never over an older copy). */
export function backupBeforeMigration(path: string, dir: string, name: string, oldVersion: number): string {
  const target = freeName(dir, `${name}.v${oldVersion}.bak`, '.json');
  copyFileSync(path, target, constants.COPYFILE_EXCL);
  return target;
}

/**
 * Remove `${name}.json.tmp-…` files (atomically's temp names) older than `olderThanMs`: a kill -9
 * during a write leaves one behind. Young ones may belong to a write in flight elsewhere.
 */
export function sweepTempFiles(dir: string, fileName: string, olderThanMs: number, now: number): number {
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  const pattern = new RegExp(`^${escapeRegExp(fileName)}\\.tmp-\\d{10}[a-f0-9]{6}$`);
  for (const entry of entries) {
    if (!pattern.test(entry)) continue;
    const path = join(dir, entry);
    try {
      if (now - statSync(path).mtimeMs < olderThanMs) continue;
      unlinkSync(path);
      removed++;
    } catch {
      // Gone already or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

export function modifiedAt(path: string): Date | null {
  try {
    return statSync(path).mtime;
  } catch {
    return null;
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
