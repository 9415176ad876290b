// What a durable store finds on disk when it opens, and what it does about it. A file that cannot be
// used is moved aside (never deleted), the last good copy or the defaults take its place, and every
// step is reported as a notice naming the files. An older format is migrated, with the original kept.
import { mkdirSync } from 'node:fs';
import { Persistence } from '../../shared/limits';
import type { DocumentCheck, StoreDocument } from './store-document';
import {
  backupBeforeMigration,
  errorMessage,
  modifiedAt,
  quarantine,
  readStoreFile,
  sweepTempFiles,
} from './store-files';
import type { StoreNoticeCode, StoreNoticeLevel } from './store-notice';

export interface OpenContext<T> {
  dir: string;
  name: string;
  /** What the user calls the file ("Layout"). */
  label: string;
  path: string;
  lastGoodPath: string;
  version: number;
  defaults(): T;
  /** Parse, migrate and validate a file's text. */
  check(text: string): DocumentCheck<T>;
  notify(level: StoreNoticeLevel, code: StoreNoticeCode, message: string): void;
  /** Write a document to the main file at once; false (after its own notice) if that failed. */
  writeInitial(document: StoreDocument): boolean;
}

export interface Opened<T> {
  value: T;
  /** The document known to be on disk and good: it becomes last-good at the next write. */
  onDisk: StoreDocument | null;
  /** False when nothing may be written this session (a notice said why). */
  writable: boolean;
}

type Backup<T> =
  | { kind: 'ok'; value: T; savedAt: Date | null }
  | { kind: 'missing' }
  | { kind: 'bad'; reason: string; movedTo: string | null };

export function openStore<T>(context: OpenContext<T>): Opened<T> {
  const { dir, name, label, path } = context;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    context.notify(
      'error',
      'store_read_only',
      `${label} cannot be saved: the folder ${dir} could not be created (${errorMessage(error)}). Defaults are in use.`,
    );
    return { value: context.defaults(), onDisk: null, writable: false };
  }
  sweepTempFiles(dir, `${name}.json`, Persistence.staleTempFileMs, Date.now());
  sweepTempFiles(dir, `${name}.last-good.json`, Persistence.staleTempFileMs, Date.now());

  const main = readStoreFile(path);
  let problem: string | null = null;
  if (main.kind === 'text') {
    const check = context.check(main.text);
    if (check.ok) return useMain(context, check);
    problem = check.reason;
  } else if (main.kind === 'unreadable') {
    problem = main.reason;
  }

  let movedTo: string | null = null;
  let writable = true;
  if (problem !== null) {
    try {
      movedTo = quarantine(path, dir, name, new Date());
    } catch (error) {
      writable = false;
      context.notify(
        'error',
        'store_read_only',
        `${label} file ${path} could not be used (${problem}) and could not be moved aside (${errorMessage(error)}). It was left untouched and ${label} changes will not be saved until it is fixed or removed.`,
      );
    }
  }
  const backup = loadLastGood(context);
  const badFile =
    problem === null
      ? ''
      : `${label} file ${path} could not be used: ${problem}.${movedTo ? ` It was moved to ${movedTo}.` : ''}`;

  if (backup.kind === 'ok') {
    const saved = backup.savedAt ? ` (saved ${formatTime(backup.savedAt)})` : '';
    if (problem !== null) {
      context.notify('warning', 'store_recovered', `${badFile} The last good copy${saved} was restored.`);
    } else {
      context.notify(
        'warning',
        'store_restored',
        `${label} file ${path} was missing; the last good copy${saved} was restored. To start from the defaults instead, quit and delete ${context.lastGoodPath} too.`,
      );
    }
    const document = { version: context.version, data: backup.value };
    // Put the recovered document back in the main file at once, so a crash now loses nothing.
    if (writable) writable = context.writeInitial(document);
    return { value: backup.value, onDisk: writable ? document : null, writable };
  }

  const backupNote =
    backup.kind === 'bad'
      ? ` The backup ${context.lastGoodPath} was unusable too (${backup.reason})${backup.movedTo ? ` and was moved to ${backup.movedTo}` : ''}.`
      : '';
  if (problem !== null) {
    context.notify(
      'error',
      'store_reset',
      `${badFile}${backupNote} No usable backup was found, so the defaults are in use.`,
    );
  } else if (backup.kind === 'bad') {
    context.notify(
      'warning',
      'store_reset',
      `${label} file ${path} was missing.${backupNote} The defaults are in use.`,
    );
  }
  return { value: context.defaults(), onDisk: null, writable };
}

function useMain<T>(context: OpenContext<T>, check: Extract<DocumentCheck<T>, { ok: true }>): Opened<T> {
  const { label, path } = context;
  const document = { version: context.version, data: check.value };
  if (check.migratedFrom === null) return { value: check.value, onDisk: document, writable: true };
  let backup: string;
  try {
    backup = backupBeforeMigration(path, context.dir, context.name, check.migratedFrom);
  } catch (error) {
    // Without a copy of the old file, overwriting it could lose what the migration dropped.
    context.notify(
      'error',
      'store_read_only',
      `${label} file ${path} was upgraded from format version ${check.migratedFrom} in memory, but a copy of the old file could not be kept (${errorMessage(error)}), so it was left untouched and ${label} changes will not be saved this session.`,
    );
    return { value: check.value, onDisk: null, writable: false };
  }
  context.notify(
    'info',
    'store_migrated',
    `${label} file was upgraded from format version ${check.migratedFrom} to ${context.version}; the previous file is kept at ${backup}.`,
  );
  const writable = context.writeInitial(document);
  return { value: check.value, onDisk: writable ? document : null, writable };
}

function loadLastGood<T>(context: OpenContext<T>): Backup<T> {
  const file = readStoreFile(context.lastGoodPath);
  if (file.kind === 'missing') return { kind: 'missing' };
  const check = file.kind === 'text' ? context.check(file.text) : { ok: false as const, reason: file.reason };
  if (check.ok) return { kind: 'ok', value: check.value, savedAt: modifiedAt(context.lastGoodPath) };
  let movedTo: string | null = null;
  try {
    movedTo = quarantine(context.lastGoodPath, context.dir, `${context.name}.last-good`, new Date());
  } catch {
    // It stays where it is; the next successful write replaces it with a good copy.
  }
  return { kind: 'bad', reason: check.reason, movedTo };
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
