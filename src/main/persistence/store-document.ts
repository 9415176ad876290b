// The on-disk envelope of every durable store: `{ "version": n, "data": … }`. Pure: reading a file's
// text into a checked document, migrating old versions and validating the current one never touch the
// disk, so every way a file can be wrong is unit-tested here.
import { z } from 'zod';
import { describeIssues } from '../../shared/protocol';

export interface StoreDocument {
  version: number;
  data: unknown;
}

/** Step n turns a version-n document's `data` into version n+1's. */
export type Migrations = Readonly<Record<number, (old: unknown) => unknown>>;

export type DocumentCheck<T> =
  | { ok: true; value: T; migratedFrom: number | null }
  | { ok: false; reason: string };

/** Parse a file's text into the envelope; anything else is a reason the file is unusable. */
export function parseEnvelope(
  text: string,
): { ok: true; document: StoreDocument } | { ok: false; reason: string } {
  if (text.trim().length === 0) return { ok: false, reason: 'the file is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the file is not valid JSON (${detail})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'the file does not hold a JSON object' };
  }
  const record = raw as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: 'the file has no valid "version" number' };
  }
  if (!('data' in record)) return { ok: false, reason: 'the file has no "data" field' };
  return { ok: true, document: { version, data: record.data } };
}

/**
 * Bring a document to the current version and validate it. A version newer than ours is refused
 * (an older Tabterm must not rewrite a newer one's file in a shape the newer one cannot read back).
 */
export function checkDocument<T>(
  document: StoreDocument,
  options: { schema: z.ZodType<T>; version: number; migrations: Migrations },
): DocumentCheck<T> {
  const { schema, version, migrations } = options;
  if (document.version > version) {
    return {
      ok: false,
      reason: `it was written by a newer Tabterm (format version ${document.version}; this version reads up to ${version})`,
    };
  }
  let data = document.data;
  for (let from = document.version; from < version; from++) {
    const step = migrations[from];
    if (!step) return { ok: false, reason: `there is no migration from format version ${from}` };
    try {
      data = step(data);
    } catch (error) {
      return { ok: false, reason: `migrating it from format version ${from} failed (${errorText(error)})` };
    }
  }
  const result = schema.safeParse(data);
  if (!result.success)
    return { ok: false, reason: `its content is invalid (${describeIssues(result.error)})` };
  return { ok: true, value: result.data, migratedFrom: document.version < version ? document.version : null };
}

/** Both steps at once: the text of a file → a current, valid value, or why not. */
export function readDocumentText<T>(
  text: string,
  options: { schema: z.ZodType<T>; version: number; migrations: Migrations },
): DocumentCheck<T> {
  const envelope = parseEnvelope(text);
  if (!envelope.ok) return envelope;
  return checkDocument(envelope.document, options);
}

function errorText(error: unknown): string {
  if (error instanceof z.ZodError) return describeIssues(error);
  return error instanceof Error ? error.message : String(error);
}
