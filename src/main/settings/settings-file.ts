// settings.json on disk: created on first start with its schema beside it, read key by key
// (settings-text.ts), and watched, so a save in any editor applies at once to every window. Opening never
// throws: a folder that cannot be written or a file that cannot be read gives the defaults and a notice.
import { type FSWatcher, mkdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../shared/settings';
import { defaultSettings } from '../../shared/settings';
import type { StoreNotice } from '../persistence/store-notice';
import { settingsJsonSchemaText } from './settings-schema';
import {
  describeProblems,
  editSettingsText,
  migratedSettingsText,
  newSettingsText,
  readSettingsText,
  SCHEMA_FILE,
  type SettingChange,
  type SettingsProblem,
} from './settings-text';

export const SETTINGS_FILE = 'settings.json';
/** Editors save in several steps (truncate, write; or write a temp file and rename): read once they settle. */
const SETTLE_MS = 60;

export interface SettingsFileOptions {
  dataDir: string;
  log?: (line: string) => void;
}

type Listener = (settings: Settings) => void;
type NoticeListener = (notice: StoreNotice) => void;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

export class SettingsFile {
  readonly path: string;
  /** What opening found, for the first clients. */
  readonly notices: StoreNotice[] = [];
  #settings: Settings = defaultSettings();
  #lastText: string | null = null;
  #lastProblems = '';
  #watcher: FSWatcher | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #listeners = new Set<Listener>();
  readonly #noticeListeners = new Set<NoticeListener>();
  readonly #log: (line: string) => void;

  static open(options: SettingsFileOptions): SettingsFile {
    return new SettingsFile(options);
  }

  private constructor(private readonly options: SettingsFileOptions) {
    this.path = join(options.dataDir, SETTINGS_FILE);
    this.#log = options.log ?? (() => {});
    this.#prepareFolder();
    this.#load((notice) => this.notices.push(notice), false);
  }

  get settings(): Settings {
    return this.#settings;
  }

  /** Called with the new settings after a save changed them. Returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Notices after opening (a save with problems, or without them again). */
  onNotice(listener: NoticeListener): () => void {
    this.#noticeListeners.add(listener);
    return () => this.#noticeListeners.delete(listener);
  }

  /** Starts following saves. The folder is watched, not the file: editors replace the file on save. */
  watch(): void {
    if (this.#watcher) return;
    try {
      this.#watcher = watch(this.options.dataDir, (_event, name) => {
        if (name === null || name === SETTINGS_FILE) this.#schedule();
      });
      this.#watcher.on('error', (error) => {
        this.#log(`settings: no longer watching ${this.path} (${errorText(error)})`);
        this.#watcher?.close();
        this.#watcher = null;
      });
    } catch (error) {
      this.#log(`settings: changes to ${this.path} apply at the next start (${errorText(error)})`);
    }
  }

  /** Reads the file again now (what a save triggers). */
  reload(): void {
    this.#load((notice) => {
      for (const listener of this.#noticeListeners) listener(notice);
    }, true);
  }

  /**
   * Writes keys from the app, keeping the user's comments and layout; applies them at once (listeners
   * hear of it before this returns). A refused value writes nothing and says why.
   */
  update(changes: readonly SettingChange[]): { ok: true } | { ok: false; error: string } {
    let text: string | null;
    try {
      text = readText(this.path);
    } catch (error) {
      return { ok: false, error: `cannot read ${this.path} (${errorText(error)})` };
    }
    const edit = editSettingsText(text ?? newSettingsText(), changes);
    if (!edit.ok) return edit;
    try {
      // A new file renamed over the old one: an editor or a watcher never reads half of it.
      writeFileSync(`${this.path}.tmp`, edit.text);
      renameSync(`${this.path}.tmp`, this.path);
    } catch (error) {
      return { ok: false, error: `cannot write ${this.path} (${errorText(error)})` };
    }
    this.reload();
    return { ok: true };
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#watcher?.close();
    this.#watcher = null;
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.reload();
    }, SETTLE_MS);
  }

  /** The schema beside the file, and the file itself on first start; failures are reported, not fatal. */
  #prepareFolder(): void {
    const { dataDir } = this.options;
    try {
      mkdirSync(dataDir, { recursive: true });
      const schemaPath = join(dataDir, SCHEMA_FILE);
      const schema = settingsJsonSchemaText();
      if (readText(schemaPath) !== schema) writeFileSync(schemaPath, schema);
      if (readText(this.path) === null) writeFileSync(this.path, newSettingsText(), { flag: 'wx' });
    } catch (error) {
      this.#log(`settings: cannot prepare ${dataDir} (${errorText(error)})`);
    }
  }

  #load(tell: NoticeListener, announce: boolean): void {
    let text: string | null;
    try {
      text = readText(this.path);
    } catch (error) {
      this.#report(tell, [{ path: '', message: `cannot be read (${errorText(error)})` }], 'error');
      return;
    }
    if (text === this.#lastText) return;
    this.#lastText = text;
    const read = readSettingsText(text ?? '', this.#settings);
    if (read.legacy && text !== null) this.#migrate(text, tell);
    this.#report(tell, read.problems, read.readable ? 'warning' : 'error');
    if (JSON.stringify(read.settings) === JSON.stringify(this.#settings)) return;
    this.#settings = read.settings;
    if (announce) for (const listener of this.#listeners) listener(read.settings);
  }

  /** The format before this one held `{ version, data }`; it is rewritten flat and kept beside. */
  #migrate(text: string, tell: NoticeListener): void {
    const backup = join(this.options.dataDir, 'settings.v1.json');
    try {
      const data = JSON.parse(text).data as Record<string, unknown>;
      writeFileSync(`${this.path}.tmp`, migratedSettingsText(data));
      writeFileSync(backup, text);
      renameSync(`${this.path}.tmp`, this.path);
      this.#lastText = readText(this.path);
      tell({
        level: 'info',
        code: 'store_migrated',
        store: 'settings',
        message: `Settings were moved to the new format (comments allowed, checked by your editor); the old file is ${backup}.`,
      });
    } catch (error) {
      this.#log(`settings: the old-format file stays as it is (${errorText(error)})`);
    }
  }

  #report(tell: NoticeListener, problems: SettingsProblem[], level: 'warning' | 'error'): void {
    const summary = describeProblems(problems);
    if (summary === this.#lastProblems) return;
    const hadProblems = this.#lastProblems !== '';
    this.#lastProblems = summary;
    if (summary === '') {
      if (hadProblems)
        tell({
          level: 'info',
          code: 'settings_valid',
          store: 'settings',
          message: `Settings file ${this.path} is valid.`,
        });
      return;
    }
    const ignored = level === 'error' ? 'the settings in force stay as they were' : 'the rest applies';
    const message = `Settings file ${this.path}: ${summary} (${ignored})`;
    this.#log(`${level}: ${message}`);
    tell({ level, code: 'settings_invalid', store: 'settings', message });
  }
}
