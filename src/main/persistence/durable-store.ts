// One JSON document on disk that survives crashes and bad files (layout, settings, window state).
// Opening never throws and never silently drops data: a file that cannot be used (empty, truncated,
// not JSON, wrong shape, schema-invalid, from a newer version) is moved aside, the last good copy or
// the defaults are used instead, and a notice says what happened and where the bad file went.
// Writes are debounced and atomic; after each one the previous good document becomes
// `${name}.last-good.json`, so the backup is always a complete document that loaded or was written.
import { join } from 'node:path';
import type { z } from 'zod';
import { Persistence } from '../../shared/limits';
import { describeIssues } from '../../shared/protocol';
import { confBackend, type StoreBackend, type StoreBackendFactory } from './store-backend';
import { type Migrations, readDocumentText, type StoreDocument } from './store-document';
import { errorMessage, quarantine } from './store-files';
import type { StoreNotice, StoreNoticeCode, StoreNoticeLevel } from './store-notice';
import { openStore } from './store-open';
import { WriteScheduler, type WriteTiming } from './write-scheduler';

export type { StoreNotice, StoreNoticeCode, StoreNoticeLevel } from './store-notice';

export interface DurableStoreOptions<T> {
  /** Data directory; created if missing. */
  dir: string;
  /** The file is `${dir}/${name}.json`. */
  name: string;
  /** What the user calls this file in messages, e.g. "Layout". Defaults to `name`. */
  label?: string;
  /** Schema of the current version's `data`. */
  schema: z.ZodType<T>;
  /** Current document version. */
  version: number;
  /** `migrations[n]` turns a version-n document's data into version n+1's (it may throw). */
  migrations: Migrations;
  defaults: () => T;
  debounceMs?: number;
  maxWaitMs?: number;
  minWriteIntervalMs?: number;
  /** conf by default; the Electron shell passes electron-store. */
  backend?: StoreBackendFactory;
}

export class DurableStore<T> {
  readonly path: string;
  readonly lastGoodPath: string;
  readonly #options: DurableStoreOptions<T>;
  readonly #label: string;
  readonly #notices: StoreNotice[] = [];
  readonly #listeners = new Set<(notice: StoreNotice) => void>();
  readonly #writtenListeners = new Set<() => void>();
  readonly #scheduler: WriteScheduler;
  #value: T;
  #valueJson: string;
  /** The last value given to `set`, as given (before validation stripped anything). */
  #inputJson: string | null = null;
  #onDisk: StoreDocument | null = null;
  #onDiskJson: string | null = null;
  #writable = true;
  #failing = false;
  #closed = false;
  #main: StoreBackend | null = null;
  #lastGood: StoreBackend | null = null;

  /** Open (or create) the store. Never throws because of what is, or is not, on disk. */
  static open<T>(options: DurableStoreOptions<T>): DurableStore<T> {
    return new DurableStore(options);
  }

  private constructor(options: DurableStoreOptions<T>) {
    this.#options = options;
    this.#label = options.label ?? options.name;
    this.path = join(options.dir, `${options.name}.json`);
    this.lastGoodPath = join(options.dir, `${options.name}.last-good.json`);
    const timing: WriteTiming = {
      debounceMs: options.debounceMs ?? Persistence.debounceMs,
      maxWaitMs: options.maxWaitMs ?? Persistence.maxWaitMs,
      minIntervalMs: options.minWriteIntervalMs ?? Persistence.minWriteIntervalMs,
      retryMs: Persistence.retryAfterFailureMs,
    };
    this.#scheduler = new WriteScheduler(() => this.#writeNow(), timing);
    const { dir, name, version, migrations, schema } = options;
    const loaded = openStore({
      dir,
      name,
      label: this.#label,
      path: this.path,
      lastGoodPath: this.lastGoodPath,
      version,
      defaults: options.defaults,
      check: (text) => readDocumentText(text, { schema, version, migrations }),
      notify: (level, code, message) => this.#notify(level, code, message),
      writeInitial: (document) => this.#writeInitial(document),
    });
    this.#value = loaded.value;
    this.#valueJson = JSON.stringify(loaded.value);
    this.#writable = loaded.writable;
    this.#setOnDisk(loaded.onDisk);
  }

  /** What happened since open: recoveries, migrations, write failures. Oldest first. */
  get notices(): readonly StoreNotice[] {
    return this.#notices;
  }

  /** Notices from now on (write failures, recoveries). Returns an unsubscribe function. */
  /** Called after each successful write: the disk now holds the value of the latest `set`. */
  onWritten(listener: () => void): () => void {
    this.#writtenListeners.add(listener);
    return () => this.#writtenListeners.delete(listener);
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** False when changes cannot be saved this session (a `store_read_only` notice said why). */
  get writable(): boolean {
    return this.#writable;
  }

  /** True while a change has not reached the disk. */
  get dirty(): boolean {
    return this.#scheduler.pending;
  }

  /** A copy of the current value (callers cannot change the store behind its back). */
  get(): T {
    return structuredClone(this.#value);
  }

  /**
   * Replace the value; it reaches the disk after the debounce (or at `flush`). An invalid value is a
   * bug in the caller: it throws rather than write a file that would be quarantined at next start.
   */
  set(value: T): void {
    // The hub saves after every layout change, most of which (titles, session states) leave the
    // persisted part as it was: compare before paying for validation.
    const inputJson = JSON.stringify(value);
    if (inputJson === this.#inputJson) return;
    const result = this.#options.schema.safeParse(value);
    if (!result.success) {
      throw new Error(`${this.#label}: refusing to save an invalid value (${describeIssues(result.error)})`);
    }
    this.#inputJson = inputJson;
    const json = JSON.stringify(result.data);
    if (json === this.#valueJson) return;
    this.#value = result.data;
    this.#valueJson = json;
    if (this.#closed) {
      // After close nothing will flush again: write at once.
      this.#writeNow();
      return;
    }
    this.#scheduler.changed();
  }

  /** Write pending changes now. Returns false if the write failed (a notice says why). */
  flush(): boolean {
    return this.#scheduler.flush();
  }

  /** Flush and stop the timer; later `set`s write immediately. */
  close(): boolean {
    const ok = this.flush();
    this.#scheduler.cancel();
    this.#closed = true;
    return ok;
  }

  /** Put a recovered or migrated document on disk right away, so the main file is current again. */
  #writeInitial(document: StoreDocument): boolean {
    try {
      this.#mainBackend().write(document);
      return true;
    } catch (error) {
      this.#notify(
        'error',
        'store_read_only',
        `${this.#label} file ${this.path} could not be written (${errorMessage(error)}); ${this.#label} changes will not be saved this session.`,
      );
      return false;
    }
  }

  // ── write ───────────────────────────────────────────────────────────────────────────────────

  #writeNow(): boolean {
    if (!this.#writable) return true;
    if (this.#valueJson === this.#onDiskJson) return true;
    const document: StoreDocument = { version: this.#options.version, data: this.#value };
    try {
      this.#mainBackend().write(document);
    } catch (error) {
      if (!this.#failing) {
        this.#failing = true;
        this.#notify(
          'error',
          'store_write_failed',
          `${this.#label} could not be saved to ${this.path} (${errorMessage(error)}). Tabterm keeps the changes and tries again.`,
        );
      }
      return false;
    }
    const previous = this.#onDisk;
    this.#setOnDisk(document);
    if (previous) this.#writeLastGood(previous);
    for (const listener of this.#writtenListeners) listener();
    if (this.#failing) {
      this.#failing = false;
      this.#notify('info', 'store_write_recovered', `${this.#label} is being saved again.`);
    }
    return true;
  }

  #writeLastGood(previous: StoreDocument): void {
    try {
      this.#lastGoodBackend().write(previous);
    } catch {
      // The main file is written; a missing backup only matters if it later goes bad, and the
      // next write tries again. Not worth alarming the user over.
      this.#lastGood = null;
    }
  }

  #setOnDisk(document: StoreDocument | null): void {
    this.#onDisk = document;
    this.#onDiskJson = document ? JSON.stringify(document.data) : null;
  }

  #mainBackend(): StoreBackend {
    this.#main ??= this.#createBackend(this.#options.name);
    return this.#main;
  }

  #lastGoodBackend(): StoreBackend {
    if (this.#lastGood) return this.#lastGood;
    try {
      this.#lastGood = this.#createBackend(`${this.#options.name}.last-good`);
    } catch {
      // conf reads the file when it starts and throws on one it cannot parse: keep that file aside
      // and start over (it only ever holds a copy of an older good document).
      quarantine(this.lastGoodPath, this.#options.dir, `${this.#options.name}.last-good`, new Date());
      this.#lastGood = this.#createBackend(`${this.#options.name}.last-good`);
    }
    return this.#lastGood;
  }

  #createBackend(name: string): StoreBackend {
    const factory = this.#options.backend ?? confBackend;
    return factory({ dir: this.#options.dir, name });
  }

  #notify(level: StoreNoticeLevel, code: StoreNoticeCode, message: string): void {
    const notice: StoreNotice = { level, code, store: this.#options.name, message };
    this.#notices.push(notice);
    for (const listener of this.#listeners) listener(notice);
  }
}
