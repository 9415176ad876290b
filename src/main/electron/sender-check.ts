// Who may talk to main over IPC: only the top frame of one of our windows, showing our own page.
// Pure, with its own tests, because an inverted or loose version of this check (GitHub Desktop once
// shipped one that refused valid senders; prefix checks let `http://localhost:5173.evil.com` in) is
// exactly the bug that stays invisible until it matters.

function parse(raw: string | null | undefined): URL | null {
  if (typeof raw !== 'string' || raw.length === 0) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * @param frameUrl     URL of the frame that sent the message (`event.senderFrame.url`).
 * @param expected     Where our page lives: an origin (`app://tabterm`, the dev server's
 *                     `http://localhost:5173`) or, for a page loaded from disk, its `file:` URL.
 * @param isMainFrame  Whether the sender is its window's top frame (sub-frames are never trusted).
 */
export function isTrustedSender(
  frameUrl: string | null | undefined,
  expected: string,
  isMainFrame: boolean,
): boolean {
  if (!isMainFrame) return false;
  const actual = parse(frameUrl);
  const wanted = parse(expected);
  if (!actual || !wanted) return false;
  if (actual.protocol !== wanted.protocol) return false;
  if (actual.username !== '' || actual.password !== '') return false;
  if (wanted.protocol === 'file:') {
    // The exact page, on this machine: no other file, no UNC host (`file://server/share/...`).
    return actual.host === '' && wanted.host === '' && actual.pathname === wanted.pathname;
  }
  // Scheme + host + port, compared whole (Node gives no `origin` for custom schemes such as app:).
  return wanted.host !== '' && actual.host.toLowerCase() === wanted.host.toLowerCase();
}
