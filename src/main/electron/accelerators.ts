// Keyboard shortcuts as the app menu shows them. The renderer owns the keys (src/renderer/keys/keymap.ts
// handles every key press, with the user's overrides from settings.keybindings); the menu reads the same
// platform defaults and accelerator rules (src/shared/keybindings.ts) and applies the same overrides, so
// what it shows is what works.
import {
  joinAccelerator,
  type KeyPlatform,
  primaryDefaultKey,
  splitAccelerator,
} from '../../shared/keybindings';
import type { CommandId } from '../../shared/settings';

export type MenuPlatform = 'mac' | 'linux' | 'windows';

export function menuPlatform(nodePlatform: string): MenuPlatform {
  if (nodePlatform === 'darwin') return 'mac';
  return nodePlatform === 'win32' ? 'windows' : 'linux';
}

/** Linux and Windows share their key conventions. */
export function keyPlatform(platform: MenuPlatform): KeyPlatform {
  return platform === 'mac' ? 'mac' : 'other';
}

/**
 * One spelling per shortcut, in Electron's accelerator syntax ("Ctrl+Shift+T", "Shift+Cmd+]"), or null
 * when it names no key the page's keymap knows (then the menu shows no shortcut; the renderer reports it).
 */
export function canonicalAccelerator(raw: string, platform: MenuPlatform): string | null {
  const parts = splitAccelerator(raw, keyPlatform(platform));
  if (parts === null) return null;
  // Electron spells the plus key "Plus" ("+" separates the parts).
  return joinAccelerator(parts.modifiers, parts.key === '+' ? 'Plus' : parts.key);
}

/**
 * The shortcut the menu shows for a command: the user's own binding if they made one, else the
 * platform's main default unless the user unbound it or gave its key to another command.
 */
export function acceleratorFor(
  command: CommandId,
  platform: MenuPlatform,
  overrides: Readonly<Record<string, CommandId | ''>>,
): string | null {
  const overridden = new Map<string, CommandId | ''>();
  for (const [raw, bound] of Object.entries(overrides)) {
    const canonical = canonicalAccelerator(raw, platform);
    if (canonical !== null) overridden.set(canonical, bound);
  }
  for (const [canonical, bound] of overridden) if (bound === command) return canonical;
  const primary = primaryDefaultKey(keyPlatform(platform), command);
  const canonical = primary === null ? null : canonicalAccelerator(primary, platform);
  return canonical !== null && !overridden.has(canonical) ? canonical : null;
}
