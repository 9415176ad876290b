// The built-in key bindings (DESIGN.md §7) and the one way to read an accelerator a person wrote, for
// both the renderer's keymap (which handles every key press) and the desktop menu (which shows the same
// keys). Pure: no DOM, no Node.
import { CommandId } from './settings';

/** Which key conventions apply: macOS (Cmd) or everything else (Ctrl/Alt). */
export type KeyPlatform = 'mac' | 'other';

export type Modifier = 'Ctrl' | 'Alt' | 'Shift' | 'Cmd';
const MODIFIER_ORDER: readonly Modifier[] = ['Ctrl', 'Alt', 'Shift', 'Cmd'];

const MODIFIER_NAMES: Readonly<Record<string, Modifier | 'CmdOrCtrl'>> = {
  ctrl: 'Ctrl',
  control: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  opt: 'Alt',
  altgr: 'Alt',
  shift: 'Shift',
  cmd: 'Cmd',
  command: 'Cmd',
  meta: 'Cmd',
  super: 'Cmd',
  cmdorctrl: 'CmdOrCtrl',
  commandorcontrol: 'CmdOrCtrl',
};

const NAMED_KEYS: Readonly<Record<string, string>> = {
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  space: 'Space',
  backspace: 'Backspace',
  delete: 'Delete',
  del: 'Delete',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  arrowup: 'Up',
  arrowdown: 'Down',
  arrowleft: 'Left',
  arrowright: 'Right',
  minus: '-',
  equal: '=',
  plus: '+',
};

const PUNCTUATION = new Set(['[', ']', '-', '=', ';', "'", ',', '.', '/', '\\', '`']);

/** One spelling per key ("T", "F2", "PageUp", "]", "+"), or null for a key Tabterm does not know. */
export function canonicalKey(raw: string): string | null {
  if (/^[a-z0-9]$/i.test(raw)) return raw.toUpperCase();
  if (PUNCTUATION.has(raw) || raw === '+') return raw;
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(raw)) return raw.toUpperCase();
  return NAMED_KEYS[raw.toLowerCase()] ?? null;
}

export interface AcceleratorParts {
  modifiers: ReadonlySet<Modifier>;
  /** canonicalKey's spelling; "+" is the plus key, which each side writes its own way. */
  key: string;
}

/** Reads an accelerator a person wrote ("shift+ctrl+t", "CmdOrCtrl++"); null when it names no key. */
export function splitAccelerator(raw: string, platform: KeyPlatform): AcceleratorParts | null {
  const text = raw.trim();
  if (text.length === 0) return null;
  // "Ctrl++" names the plus key: split the final "+" off before splitting on separators.
  const plusKey = text === '+' || text.endsWith('++');
  const head = plusKey ? text.slice(0, -2) : text;
  const parts = head === '' ? [] : head.split('+').map((part) => part.trim());
  const keyPart = plusKey ? '+' : parts.pop();
  if (keyPart === undefined || keyPart === '') return null;
  const modifiers = new Set<Modifier>();
  for (const part of parts) {
    const modifier = MODIFIER_NAMES[part.toLowerCase()];
    if (!modifier) return null;
    modifiers.add(modifier === 'CmdOrCtrl' ? (platform === 'mac' ? 'Cmd' : 'Ctrl') : modifier);
  }
  const key = canonicalKey(keyPart);
  return key === null ? null : { modifiers, key };
}

/** Modifiers in one order, then the key: "Ctrl+Shift+T", "Shift+Cmd+]". */
export function joinAccelerator(modifiers: ReadonlySet<Modifier>, key: string): string {
  return [...MODIFIER_ORDER.filter((modifier) => modifiers.has(modifier)), key].join('+');
}

export type GotoCommand = Extract<CommandId, `tab.goto${number}`>;

/** tab.goto1 … tab.goto9, in order: the n-th picks tab n (the ninth, the last tab). */
export const GOTO_COMMANDS: readonly GotoCommand[] = CommandId.options.filter((id): id is GotoCommand =>
  id.startsWith('tab.goto'),
);

function gotoBindings(modifier: string): Record<string, CommandId> {
  return Object.fromEntries(GOTO_COMMANDS.map((command, index) => [`${modifier}+${index + 1}`, command]));
}

/**
 * On Linux and Windows plain Ctrl+letter belongs to the shell (Ctrl+T transposes, Ctrl+F moves
 * forward, Ctrl+W deletes a word), so the app's keys add Shift, as gnome-terminal and Windows
 * Terminal do. A command's first key here is the one menus show.
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
  'Ctrl+Shift+P': 'palette.open',
  'Ctrl+=': 'view.zoomIn',
  'Ctrl+Shift+=': 'view.zoomIn',
  'Ctrl+-': 'view.zoomOut',
  'Ctrl+0': 'view.zoomReset',
  'Ctrl+,': 'settings.open',
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
  'Shift+Cmd+P': 'palette.open',
  'Cmd+K': 'terminal.clear',
  'Cmd+=': 'view.zoomIn',
  'Shift+Cmd+=': 'view.zoomIn',
  'Cmd+-': 'view.zoomOut',
  'Cmd+0': 'view.zoomReset',
  'Cmd+,': 'settings.open',
};

/** The built-in bindings, accelerator → command, written as a person would (each side canonicalises). */
export function defaultKeybindings(platform: KeyPlatform): Readonly<Record<string, CommandId>> {
  return platform === 'mac' ? MAC_DEFAULTS : OTHER_DEFAULTS;
}

/** The default key a menu shows for a command (its first binding above), or null when it has none. */
export function primaryDefaultKey(platform: KeyPlatform, command: CommandId): string | null {
  for (const [accelerator, bound] of Object.entries(defaultKeybindings(platform)))
    if (bound === command) return accelerator;
  return null;
}
