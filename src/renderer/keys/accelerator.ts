// Accelerators ("Ctrl+Shift+T", "Cmd+1") in one canonical spelling, parsed from settings and built
// from keyboard events, so a binding and a key press compare as plain strings.
import { canonicalKey, joinAccelerator, type Modifier, splitAccelerator } from '../../shared/keybindings';
import type { Platform } from './platform';

/** The part of a KeyboardEvent the keymap reads. */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

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

/** Parses a user-written accelerator; null when it names no key this app understands. */
export function parseAccelerator(raw: string, platform: Platform): string | null {
  const parts = splitAccelerator(raw, platform);
  if (parts === null) return null;
  // "+" is Shift+"=" on the keyboards these defaults are written for; store it the way events arrive.
  if (parts.key === '+') return joinAccelerator(new Set([...parts.modifiers, 'Shift']), '=');
  return joinAccelerator(parts.modifiers, parts.key);
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
  return joinAccelerator(modifiers, key);
}

const MAC_SYMBOLS: Readonly<Record<Modifier, string>> = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Cmd: '⌘' };

/** How to show an accelerator in a tooltip or menu on this platform. */
export function formatAccelerator(accelerator: string, platform: Platform): string {
  if (platform !== 'mac') return accelerator;
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  return parts.map((part) => MAC_SYMBOLS[part as Modifier] ?? part).join('') + key;
}
