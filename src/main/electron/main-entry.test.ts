// The Electron entry (main.ts) with a mocked `electron`: it turns on the sandbox for every renderer and
// hands every web contents Electron creates — windows, webviews, anything — to hardenWebContents as it
// is created, before any page loads. security.test.ts covers what the hardening does on its own; this
// proves the entry wires it to `web-contents-created` (the only place that sees every web contents).
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  return {
    appListeners,
    lock: true,
    app: {
      on: (name: string, listener: (...args: unknown[]) => unknown) => {
        appListeners.set(name, listener);
      },
      requestSingleInstanceLock: () => electron.lock,
      enableSandbox: vi.fn(),
      quit: vi.fn(),
      exit: vi.fn(),
      // Never ready: this test is about what happens before the app shell starts.
      whenReady: () => new Promise<void>(() => {}),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
  };
});

const shell = vi.hoisted(() => ({ openExternalSafely: vi.fn() }));

vi.mock('electron', () => ({ app: electron.app, protocol: electron.protocol, dialog: electron.dialog }));
vi.mock('./app-shell', () => ({
  AppShell: { start: vi.fn() },
  openExternalSafely: shell.openExternalSafely,
}));

/** A web contents as hardenWebContents sees it, recording its listeners and window-open handler. */
function fakeContents(type: string) {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    getType: () => type,
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    listeners,
    open: (url: string) => openHandler?.({ url }),
  };
}

async function loadEntry(): Promise<void> {
  vi.resetModules();
  electron.appListeners.clear();
  // The entry installs real signal handlers on `process`; keep them out of the test worker.
  const on = process.on.bind(process);
  const spy = vi
    .spyOn(process, 'on')
    .mockImplementation(((event: string, listener: Listener) =>
      event.startsWith('SIG') ? process : on(event, listener)) as typeof process.on);
  try {
    await import('./main');
  } finally {
    spy.mockRestore();
  }
}

beforeEach(() => {
  electron.lock = true;
  vi.clearAllMocks();
});

afterEach(() => {
  vi.resetModules();
});

describe('the Electron entry', () => {
  it('enables the sandbox for every renderer and registers app:// before ready', async () => {
    await loadEntry();
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.appListeners.has('web-contents-created')).toBe(true);
  });

  it.each(['window', 'webview', 'browserView', 'backgroundPage', 'offscreen'])(
    'hardens a %s web contents the moment it is created',
    async (type) => {
      await loadEntry();
      const created = electron.appListeners.get('web-contents-created');
      const { contents, listeners, open } = fakeContents(type);
      created?.({ preventDefault: vi.fn() }, contents);
      for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
        const event = { url: 'https://evil.example/', preventDefault: vi.fn() };
        listeners.get(name)?.(event, {}, {});
        expect(event.preventDefault, name).toHaveBeenCalled();
      }
      expect(open('https://example.com/')).toEqual({ action: 'deny' });
      expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
      expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
      // Only the http(s) link goes on, to the checked opener (which checks again).
      expect(shell.openExternalSafely.mock.calls.map(([url]) => url)).toEqual(['https://example.com/']);
    },
  );

  it('a second instance quits at once and hardens nothing, opens nothing', async () => {
    electron.lock = false;
    await loadEntry();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.appListeners.size).toBe(0);
  });
});
