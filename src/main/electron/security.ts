// Applies security-policy.ts to Electron: the app:// scheme serving the renderer, the session's
// permission, header and download rules, and the guard every web contents gets on creation.
import { readFile } from 'node:fs/promises';
import type { Protocol, Session, WebContents } from 'electron';
import { APP_SCHEME, contentTypeFor, resolveAppPath } from './app-protocol';
import { isPermissionGranted, isSafeExternalUrl, withSecurityHeaders } from './security-policy';

/**
 * Before `ready`: app:// behaves like https (a real origin, secure context, fetch allowed, and CORS so
 * Vite's `<script type="module" crossorigin>` loads; no other origin gets our files, as the handler
 * sends no Access-Control-Allow-Origin).
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/** Serve out/renderer at app://tabterm/, nothing outside it, with our security headers. */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppPath(request.url, rendererDir) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const headers = withSecurityHeaders({ 'Content-Type': contentTypeFor(file) });
      const pairs = Object.entries(headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
      );
      return new Response(body, { status: 200, headers: pairs });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

export function installSessionPolicy(session: Session, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = isPermissionGranted(permission);
    if (!granted) log(`denied permission request: ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  // The dev server's responses (http) get the same CSP as app:// ones.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  session.on('will-download', (event, item) => {
    log(`blocked a download of ${item.getURL()}`);
    event.preventDefault();
  });
}

/**
 * For every web contents, from `web-contents-created`: no navigation away from the page, no new
 * windows (http/https links go to the user's browser instead), no <webview>.
 */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  log: (line: string) => void,
): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log(`blocked navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log(`blocked redirect to ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    else log(`blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}
