import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../shared/settings';
import type { StoreNotice } from '../persistence/store-notice';
import { SettingsFile } from './settings-file';
import { settingsJsonSchemaText } from './settings-schema';

let dataDir: string;
let file: SettingsFile | null = null;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tabterm-settings-'));
});
afterEach(() => {
  file?.close();
  file = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const settingsPath = () => join(dataDir, 'settings.json');
function open(): SettingsFile {
  file = SettingsFile.open({ dataDir });
  return file;
}

describe('SettingsFile', () => {
  it('creates the file with its schema on first start, and gives the defaults', () => {
    const settings = open();
    expect(settings.settings).toEqual(defaultSettings());
    expect(settings.notices).toEqual([]);
    expect(readFileSync(settingsPath(), 'utf8')).toContain('"$schema": "./settings.schema.json"');
    expect(readFileSync(join(dataDir, 'settings.schema.json'), 'utf8')).toBe(settingsJsonSchemaText());
  });

  it('applies a save, tells listeners once, and reports ignored keys by path', () => {
    const settings = open();
    const changes: Settings[] = [];
    const notices: StoreNotice[] = [];
    settings.onChange((s) => changes.push(s));
    settings.onNotice((n) => notices.push(n));
    writeFileSync(settingsPath(), '{ "fontSize": 18, "theme": "pink" }');
    settings.reload();
    settings.reload();
    expect(changes).toEqual([{ ...defaultSettings(), fontSize: 18 }]);
    expect(notices).toEqual([
      expect.objectContaining({
        code: 'settings_invalid',
        level: 'warning',
        message: expect.stringContaining('theme:'),
      }),
    ]);

    // A save that is not JSON keeps what is in force; a good one clears the problem.
    writeFileSync(settingsPath(), '{ "fontSize": 12');
    settings.reload();
    expect(settings.settings.fontSize).toBe(18);
    expect(notices.at(-1)).toMatchObject({ code: 'settings_invalid', level: 'error' });
    writeFileSync(settingsPath(), '{ "fontSize": 12 }');
    settings.reload();
    expect(settings.settings.fontSize).toBe(12);
    expect(notices.at(-1)).toMatchObject({ code: 'settings_valid', level: 'info' });
  });

  it('moves a file of the old format to the new one, keeping the old beside it', () => {
    const old = JSON.stringify({ version: 1, data: { theme: 'light' } });
    writeFileSync(settingsPath(), old);
    const settings = open();
    expect(settings.settings.theme).toBe('light');
    expect(settings.notices).toEqual([expect.objectContaining({ code: 'store_migrated' })]);
    expect(readFileSync(join(dataDir, 'settings.v1.json'), 'utf8')).toBe(old);
    const now = readFileSync(settingsPath(), 'utf8');
    expect(now).toContain('"theme": "light"');
    expect(now).not.toContain('"version"');
  });

  it('follows saves made by an editor', async () => {
    const settings = open();
    settings.watch();
    const changes: Settings[] = [];
    settings.onChange((s) => changes.push(s));
    // Many editors write a temporary file and rename it over the old one.
    writeFileSync(`${settingsPath()}.swp`, '{ "fontSize": 22 }');
    const { renameSync } = await import('node:fs');
    renameSync(`${settingsPath()}.swp`, settingsPath());
    await vi.waitFor(() => expect(changes.at(-1)?.fontSize).toBe(22), { timeout: 10_000, interval: 20 });
  });

  it('writes keys from the app, keeping the comments, and applies them before returning', () => {
    writeFileSync(settingsPath(), '{\n  // mine\n  "fontSize": 13,\n}\n');
    const settings = open();
    const changes: Settings[] = [];
    settings.onChange((s) => changes.push(s));
    expect(settings.update([{ key: 'fontSize', value: 19 }])).toEqual({ ok: true });
    expect(changes.at(-1)?.fontSize).toBe(19);
    expect(settings.settings.fontSize).toBe(19);
    expect(readFileSync(settingsPath(), 'utf8')).toMatch(/\/\/ mine[\s\S]*"fontSize": 19/);
  });

  it('writes nothing for a refused value and says which key', () => {
    const settings = open();
    const before = readFileSync(settingsPath(), 'utf8');
    const result = settings.update([{ key: 'fontSize', value: 'huge' }]);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('fontSize') });
    expect(readFileSync(settingsPath(), 'utf8')).toBe(before);
    expect(settings.settings).toEqual(defaultSettings());
  });

  it('starts with the defaults, and says why, where the folder cannot be made', () => {
    // A file where the folder should be fails for root too (a read-only folder would not).
    const blocker = join(dataDir, 'not-a-folder');
    writeFileSync(blocker, '');
    file = SettingsFile.open({ dataDir: join(blocker, 'data') });
    expect(file.settings).toEqual(defaultSettings());
    expect(file.notices).toEqual([
      expect.objectContaining({
        code: 'settings_invalid',
        level: 'error',
        message: expect.stringContaining('ENOTDIR'),
      }),
    ]);
  });
});
