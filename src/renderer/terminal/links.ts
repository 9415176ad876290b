// Which links the terminal may open (ANCHORS: reply injection and link lessons): only http(s), only
// on a modifier-click, and always through the main side, which checks again. An OSC 8 hyperlink
// shows text of the program's choosing, so one whose text is not its own target is confirmed first.
import { Links } from '../../shared/limits';
import type { Platform } from '../keys/platform';

export function isOpenableUrl(text: string): boolean {
  if (text.length > Links.maxUrlLength) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  // Credentials in the address are how a link poses as another site: https://bank.example@evil.example/.
  if (url.username !== '' || url.password !== '') return false;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

export interface ClickLike {
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Cmd+click on macOS, Ctrl+click elsewhere: a plain click selects text as it always did. */
export function hasLinkModifier(event: ClickLike, platform: Platform): boolean {
  return platform === 'mac' ? event.metaKey : event.ctrlKey;
}

export function shouldOpenLink(event: ClickLike, text: string, platform: Platform): boolean {
  return hasLinkModifier(event, platform) && isOpenableUrl(text);
}

/**
 * Whether an OSC 8 hyperlink's shown text is its target (the same URL, or the same URL without its
 * scheme), so opening it goes where the reader expects.
 */
export function linkShowsItsTarget(shown: string, target: string): boolean {
  const text = shown.trim();
  if (text === target) return true;
  const targetHref = hrefOf(target);
  if (targetHref === null) return false;
  const candidates = /^[a-z][a-z0-9+.-]*:/i.test(text) ? [text] : [`https://${text}`, `http://${text}`];
  return candidates.some((candidate) => hrefOf(candidate) === targetHref);
}

export type HyperlinkAction = 'ignore' | 'open' | 'confirm';

/** What a click on an OSC 8 hyperlink does: nothing, open it, or ask first, naming the real target. */
export function hyperlinkAction(
  event: ClickLike,
  shown: string,
  target: string,
  platform: Platform,
): HyperlinkAction {
  if (!shouldOpenLink(event, target, platform)) return 'ignore';
  return linkShowsItsTarget(shown, target) ? 'open' : 'confirm';
}

function hrefOf(text: string): string | null {
  try {
    return new URL(text).href;
  } catch {
    return null;
  }
}
