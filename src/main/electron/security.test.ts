import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol, Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenWebContents, installSessionPolicy, serveRenderer } from './security';
import { CONTENT_SECURITY_POLICY } from './security-policy';

type Listener = (...args: unknown[]) => unknown;

function fakeEmitter() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
    },
  };
}

const preventable = (url = '') => ({ url, preventDefault: vi.fn() });

describe('hardenWebContents', () => {
  function harden() {
    const emitter = fakeEmitter();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: emitter.on,
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    } as unknown as WebContents;
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal, () => {});
    return { listeners: emitter.listeners, open: (url: string) => openHandler?.({ url }), openExternal };
  }

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { listeners } = harden();
    const event = preventable('https://evil.example/');
    listeners.get(name)?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, opening only http(s) links in the user’s browser', () => {
    const { open, openExternal } = harden();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });
});

describe('installSessionPolicy', () => {
  function install() {
    const emitter = fakeEmitter();
    const handlers: Record<string, Listener> = {};
    const session = {
      on: emitter.on,
      setPermissionRequestHandler: (h: Listener) => {
        handlers.request = h;
      },
      setPermissionCheckHandler: (h: Listener) => {
        handlers.check = h;
      },
      setDevicePermissionHandler: (h: Listener) => {
        handlers.device = h;
      },
      webRequest: {
        onHeadersReceived: (h: Listener) => {
          handlers.headers = h;
        },
      },
    } as unknown as Session;
    installSessionPolicy(session, () => {});
    return { handlers, listeners: emitter.listeners };
  }

  it('denies permission requests and checks, devices included', () => {
    const { handlers } = install();
    for (const permission of ['media', 'clipboard-read', 'notifications', 'geolocation']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission, 'app://tabterm', {})).toBe(false);
    }
    expect(handlers.device?.({})).toBe(false);
  });

  it('puts the CSP on every response', () => {
    const { handlers } = install();
    const callback = vi.fn();
    handlers.headers?.({ responseHeaders: { 'content-type': ['text/html'] } }, callback);
    expect(callback.mock.calls[0]?.[0].responseHeaders['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
  });

  it('blocks downloads', () => {
    const { listeners } = install();
    const event = preventable();
    listeners.get('will-download')?.(event, { getURL: () => 'https://x/y.exe' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('serveRenderer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tabterm-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tabterm</title>');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function serve() {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol = {
      handle: (_scheme: string, h: typeof handler) => {
        handler = h;
      },
    } as unknown as Protocol;
    serveRenderer(protocol, dir);
    return (url: string, method = 'GET') => handler!(new Request(url, { method }));
  }

  it('serves the page with its type and the security headers', async () => {
    const response = await serve()('app://tabterm/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Tabterm</title>');
  });

  it('answers 404 for missing files, other hosts and non-GET requests', async () => {
    const fetch = serve();
    expect((await fetch('app://tabterm/missing.js')).status).toBe(404);
    expect((await fetch('app://other/index.html')).status).toBe(404);
    expect((await fetch('app://tabterm/index.html', 'POST')).status).toBe(404);
  });
});
