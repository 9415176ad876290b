// The rules every window lives under, as pure functions: the Content-Security-Policy, which URLs may
// leave the app (http/https only, to the user's browser), and the permission answer (always no).
// security.ts applies them to Electron's sessions and web contents.
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { Links } from '../../shared/limits';

export { CONTENT_SECURITY_POLICY };

export type ResponseHeaders = Record<string, string | string[]>;

/** The response headers with our CSP (replacing any other, whatever its case) and no-sniff. */
export function withSecurityHeaders(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'x-content-type-options') continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  result['X-Content-Type-Options'] = ['nosniff'];
  return result;
}

const MAX_EXTERNAL_URL_LENGTH = Links.maxUrlLength;

/**
 * Whether a URL from the page may be handed to the OS (shell.openExternal). Only http and https: a
 * `file:`, `smb:`, custom-scheme or `javascript:` URL can run programs or leak credentials. URLs with
 * embedded credentials are refused too (they are a classic phishing disguise).
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname.length > 0;
}

/** Permissions (camera, notifications, clipboard-read, …) the app grants a page: none. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set();

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}
