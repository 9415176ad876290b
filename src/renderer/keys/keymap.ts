// Key → command (DESIGN.md §7): platform defaults, then the user's overrides from
// settings.keybindings ("" unbinds). Pure; the key handler and menus read it.
import type { CommandId } from '../../shared/settings';
import { acceleratorFromEvent, type KeyLike, parseAccelerator } from './accelerator';
import type { Platform } from './platform';

export type Keymap = ReadonlyMap<string, CommandId>;

const GOTO: readonly CommandId[] = [
  'tab.goto1',
  'tab.goto2',
  'tab.goto3',
  'tab.goto4',
  'tab.goto5',
  'tab.goto6',
  'tab.goto7',
  'tab.goto8',
  'tab.goto9',
];

function gotoBindings(modifier: string): Record<string, CommandId> {
  return Object.fromEntries(GOTO.map((command, index) => [`${modifier}+${index + 1}`, command]));
}

/**
 * On Linux and Windows plain Ctrl+letter belongs to the shell (Ctrl+T transposes, Ctrl+F moves
 * forward, Ctrl+W deletes a word), so the app's keys add Shift, as gnome-terminal and Windows
 * Terminal do.
 */
const OTHER_DEFAULTS: Readonly<Record<string, CommandId>> = {
  'Ctrl+Shift+T': 'tab.new',
  'Ctrl+Shift+W': 'tab.close',
  'Ctrl+PageDown': 'tab.next',
  'Ctrl+PageUp': 'tab.previous',
  'Ctrl+Tab': 'tab.next',
  'Ctrl+Shift+Tab': 'tab.previous',
  ...gotoBindings('Alt'),
  'Ctrl+Shift+M': 'tab.moveToWorkspace',
  'Ctrl+Shift+C': 'terminal.copy',
  'Ctrl+Shift+V': 'terminal.paste',
  'Shift+Insert': 'terminal.paste',
  'Ctrl+Shift+F': 'terminal.find',
  'Ctrl+=': 'view.zoomIn',
  'Ctrl+Shift+=': 'view.zoomIn',
  'Ctrl+-': 'view.zoomOut',
  'Ctrl+0': 'view.zoomReset',
};

const MAC_DEFAULTS: Readonly<Record<string, CommandId>> = {
  'Cmd+T': 'tab.new',
  'Cmd+W': 'tab.close',
  'Shift+Cmd+]': 'tab.next',
  'Shift+Cmd+[': 'tab.previous',
  'Ctrl+Tab': 'tab.next',
  'Ctrl+Shift+Tab': 'tab.previous',
  ...gotoBindings('Cmd'),
  'Shift+Cmd+M': 'tab.moveToWorkspace',
  'Cmd+N': 'window.new',
  'Cmd+C': 'terminal.copy',
  'Cmd+V': 'terminal.paste',
  'Cmd+F': 'terminal.find',
  'Cmd+K': 'terminal.clear',
  'Cmd+=': 'view.zoomIn',
  'Shift+Cmd+=': 'view.zoomIn',
  'Cmd+-': 'view.zoomOut',
  'Cmd+0': 'view.zoomReset',
};

/** The built-in bindings, written as a person would; buildKeymap canonicalises them. */
export function defaultKeybindings(platform: Platform): Readonly<Record<string, CommandId>> {
  return platform === 'mac' ? MAC_DEFAULTS : OTHER_DEFAULTS;
}

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
