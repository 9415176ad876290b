import { describe, expect, it } from 'vitest';
import {
  defaultKeybindings,
  GOTO_COMMANDS,
  joinAccelerator,
  type KeyPlatform,
  primaryDefaultKey,
  splitAccelerator,
} from './keybindings';
import { CommandId } from './settings';

const canonical = (raw: string, platform: KeyPlatform) => {
  const parts = splitAccelerator(raw, platform);
  return parts === null ? null : joinAccelerator(parts.modifiers, parts.key);
};

describe('GOTO_COMMANDS', () => {
  it('lists tab.goto1 to tab.goto9 in order, taken from CommandId', () => {
    expect(GOTO_COMMANDS).toEqual(Array.from({ length: 9 }, (_, i) => `tab.goto${i + 1}`));
    for (const command of GOTO_COMMANDS) expect(CommandId.options).toContain(command);
  });
});

describe('splitAccelerator', () => {
  it('reads modifiers in any order and any of their names, and resolves CmdOrCtrl per platform', () => {
    expect(canonical('shift+control+t', 'other')).toBe('Ctrl+Shift+T');
    expect(canonical('Command+Option+pagedown', 'mac')).toBe('Alt+Cmd+PageDown');
    expect(canonical('CmdOrCtrl+W', 'mac')).toBe('Cmd+W');
    expect(canonical('CmdOrCtrl+W', 'other')).toBe('Ctrl+W');
    expect(canonical(' Ctrl + F12 ', 'other')).toBe('Ctrl+F12');
  });

  it('keeps the plus key as "+" for each side to spell', () => {
    expect(splitAccelerator('Ctrl++', 'other')).toEqual({ modifiers: new Set(['Ctrl']), key: '+' });
    expect(splitAccelerator('Ctrl+Plus', 'other')?.key).toBe('+');
    expect(splitAccelerator('+', 'other')).toEqual({ modifiers: new Set(), key: '+' });
  });

  it('refuses unknown modifiers and keys, a missing key and empty text', () => {
    expect(splitAccelerator('Hyper+T', 'other')).toBeNull();
    expect(splitAccelerator('Ctrl+Banana', 'other')).toBeNull();
    expect(splitAccelerator('Ctrl+Shift+', 'other')).toBeNull();
    expect(splitAccelerator('  ', 'mac')).toBeNull();
  });
});

describe('default keybindings', () => {
  it.each(['mac', 'other'] as const)(
    'are all readable, one command per key, all known commands (%s)',
    (platform) => {
      const seen = new Map<string, string>();
      for (const [raw, command] of Object.entries(defaultKeybindings(platform))) {
        const key = canonical(raw, platform);
        expect(key, raw).not.toBeNull();
        expect(seen.has(key ?? ''), `${raw} bound twice`).toBe(false);
        seen.set(key ?? '', command);
        expect(CommandId.options).toContain(command);
      }
    },
  );

  it('leave plain Ctrl+letter and Alt+letter to the shell on Linux and Windows', () => {
    for (const raw of Object.keys(defaultKeybindings('other')))
      expect(canonical(raw, 'other'), raw).not.toMatch(/^(Ctrl|Alt)\+[A-Z]$/);
  });

  it('bind the DESIGN §7 keys', () => {
    const other = defaultKeybindings('other');
    expect(other['Ctrl+Shift+T']).toBe('tab.new');
    expect(other['Ctrl+Shift+W']).toBe('tab.close');
    expect(other['Ctrl+PageDown']).toBe('tab.next');
    expect(other['Ctrl+PageUp']).toBe('tab.previous');
    expect(other['Alt+9']).toBe('tab.goto9');
    const mac = defaultKeybindings('mac');
    expect(mac['Cmd+T']).toBe('tab.new');
    expect(mac['Cmd+W']).toBe('tab.close');
    expect(mac['Shift+Cmd+]']).toBe('tab.next');
    expect(mac['Shift+Cmd+[']).toBe('tab.previous');
    expect(mac['Cmd+1']).toBe('tab.goto1');
  });
});

describe('primaryDefaultKey', () => {
  it('is a command’s first default, the one a menu shows', () => {
    expect(primaryDefaultKey('other', 'tab.next')).toBe('Ctrl+PageDown');
    expect(primaryDefaultKey('other', 'terminal.paste')).toBe('Ctrl+Shift+V');
    expect(primaryDefaultKey('mac', 'tab.next')).toBe('Shift+Cmd+]');
    expect(primaryDefaultKey('mac', 'view.zoomIn')).toBe('Cmd+=');
  });

  it('is null for a command with no default key', () => {
    expect(primaryDefaultKey('other', 'tab.rename')).toBeNull();
    expect(primaryDefaultKey('other', 'window.new')).toBeNull();
    expect(primaryDefaultKey('mac', 'tab.moveToNewWindow')).toBeNull();
  });
});
