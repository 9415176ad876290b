// Accelerators ("Ctrl+Shift+T", "Cmd+1") in one canonical spelling, parsed from settings and built
// from keyboard events, so a binding and a key press compare as plain strings.
import type { Platform } from './platform';

export type Modifier = 'Ctrl' | 'Alt' | 'Shift' | 'Cmd';
const MODIFIER_ORDER: readonly Modifier[] = ['Ctrl', 'Alt', 'Shift', 'Cmd'];

/** The part of a KeyboardEvent the keymap reads. */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

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

/** Physical keys (KeyboardEvent.code) whose meaning should not depend on Shift or Option. */
const CODE_KEYS: Readonly<Record<string, string>> = {
  BracketLeft: '[',
  BracketRight: ']',
  Minus: '-',
  Equal: '=',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Backquote: '`',
  Space: 'Space',
  NumpadSubtract: '-',
  NumpadEnter: 'Enter',
};

function canonicalKey(raw: string): string | null {
  if (/^[a-z0-9]$/i.test(raw)) return raw.toUpperCase();
  if (PUNCTUATION.has(raw) || raw === '+') return raw;
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(raw)) return raw.toUpperCase();
  return NAMED_KEYS[raw.toLowerCase()] ?? null;
}

function join(modifiers: ReadonlySet<Modifier>, key: string): string {
  return [...MODIFIER_ORDER.filter((m) => modifiers.has(m)), key].join('+');
}

/** Parses a user-written accelerator; null when it names no key this app understands. */
export function parseAccelerator(raw: string, platform: Platform): string | null {
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
  let key = canonicalKey(keyPart);
  if (key === null) return null;
  // "+" is Shift+"=" on the keyboards these defaults are written for; store it the way events arrive.
  if (key === '+') {
    key = '=';
    modifiers.add('Shift');
  }
  return join(modifiers, key);
}

function keyFromEvent(event: KeyLike): string | null {
  const letter = /^Key([A-Z])$/.exec(event.code);
  if (letter?.[1]) return letter[1];
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(event.code);
  if (digit?.[1]) return digit[1];
  const fromCode = CODE_KEYS[event.code];
  if (fromCode) return fromCode;
  if (event.key === '+' || event.code === 'NumpadAdd') return '+';
  return canonicalKey(event.key);
}

/** The canonical accelerator of a key press, or null for a lone modifier or an unknown key. */
export function acceleratorFromEvent(event: KeyLike): string | null {
  let key = keyFromEvent(event);
  if (key === null) return null;
  const modifiers = new Set<Modifier>();
  if (event.ctrlKey) modifiers.add('Ctrl');
  if (event.altKey) modifiers.add('Alt');
  if (event.shiftKey) modifiers.add('Shift');
  if (event.metaKey) modifiers.add('Cmd');
  if (key === '+') {
    key = '=';
    modifiers.add('Shift');
  }
  return join(modifiers, key);
}

const MAC_SYMBOLS: Readonly<Record<Modifier, string>> = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Cmd: '⌘' };

/** How to show an accelerator in a tooltip or menu on this platform. */
export function formatAccelerator(accelerator: string, platform: Platform): string {
  if (platform !== 'mac') return accelerator;
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  return parts.map((part) => MAC_SYMBOLS[part as Modifier] ?? part).join('') + key;
}
