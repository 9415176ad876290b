// Who puts a document on disk. The default is `conf`; the Electron shell passes an electron-store
// factory (electron-store extends conf, so both write the same way). Reading is NOT delegated: conf
// either throws on a file it cannot parse or, with `clearInvalidConfig`, silently empties it — the
// durable store reads and checks files itself and only lets conf near a file that is valid or absent.
import Conf from 'conf';
import type { StoreDocument } from './store-document';

export interface StoreBackend {
  /** Absolute path of the file this backend writes. */
  readonly path: string;
  /** Replace the whole file, atomically (a reader sees the old or the new text, never a mix). */
  write(document: StoreDocument): void;
}

export interface StoreBackendOptions {
  dir: string;
  /** Base name without extension: the file is `${dir}/${name}.json`. */
  name: string;
}

export type StoreBackendFactory = (options: StoreBackendOptions) => StoreBackend;

/** The envelope as conf sees it: a plain record it serializes whole. */
type ConfRecord = Record<string, unknown>;

/** Options both conf and electron-store understand, so the Electron adapter can share them. */
export const confOptions = {
  fileExtension: 'json',
  // The layout holds directory paths; keep the files private to the user.
  configFileMode: 0o600,
  // Dots in tab ids or keybindings must not turn into nested paths.
  accessPropertiesByDotNotation: false,
  clearInvalidConfig: false,
  serialize: (value: ConfRecord) => `${JSON.stringify(value, null, 2)}\n`,
} as const;

/**
 * Wrap anything with conf's `store` setter. conf writes through `atomically`: a temp file in the same
 * directory, fsync, then rename over the target, so a kill -9 at any moment leaves the old or the new
 * file (test/integration/persistence-crash.test.ts proves it). Two conf fallbacks are not atomic:
 * inside a Snap (`SNAP` set) and after EXDEV on Windows; there the last-good copy is the safety net.
 */
export function confLikeBackend(store: { readonly path: string; store: ConfRecord }): StoreBackend {
  return {
    path: store.path,
    write(document) {
      store.store = { version: document.version, data: document.data };
    },
  };
}

export const confBackend: StoreBackendFactory = ({ dir, name }) =>
  confLikeBackend(new Conf<ConfRecord>({ ...confOptions, cwd: dir, configName: name }));
