// Every store of the app opened at once, for the browser host and the Electron shell alike. The shape
// matches what src/main/app/app-stores.ts gives the hub (`layout`, `settings`, `notices`, `flush`).
import type { Settings } from '../../shared/settings';
import { SettingsFile } from '../settings/settings-file';
import type { DurableStore, StoreNotice } from './durable-store';
import { type LayoutPersistenceAdapter, layoutPersistence } from './layout-persistence';
import { openLayoutStore, type PersistedLayout } from './layout-store';
import type { StoreBackendFactory } from './store-backend';
import { openWindowStateStore, type WindowState } from './window-state-store';

export interface AppStoreFiles {
  layout: DurableStore<PersistedLayout>;
  /** settings.json: a file for people to edit (JSON with comments), not a durable store. */
  settings: SettingsFile;
  /** Only the desktop shell reads and writes it; opened here so every file follows one code path. */
  windowState: DurableStore<WindowState>;
}

export interface AppStores {
  /** What the hub loads from and saves to. */
  layout: LayoutPersistenceAdapter;
  /** The settings in force at opening; `files.settings` follows later saves. */
  settings: Settings;
  /** What opening found (recoveries, migrations), for every client to see. */
  notices: StoreNotice[];
  /** Later notices (a write failed, saving works again). Returns an unsubscribe function. */
  onNotice(listener: (notice: StoreNotice) => void): () => void;
  /** Write everything pending (quit). Returns false if a write failed. */
  flush(): boolean;
  files: AppStoreFiles;
}

export interface OpenAppStoresOptions {
  /** conf by default; the Electron shell passes electron-store. */
  backend?: StoreBackendFactory;
  log?: (line: string) => void;
}

export function openAppStores(dataDir: string, options: OpenAppStoresOptions = {}): AppStores {
  const { backend, log } = options;
  const files: AppStoreFiles = {
    layout: openLayoutStore({ dataDir, backend }),
    settings: SettingsFile.open({ dataDir, log }),
    windowState: openWindowStateStore({ dataDir, backend }),
  };
  const all = [files.layout, files.windowState] as const;
  return {
    layout: layoutPersistence(files.layout, log),
    settings: files.settings.settings,
    notices: [...files.layout.notices, ...files.settings.notices, ...files.windowState.notices],
    onNotice(listener) {
      const unsubscribes = [...all, files.settings].map((store) => store.onNotice(listener));
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
    flush() {
      return all.map((store) => store.flush()).every(Boolean);
    },
    files,
  };
}
