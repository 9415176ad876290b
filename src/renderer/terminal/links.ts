// Which links the terminal may open (ANCHORS: reply injection and link lessons): only http(s), only
// on a modifier-click, and always through the main side, which checks again.
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
