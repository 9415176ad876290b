// settings.json: the user's settings (schema and defaults live in src/shared/settings.ts so the renderer
// applies exactly what main loaded). Fields missing from the file take their defaults; a field with a
// wrong value, or one this version does not know, makes the file invalid (quarantined, user told).
import { defaultSettings, Settings } from '../../shared/settings';
import { DurableStore } from './durable-store';
import type { OpenStoreOptions } from './layout-store';
import type { Migrations } from './store-document';

export const SETTINGS_VERSION = 1;

/** No older settings format exists yet; the first change of shape adds `1: (old) => …` here. */
export const settingsMigrations: Migrations = {};

export function openSettingsStore({ dataDir, backend }: OpenStoreOptions): DurableStore<Settings> {
  return DurableStore.open({
    dir: dataDir,
    name: 'settings',
    label: 'Settings',
    schema: Settings,
    version: SETTINGS_VERSION,
    migrations: settingsMigrations,
    defaults: defaultSettings,
    backend,
  });
}
