// Which key conventions apply: macOS (Cmd) or everything else (Ctrl/Alt). Pure so it can be tested.
import type { KeyPlatform } from '../../shared/keybindings';

export type Platform = KeyPlatform;

export interface NavigatorLike {
  platform?: string;
  userAgent?: string;
}

export function detectPlatform(nav: NavigatorLike): Platform {
  const hint = `${nav.platform ?? ''} ${nav.userAgent ?? ''}`;
  return /Mac|iPhone|iPad|iPod/i.test(hint) ? 'mac' : 'other';
}
