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

/** The operating system, for habits that differ between Windows and Linux too (mouse, clipboard). */
export type Os = 'mac' | 'windows' | 'linux';

export function detectOs(nav: NavigatorLike): Os {
  if (detectPlatform(nav) === 'mac') return 'mac';
  const hint = `${nav.platform ?? ''} ${nav.userAgent ?? ''}`;
  return /Win/i.test(hint) ? 'windows' : 'linux';
}
