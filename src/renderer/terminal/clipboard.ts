// Copy and paste for the terminal commands. The async Clipboard API needs permission (Electron may
// deny it, browsers ask); copying falls back to a copy event, and pasting with the platform's own
// paste keys never needs the API at all (keys/key-handler.ts lets the browser paste natively). The
// desktop page has no clipboard permission: there main copies and pastes (Bridge.writeClipboard,
// Bridge.pasteClipboard).

export async function copyText(text: string): Promise<boolean> {
  if (text === '') return true;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithEvent(text);
  }
}

function copyWithEvent(text: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy, { once: true });
  try {
    // Deprecated but still the one way to copy without a permission during a user gesture.
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

export async function readText(): Promise<string | null> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return null;
  }
}
