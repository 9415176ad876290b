// Key → command (DESIGN.md §7): the platform defaults (src/shared/keybindings.ts, which the desktop menu
// reads too), then the user's overrides from settings.keybindings ("" unbinds). Pure; the key handler
// and menus read it.
import { defaultKeybindings } from '../../shared/keybindings';
import type { CommandId } from '../../shared/settings';
import { acceleratorFromEvent, type KeyLike, parseAccelerator } from './accelerator';
import type { Platform } from './platform';

export type Keymap = ReadonlyMap<string, CommandId>;

export interface KeymapResult {
  keymap: Keymap;
  /** Overrides that could not be understood, in words, to show the user once. */
  problems: string[];
}

export function buildKeymap(
  platform: Platform,
  overrides: Readonly<Record<string, CommandId | ''>>,
): KeymapResult {
  const keymap = new Map<string, CommandId>();
  const problems: string[] = [];
  for (const [accelerator, command] of Object.entries(defaultKeybindings(platform))) {
    const canonical = parseAccelerator(accelerator, platform);
    if (canonical === null) throw new Error(`Built-in keybinding "${accelerator}" does not parse.`);
    keymap.set(canonical, command);
  }
  for (const [accelerator, command] of Object.entries(overrides)) {
    const canonical = parseAccelerator(accelerator, platform);
    if (canonical === null) {
      problems.push(`Keybinding "${accelerator}" names no key Tabterm knows; it was ignored.`);
      continue;
    }
    if (command === '') keymap.delete(canonical);
    else keymap.set(canonical, command);
  }
  return { keymap, problems };
}

export function commandForEvent(keymap: Keymap, event: KeyLike): CommandId | null {
  const accelerator = acceleratorFromEvent(event);
  return accelerator === null ? null : (keymap.get(accelerator) ?? null);
}

/** Every accelerator bound to a command, in keymap order (for tooltips and menus). */
export function acceleratorsFor(keymap: Keymap, command: CommandId): string[] {
  return [...keymap].filter(([, bound]) => bound === command).map(([accelerator]) => accelerator);
}
