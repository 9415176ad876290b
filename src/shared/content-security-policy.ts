// The one Content-Security-Policy of every Tabterm page: the desktop app sends it as a header
// (src/main/electron/security-policy.ts) and so does the browser host (src/main/server/http-server.ts).
// `frame-ancestors` and `form-action` only take effect as a header, not in the page's <meta>.
// xterm sets inline styles, hence 'unsafe-inline' for styles only; scripts come from the app alone.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
