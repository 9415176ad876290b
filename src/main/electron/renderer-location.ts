// Which page a window loads and which sender the IPC guard trusts: app://tabterm/ when packaged (and
// in a plain build), the electron-vite dev server during `electron-vite dev`. A packaged app ignores
// the dev-server variable, so no environment variable can point it at another page.
import { APP_ENTRY_URL, APP_ORIGIN } from './app-protocol';

export interface RendererLocation {
  /** What `isTrustedSender` compares frames against. */
  trusted: string;
  /** The page for a window showing `workspaceId` (null: the layout's active workspace). */
  pageUrl(workspaceId: string | null): string;
}

function withWorkspace(base: string, workspaceId: string | null): string {
  const url = new URL(base);
  if (workspaceId !== null) url.searchParams.set('workspace', workspaceId);
  return url.toString();
}

export function rendererLocation(options: {
  packaged: boolean;
  devServerUrl: string | undefined;
}): RendererLocation {
  const dev = !options.packaged && options.devServerUrl ? safeDevUrl(options.devServerUrl) : null;
  if (dev) {
    return { trusted: dev.origin, pageUrl: (workspaceId) => withWorkspace(dev.href, workspaceId) };
  }
  return { trusted: APP_ORIGIN, pageUrl: (workspaceId) => withWorkspace(APP_ENTRY_URL, workspaceId) };
}

/** The dev server must be plain http on this machine. */
function safeDevUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && local ? url : null;
  } catch {
    return null;
  }
}
