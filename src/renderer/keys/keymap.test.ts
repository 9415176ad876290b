import { describe, expect, it } from 'vitest';
import type { KeyLike } from './accelerator';
import { acceleratorsFor, buildKeymap, commandForEvent } from './keymap';

function press(key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods };
}

describe('default keymap on Linux and Windows', () => {
  const { keymap } = buildKeymap('other', {});

  it('binds the DESIGN §7 keys', () => {
    expect(commandForEvent(keymap, press('T', 'KeyT', { ctrlKey: true, shiftKey: true }))).toBe('tab.new');
    expect(commandForEvent(keymap, press('W', 'KeyW', { ctrlKey: true, shiftKey: true }))).toBe('tab.close');
    expect(commandForEvent(keymap, press('PageDown', 'PageDown', { ctrlKey: true }))).toBe('tab.next');
    expect(commandForEvent(keymap, press('PageUp', 'PageUp', { ctrlKey: true }))).toBe('tab.previous');
    expect(commandForEvent(keymap, press('3', 'Digit3', { altKey: true }))).toBe('tab.goto3');
  });

  it('opens the settings page with Ctrl+, (Cmd+, on macOS)', () => {
    expect(commandForEvent(keymap, press(',', 'Comma', { ctrlKey: true }))).toBe('settings.open');
    const mac = buildKeymap('mac', {}).keymap;
    expect(commandForEvent(mac, press(',', 'Comma', { metaKey: true }))).toBe('settings.open');
    expect(commandForEvent(mac, press(',', 'Comma', { ctrlKey: true }))).toBeNull();
  });

  it('leaves plain Ctrl+letters to the shell', () => {
    for (const letter of 'TWFCVD') {
      expect(
        commandForEvent(keymap, press(letter.toLowerCase(), `Key${letter}`, { ctrlKey: true })),
      ).toBeNull();
    }
  });

  it('does not react to Cmd bindings', () => {
    expect(commandForEvent(keymap, press('t', 'KeyT', { metaKey: true }))).toBeNull();
  });
});

describe('default keymap on macOS', () => {
  const { keymap } = buildKeymap('mac', {});

  it('binds Cmd keys, including Cmd+Shift+[ and ] for tab order', () => {
    expect(commandForEvent(keymap, press('t', 'KeyT', { metaKey: true }))).toBe('tab.new');
    expect(commandForEvent(keymap, press('w', 'KeyW', { metaKey: true }))).toBe('tab.close');
    expect(commandForEvent(keymap, press('}', 'BracketRight', { metaKey: true, shiftKey: true }))).toBe(
      'tab.next',
    );
    expect(commandForEvent(keymap, press('{', 'BracketLeft', { metaKey: true, shiftKey: true }))).toBe(
      'tab.previous',
    );
    expect(commandForEvent(keymap, press('9', 'Digit9', { metaKey: true }))).toBe('tab.goto9');
  });

  it('leaves Ctrl+letters to the shell', () => {
    expect(commandForEvent(keymap, press('t', 'KeyT', { ctrlKey: true }))).toBeNull();
  });
});

describe('user overrides', () => {
  it('add, replace and unbind keys', () => {
    const { keymap, problems } = buildKeymap('other', {
      'Ctrl+F': 'terminal.find',
      'Ctrl+Shift+T': 'workspace.new',
      'Ctrl+PageDown': '',
    });
    expect(problems).toEqual([]);
    expect(commandForEvent(keymap, press('f', 'KeyF', { ctrlKey: true }))).toBe('terminal.find');
    expect(commandForEvent(keymap, press('T', 'KeyT', { ctrlKey: true, shiftKey: true }))).toBe(
      'workspace.new',
    );
    expect(commandForEvent(keymap, press('PageDown', 'PageDown', { ctrlKey: true }))).toBeNull();
  });

  it('report accelerators they cannot read and keep the rest', () => {
    const { keymap, problems } = buildKeymap('other', { 'Ctrl+Nope': 'tab.new', 'Alt+N': 'tab.new' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Ctrl+Nope');
    expect(commandForEvent(keymap, press('n', 'KeyN', { altKey: true }))).toBe('tab.new');
  });

  it('spell the same key the same way as the defaults', () => {
    const { keymap } = buildKeymap('other', { 'shift+control+t': '' });
    expect(commandForEvent(keymap, press('T', 'KeyT', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});

describe('acceleratorsFor', () => {
  it('lists every key bound to a command', () => {
    const { keymap } = buildKeymap('other', {});
    expect(acceleratorsFor(keymap, 'tab.next')).toEqual(['Ctrl+PageDown', 'Ctrl+Tab']);
  });
});
