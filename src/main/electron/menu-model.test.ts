import { describe, expect, it, vi } from 'vitest';
import { defaultKeybindings } from '../../shared/keybindings';
import { CommandId } from '../../shared/settings';
import {
  acceleratorFor,
  canonicalAccelerator,
  keyPlatform,
  type MenuPlatform,
  menuPlatform,
} from './accelerators';
import { routeCommand } from './command-route';
import { appMenuModel, commandItems, type MenuEntry, terminalContextMenuModel } from './menu-model';
import { menuTemplate, registeredAccelerators } from './menu-template';

const model = (platform: MenuPlatform, keybindings: Record<string, CommandId | ''> = {}, devTools = false) =>
  appMenuModel({ platform, keybindings, devTools });
const shortcut = (entries: MenuEntry[], command: CommandId) =>
  commandItems(entries).find((item) => item.command === command)?.accelerator;

describe('app menu model', () => {
  it.each(['mac', 'linux', 'windows'] as const)(
    'offers every command, each with a label (%s)',
    (platform) => {
      const items = commandItems(model(platform));
      for (const item of items) {
        expect(CommandId.safeParse(item.command).success).toBe(true);
        expect(item.label.length).toBeGreaterThan(0);
      }
      expect(new Set(items.map((item) => item.command))).toEqual(new Set(CommandId.options));
    },
  );

  it('puts Settings… in the app menu on macOS and the File menu elsewhere, with Cmd+, / Ctrl+,', () => {
    const submenu = (entries: MenuEntry[], label: string) =>
      entries.find((entry) => entry.kind === 'submenu' && entry.label === label);
    const mac = model('mac');
    expect(shortcut(mac, 'settings.open')).toBe('Cmd+,');
    const appMenu = submenu(mac, 'Tabterm');
    expect(appMenu && commandItems([appMenu]).map((item) => item.command)).toContain('settings.open');
    const linux = model('linux');
    expect(shortcut(linux, 'settings.open')).toBe('Ctrl+,');
    const file = submenu(linux, 'File');
    expect(file && commandItems([file]).map((item) => item.command)).toContain('settings.open');
    expect(shortcut(model('windows'), 'theme.import')).toBeNull();
  });

  it('uses Cmd shortcuts on macOS', () => {
    const mac = model('mac');
    expect(shortcut(mac, 'tab.new')).toBe('Cmd+T');
    expect(shortcut(mac, 'tab.close')).toBe('Cmd+W');
    expect(shortcut(mac, 'tab.next')).toBe('Shift+Cmd+]');
    expect(shortcut(mac, 'tab.previous')).toBe('Shift+Cmd+[');
    for (let n = 1; n <= 9; n++) expect(shortcut(mac, `tab.goto${n}` as CommandId)).toBe(`Cmd+${n}`);
    expect(shortcut(mac, 'window.new')).toBe('Cmd+N');
    expect(shortcut(mac, 'view.zoomIn')).toBe('Cmd+=');
    expect(shortcut(mac, 'terminal.find')).toBe('Cmd+F');
    expect(shortcut(mac, 'palette.open')).toBe('Shift+Cmd+P');
  });

  it.each(['linux', 'windows'] as const)('leaves plain Ctrl+letter to the shell on %s', (platform) => {
    const other = model(platform);
    expect(shortcut(other, 'tab.new')).toBe('Ctrl+Shift+T');
    expect(shortcut(other, 'tab.close')).toBe('Ctrl+Shift+W');
    expect(shortcut(other, 'palette.open')).toBe('Ctrl+Shift+P');
    expect(shortcut(other, 'tab.next')).toBe('Ctrl+PageDown');
    expect(shortcut(other, 'tab.previous')).toBe('Ctrl+PageUp');
    for (let n = 1; n <= 9; n++) expect(shortcut(other, `tab.goto${n}` as CommandId)).toBe(`Alt+${n}`);
    expect(shortcut(other, 'terminal.copy')).toBe('Ctrl+Shift+C');
    expect(shortcut(other, 'terminal.paste')).toBe('Ctrl+Shift+V');
    for (const item of commandItems(other)) {
      expect(item.accelerator ?? '', item.command).not.toMatch(/^(Ctrl|Alt)\+[A-Z]$/);
    }
  });

  it('has an app menu and a Window menu only on macOS, and DevTools only when asked', () => {
    const labels = (entries: MenuEntry[]) =>
      entries.map((entry) => (entry.kind === 'submenu' ? entry.label : ''));
    expect(labels(model('mac'))).toEqual(['Tabterm', 'Shell', 'Edit', 'View', 'Tab', 'Window']);
    expect(labels(model('linux'))).toEqual(['File', 'Edit', 'View', 'Tab']);
    const roles = (entries: MenuEntry[]): string[] =>
      entries.flatMap((entry) =>
        entry.kind === 'role' ? [entry.role] : entry.kind === 'submenu' ? roles(entry.items) : [],
      );
    expect(roles(model('linux'))).not.toContain('toggleDevTools');
    expect(roles(model('linux', {}, true))).toContain('toggleDevTools');
    expect(roles(model('linux'))).toContain('quit');
  });

  it.each(['mac', 'linux', 'windows'] as const)(
    'shows only keys the page binds to the same command by default (%s)',
    (platform) => {
      const defaults = new Map(
        Object.entries(defaultKeybindings(keyPlatform(platform))).map(([raw, command]) => [
          canonicalAccelerator(raw, platform),
          command,
        ]),
      );
      for (const item of commandItems(model(platform))) {
        if (item.accelerator !== null)
          expect(defaults.get(item.accelerator), item.command).toBe(item.command);
      }
    },
  );

  it('shows the user’s own shortcut, and none for an unbound or reassigned default', () => {
    const custom = model('linux', {
      'ctrl+shift+n': 'window.new',
      'Ctrl+Shift+T': '',
      'Ctrl+PageDown': 'tab.new',
    });
    expect(shortcut(custom, 'window.new')).toBe('Ctrl+Shift+N');
    expect(shortcut(custom, 'tab.new')).toBe('Ctrl+PageDown');
    expect(shortcut(custom, 'tab.next')).toBeNull();
    const mac = model('mac', { 'Cmd+Shift+]': '' });
    expect(shortcut(mac, 'tab.next')).toBeNull();
  });
});

describe('terminal context menu', () => {
  it('offers copy, paste and clear', () => {
    const items = commandItems(terminalContextMenuModel({ platform: 'linux', keybindings: {} }));
    expect(items.map((item) => [item.label, item.command])).toEqual([
      ['Copy', 'terminal.copy'],
      ['Paste', 'terminal.paste'],
      ['Clear', 'terminal.clear'],
    ]);
  });
});

describe('menu template', () => {
  it.each(['linux', 'windows'] as const)('registers no shortcut that a shell needs on %s', (platform) => {
    const registered = registeredAccelerators(
      menuTemplate(model(platform, {}, true), platform, () => {}),
      platform,
    );
    expect(registered.sort()).toEqual(['Ctrl+Shift+I', 'Ctrl+Shift+Q', 'F11']);
  });

  it('runs the item’s command on click', () => {
    const run = vi.fn();
    const template = menuTemplate(terminalContextMenuModel({ platform: 'mac', keybindings: {} }), 'mac', run);
    const paste = template[1];
    paste?.click?.({} as never, undefined, {} as never);
    expect(run).toHaveBeenCalledWith('terminal.paste');
    expect(template[0]).toMatchObject({ label: 'Copy', accelerator: 'Cmd+C', registerAccelerator: true });
  });
});

describe('accelerators', () => {
  it('spells shortcuts one way', () => {
    expect(canonicalAccelerator('shift+cmd+]', 'mac')).toBe('Shift+Cmd+]');
    expect(canonicalAccelerator('Cmd+Shift+]', 'mac')).toBe('Shift+Cmd+]');
    expect(canonicalAccelerator('CmdOrCtrl+t', 'linux')).toBe('Ctrl+T');
    expect(canonicalAccelerator('CmdOrCtrl+t', 'mac')).toBe('Cmd+T');
    expect(canonicalAccelerator('Ctrl++', 'linux')).toBe('Ctrl+Plus');
    expect(canonicalAccelerator('Control+Option+pagedown', 'mac')).toBe('Ctrl+Alt+PageDown');
    expect(canonicalAccelerator('Ctrl+Shift+F12', 'linux')).toBe('Ctrl+Shift+F12');
  });

  it('refuses what Electron cannot register', () => {
    expect(canonicalAccelerator('Hyper+T', 'linux')).toBeNull();
    expect(canonicalAccelerator('Ctrl+Shift+', 'linux')).toBeNull();
    expect(canonicalAccelerator('Ctrl+Banana', 'linux')).toBeNull();
    expect(acceleratorFor('tab.new', 'linux', { 'Ctrl+Banana': 'tab.new' })).toBe('Ctrl+Shift+T');
  });

  it('maps Node platforms', () => {
    expect(menuPlatform('darwin')).toBe('mac');
    expect(menuPlatform('win32')).toBe('windows');
    expect(menuPlatform('linux')).toBe('linux');
  });
});

describe('routeCommand', () => {
  it('keeps windows, copy and paste in main and sends the rest to the page', () => {
    expect(routeCommand('window.new')).toEqual({ kind: 'main', action: 'newWindow' });
    expect(routeCommand('tab.moveToNewWindow')).toEqual({ kind: 'main', action: 'moveTabToNewWindow' });
    expect(routeCommand('terminal.copy')).toEqual({ kind: 'main', action: 'copy' });
    expect(routeCommand('terminal.paste')).toEqual({ kind: 'main', action: 'paste' });
    expect(routeCommand('tab.new')).toEqual({ kind: 'renderer' });
    expect(routeCommand('terminal.clear')).toEqual({ kind: 'renderer' });
  });
});
