// OSC 7 is how shells report their directory: `file://host/path`, percent-encoded. On Windows the path part
// reads `/C:/Users/me` (or `//server/share/…` for a UNC path), which is given back in the platform's own form.

const DRIVE_PATH = /^\/[A-Za-z]:(\/|$)/;

/** The path of an OSC 7 report, or null if it is not one. */
export function parseOsc7(payload: string): string | null {
  if (!payload.startsWith('file://')) return null;
  try {
    const url = new URL(payload);
    const path = decodeURIComponent(url.pathname);
    if (DRIVE_PATH.test(path))
      return path
        .slice(1)
        .replaceAll('/', '\\')
        .replace(/^([A-Za-z]:)$/, '$1\\');
    return path.startsWith('/') ? path : null;
  } catch {
    return null;
  }
}
