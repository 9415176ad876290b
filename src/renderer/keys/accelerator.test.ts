import { describe, expect, it } from 'vitest';
import { acceleratorFromEvent, formatAccelerator, type KeyLike, parseAccelerator } from './accelerator';

function press(key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods };
}

describe('parseAccelerator', () => {
  it('puts modifiers in one order and upper-cases letters', () => {
    expect(parseAccelerator('shift+ctrl+t', 'other')).toBe('Ctrl+Shift+T');
    expect(parseAccelerator('Command+Shift+]', 'mac')).toBe('Shift+Cmd+]');
  });

  it('reads CmdOrCtrl per platform', () => {
    expect(parseAccelerator('CmdOrCtrl+W', 'mac')).toBe('Cmd+W');
    expect(parseAccelerator('CmdOrCtrl+W', 'other')).toBe('Ctrl+W');
  });

  it('knows named keys and their aliases', () => {
    expect(parseAccelerator('Control+PgUp', 'other')).toBeNull();
    expect(parseAccelerator('Control+PageUp', 'other')).toBe('Ctrl+PageUp');
    expect(parseAccelerator('Alt+ArrowLeft', 'other')).toBe('Alt+Left');
    expect(parseAccelerator('F2', 'other')).toBe('F2');
    expect(parseAccelerator('esc', 'other')).toBe('Escape');
  });

  it('turns the plus key into Shift+=, the way key events report it', () => {
    expect(parseAccelerator('Ctrl++', 'other')).toBe('Ctrl+Shift+=');
    expect(parseAccelerator('Ctrl+Plus', 'other')).toBe('Ctrl+Shift+=');
    expect(parseAccelerator('+', 'other')).toBe('Shift+=');
  });

  it('refuses unknown modifiers, unknown keys and empty text', () => {
    expect(parseAccelerator('Hyper+T', 'other')).toBeNull();
    expect(parseAccelerator('Ctrl+Banana', 'other')).toBeNull();
    expect(parseAccelerator('   ', 'other')).toBeNull();
    expect(parseAccelerator('Ctrl+', 'other')).toBeNull();
  });
});

describe('acceleratorFromEvent', () => {
  it('uses the physical key so Shift and Option do not change the name', () => {
    expect(acceleratorFromEvent(press('T', 'KeyT', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+T');
    expect(acceleratorFromEvent(press('{', 'BracketLeft', { metaKey: true, shiftKey: true }))).toBe(
      'Shift+Cmd+[',
    );
    expect(acceleratorFromEvent(press('¡', 'Digit1', { altKey: true }))).toBe('Alt+1');
  });

  it('names non-character keys from event.key', () => {
    expect(acceleratorFromEvent(press('PageDown', 'PageDown', { ctrlKey: true }))).toBe('Ctrl+PageDown');
    expect(acceleratorFromEvent(press('ArrowUp', 'ArrowUp'))).toBe('Up');
  });

  it('returns null for a lone modifier', () => {
    expect(acceleratorFromEvent(press('Control', 'ControlLeft', { ctrlKey: true }))).toBeNull();
    expect(acceleratorFromEvent(press('Shift', 'ShiftLeft', { shiftKey: true }))).toBeNull();
  });

  it('reports the numpad plus as Shift+= so one binding covers both keys', () => {
    expect(acceleratorFromEvent(press('+', 'NumpadAdd', { ctrlKey: true }))).toBe('Ctrl+Shift+=');
  });

  it('falls back to event.key when the code is missing (synthetic events)', () => {
    expect(acceleratorFromEvent(press('t', '', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+T');
  });
});

describe('formatAccelerator', () => {
  it('uses symbols on macOS and the plain spelling elsewhere', () => {
    expect(formatAccelerator('Shift+Cmd+T', 'mac')).toBe('⇧⌘T');
    expect(formatAccelerator('Ctrl+Shift+T', 'other')).toBe('Ctrl+Shift+T');
  });
});
