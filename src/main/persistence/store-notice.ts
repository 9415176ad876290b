// What a store tells the user: recoveries at open, migrations, write failures. The hub turns each
// into an `app_notice`; the messages are written for a person and name the files involved.

export type StoreNoticeLevel = 'info' | 'warning' | 'error';

export type StoreNoticeCode =
  /** The file was unusable; it was moved aside and the last good copy is in use. */
  | 'store_recovered'
  /** The file was missing but a last good copy existed and is in use. */
  | 'store_restored'
  /** The file was unusable and no backup was usable: defaults are in use. */
  | 'store_reset'
  /** An older format was upgraded; the old file is kept beside it. */
  | 'store_migrated'
  /** The store cannot be written this session (the bad file could not be moved aside, no directory…). */
  | 'store_read_only'
  /** A write failed; the change is kept in memory and retried. */
  | 'store_write_failed'
  /** Writes work again after a failure. */
  | 'store_write_recovered'
  /** settings.json has keys that were ignored (unknown, wrong value) or is not JSON; replaces the last. */
  | 'settings_invalid'
  /** settings.json is wholly valid again: clears a `settings_invalid` banner. */
  | 'settings_valid';

/** Something the user should be told (the hub turns it into an `app_notice`). */
export interface StoreNotice {
  level: StoreNoticeLevel;
  code: StoreNoticeCode;
  /** Which store: its file base name, e.g. "layout". */
  store: string;
  message: string;
}
