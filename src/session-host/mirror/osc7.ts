// OSC 7 is how shells report their directory: `file://host/path`, percent-encoded.

/** The path of an OSC 7 report, or null if it is not one. */
export function parseOsc7(payload: string): string | null {
  if (!payload.startsWith('file://')) return null;
  try {
    const url = new URL(payload);
    const path = decodeURIComponent(url.pathname);
    return path.startsWith('/') ? path : null;
  } catch {
    return null;
  }
}
