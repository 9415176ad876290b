// Every window the app opens — a new one, a cascade from the focused one, the ones restored from the last
// run — is created with the secure web preferences and our preload, and loads only our own page. With a
// mocked `electron` that records what BrowserWindow was given; window-options.test.ts holds the option
// set itself, this holds that nothing opens a window any other way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DurableStore } from '../persistence/durable-store';
import type { WindowState } from '../persistence/window-state-store';
import { APP_ORIGIN } from './app-protocol';
import { rendererLocation } from './renderer-location';
import { WindowManager } from './window-manager';
import { SECURE_WEB_PREFERENCES } from './window-options';

const created = vi.hoisted(() => [] as Array<{ options: Record<string, unknown>; loaded: string[] }>);

vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    static getFocusedWindow = () => null;
    readonly webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record = { options, loaded: [] as string[] };
      created.push(record);
      this.webContents = {
        id: nextId++,
        on: () => {},
        isDestroyed: () => false,
        send: () => {},
        loadURL: (url: string) => {
          record.loaded.push(url);
          return Promise.resolve();
        },
      };
    }
    on(): void {}
    once(): void {}
    maximize(): void {}
    setFullScreen(): void {}
    isDestroyed(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    isFullScreen(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 10, width: 800, height: 600 };
    }
  }
  const area = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: area }], getPrimaryDisplay: () => ({ workArea: area }) },
  };
});

function manager(saved: WindowState) {
  let state = saved;
  const store = { get: () => state, set: (next: WindowState) => (state = next) };
  return new WindowManager({
    preloadPath: '/app/out/preload/index.cjs',
    location: rendererLocation({ packaged: true, devServerUrl: 'http://evil.example:5173/' }),
    backgroundColor: () => '#1B1D23',
    devTools: false,
    store: store as unknown as DurableStore<WindowState>,
    hub: { connect: () => ({ receive: () => {}, disconnect: () => {} }) },
    log: () => {},
    onLastWindowClose: () => {},
    onContextMenu: () => {},
  });
}

afterEach(() => {
  created.length = 0;
});

describe('windows the app opens', () => {
  it('restored, new and cascaded windows all get the secure preferences, our preload and our page', () => {
    const windows = manager({
      windows: [
        {
          id: 'win-a',
          bounds: { x: 0, y: 0, width: 900, height: 700 },
          maximized: true,
          fullScreen: false,
          workspaceId: 'w1',
        },
        { id: 'win-b', bounds: null, maximized: false, fullScreen: true, workspaceId: null },
      ],
    });
    windows.restoreAll(new Set(['w1']));
    windows.openNew('w1');
    windows.openNew(null);
    expect(created).toHaveLength(4);
    for (const { options, loaded } of created) {
      const web = options.webPreferences as Record<string, unknown>;
      expect(web).toEqual({
        ...SECURE_WEB_PREFERENCES,
        preload: '/app/out/preload/index.cjs',
        devTools: false,
      });
      // A packaged app ignores the dev-server variable: only app://tabterm pages, nothing else.
      expect(loaded).toHaveLength(1);
      expect(loaded[0]?.startsWith(`${APP_ORIGIN}/index.html`)).toBe(true);
    }
    expect(windows.count).toBe(4);
  });

  it('registers each window’s web contents, so the IPC guard knows exactly these senders', () => {
    const windows = manager({ windows: [] });
    windows.restoreAll(new Set());
    const ids = windows.all().map((managed) => managed.window.webContents.id);
    expect(ids).toHaveLength(1);
    for (const id of ids) expect(windows.has(id)).toBe(true);
    expect(windows.has(9_999)).toBe(false);
  });
});
