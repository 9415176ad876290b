// Keyboard shortcuts as the app menu shows them. The renderer owns the keys (src/renderer/keys/keymap.ts
// handles every key press, with the user's overrides from settings.keybindings); the menu repeats the
// same platform defaults (DESIGN.md §7) and applies the same overrides, so what it shows is what works.
import type { CommandId } from '../../shared/settings';

export type MenuPlatform = 'mac' | 'linux' | 'windows';

export function menuPlatform(nodePlatform: string): MenuPlatform {
  if (nodePlatform === 'darwin') return 'mac';
  return nodePlatform === 'win32' ? 'windows' : 'linux';
}

const gotoBindings = (modifier: string): Record<string, CommandId> =>
  Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`${modifier}+${n}`, `tab.goto${n}` as CommandId]),
  );

/** Kept in step with defaultKeybindings() in src/renderer/keys/keymap.ts (its tests pin the same keys). */
const MAC: Readonly<Record<string, CommandId>> = {
  'Cmd+T': 'tab.new',
  'Cmd+W': 'tab.close',
  'Shift+Cmd+]': 'tab.next',
  'Shift+Cmd+[': 'tab.previous',
  ...gotoBindings('Cmd'),
  'Shift+Cmd+M': 'tab.moveToWorkspace',
  'Cmd+N': 'window.new',
  'Cmd+C': 'terminal.copy',
  'Cmd+V': 'terminal.paste',
  'Cmd+F': 'terminal.find',
  'Cmd+K': 'terminal.clear',
  'Cmd+=': 'view.zoomIn',
  'Cmd+-': 'view.zoomOut',
  'Cmd+0': 'view.zoomReset',
};

/** Linux and Windows: plain Ctrl+letter belongs to the shell, so app keys add Shift. */
const OTHER: Readonly<Record<string, CommandId>> = {
  'Ctrl+Shift+T': 'tab.new',
  'Ctrl+Shift+W': 'tab.close',
  'Ctrl+PageDown': 'tab.next',
  'Ctrl+PageUp': 'tab.previous',
  ...gotoBindings('Alt'),
  'Ctrl+Shift+M': 'tab.moveToWorkspace',
  'Ctrl+Shift+C': 'terminal.copy',
  'Ctrl+Shift+V': 'terminal.paste',
  'Ctrl+Shift+F': 'terminal.find',
  'Ctrl+=': 'view.zoomIn',
  'Ctrl+-': 'view.zoomOut',
  'Ctrl+0': 'view.zoomReset',
};

export function defaultAccelerators(platform: MenuPlatform): Readonly<Record<string, CommandId>> {
  return platform === 'mac' ? MAC : OTHER;
}

const MODIFIERS: Readonly<Record<string, 'Ctrl' | 'Alt' | 'Shift' | 'Cmd' | 'CmdOrCtrl'>> = {
  ctrl: 'Ctrl',
  control: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  opt: 'Alt',
  shift: 'Shift',
  cmd: 'Cmd',
  command: 'Cmd',
  meta: 'Cmd',
  super: 'Cmd',
  cmdorctrl: 'CmdOrCtrl',
  commandorcontrol: 'CmdOrCtrl',
};
const MODIFIER_ORDER = ['Ctrl', 'Alt', 'Shift', 'Cmd'] as const;

const NAMED_KEYS: Readonly<Record<string, string>> = {
  pageup: 'PageUp',
  pagedown: 'PageDown',
  home: 'Home',
  end: 'End',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  arrowup: 'Up',
  arrowdown: 'Down',
  arrowleft: 'Left',
  arrowright: 'Right',
  tab: 'Tab',
  space: 'Space',
  enter: 'Enter',
  return: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  insert: 'Insert',
  delete: 'Delete',
  backspace: 'Backspace',
  plus: 'Plus',
};
// Keys Electron's accelerator syntax names by their character.
const PUNCTUATION = /^[-=[\]\\;',./`~!@#$%^&*()_{}|:"<>?]$/;

/**
 * One spelling per shortcut, in Electron's accelerator syntax ("Ctrl+Shift+T", "Shift+Cmd+]"), or null
 * when it names no key Electron knows (then the menu shows no shortcut; the renderer reports it).
 */
export function canonicalAccelerator(raw: string, platform: MenuPlatform): string | null {
  const parts = raw.split('+');
  // "Ctrl++" spells the plus key.
  if (raw.endsWith('++')) parts.splice(-2, 2, '+');
  const keyPart = parts.pop()?.trim() ?? '';
  const modifiers = new Set<string>();
  for (const part of parts) {
    const modifier = MODIFIERS[part.trim().toLowerCase()];
    if (!modifier) return null;
    modifiers.add(modifier === 'CmdOrCtrl' ? (platform === 'mac' ? 'Cmd' : 'Ctrl') : modifier);
  }
  const key = canonicalKey(keyPart);
  if (key === null) return null;
  return [...MODIFIER_ORDER.filter((modifier) => modifiers.has(modifier)), key].join('+');
}

function canonicalKey(raw: string): string | null {
  if (/^[a-z0-9]$/i.test(raw)) return raw.toUpperCase();
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(raw)) return raw.toUpperCase();
  if (raw === '+') return 'Plus';
  if (PUNCTUATION.test(raw)) return raw;
  return NAMED_KEYS[raw.toLowerCase()] ?? null;
}

/**
 * The shortcut the menu shows for a command: the user's own binding if they made one, else the
 * platform default unless the user unbound it or gave its key to another command.
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
  for (const [raw, bound] of Object.entries(defaultAccelerators(platform))) {
    if (bound !== command) continue;
    const canonical = canonicalAccelerator(raw, platform);
    if (canonical !== null && !overridden.has(canonical)) return canonical;
  }
  return null;
}
