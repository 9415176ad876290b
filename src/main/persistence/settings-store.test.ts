import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { openSettingsStore } from './settings-store';
import { openWindowStateStore } from './window-state-store';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tabterm-settings-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('settings store', () => {
  it('gives the documented defaults on first start', () => {
    const settings = openSettingsStore({ dataDir }).get();
    expect(settings).toEqual(defaultSettings());
    expect(settings).toMatchObject({
      scrollbackLines: 10_000,
      ringLines: 2000,
      fontSize: 14,
      maxSessions: 100,
      confirmQuit: true,
    });
  });

  it('fills fields missing from a hand-written file with their defaults', () => {
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ version: 1, data: { fontSize: 18, theme: 'light' } }),
    );
    const store = openSettingsStore({ dataDir });
    expect(store.notices).toEqual([]);
    expect(store.get()).toEqual({ ...defaultSettings(), fontSize: 18, theme: 'light' });
  });

  it('quarantines a file with an out-of-range value and names the field', () => {
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, data: { fontSize: 200 } }));
    const store = openSettingsStore({ dataDir });
    expect(store.get()).toEqual(defaultSettings());
    expect(store.notices[0]).toMatchObject({ code: 'store_reset', store: 'settings' });
    expect(store.notices[0]?.message).toMatch(/Settings file .*fontSize/);
  });
});

describe('window state store', () => {
  it('round-trips window bounds and the workspace each window shows', () => {
    const store = openWindowStateStore({ dataDir });
    expect(store.get()).toEqual({ windows: [] });
    const state = {
      windows: [
        {
          id: 'win-1',
          bounds: { x: 10, y: 20, width: 800, height: 600 },
          maximized: false,
          fullScreen: false,
          workspaceId: 'w1',
        },
        { id: 'win-2', bounds: null, maximized: true, fullScreen: false, workspaceId: null },
      ],
    };
    store.set(state);
    store.flush();
    expect(openWindowStateStore({ dataDir }).get()).toEqual(state);
  });
});
