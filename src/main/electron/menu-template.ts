// The menu model as Electron's template. Shortcuts of command items are shown but not registered on
// Linux and Windows: there a registered menu shortcut wins over the page, and the page's keymap (with
// the user's overrides) must decide. On macOS Electron always registers them, but the page sees a key
// first and the menu only acts on keys the page left alone. Types only: no Electron at run time.
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandId } from '../../shared/settings';
import type { MenuPlatform } from './accelerators';
import type { MenuEntry } from './menu-model';

export function menuTemplate(
  entries: readonly MenuEntry[],
  platform: MenuPlatform,
  run: (command: CommandId) => void,
): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return {
          label: entry.label,
          ...(entry.role ? { role: entry.role } : {}),
          submenu: menuTemplate(entry.items, platform, run),
        };
      case 'role':
        return {
          role: entry.role,
          ...(entry.label ? { label: entry.label } : {}),
          ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
        };
      case 'command':
        return {
          label: entry.label,
          ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
          registerAccelerator: platform === 'mac',
          click: () => run(entry.command),
        };
      default:
        return entry satisfies never;
    }
  });
}

/**
 * Electron's own shortcut for each role we use, where it has one (lib/browser/api/menu-item-roles.ts in
 * electron/electron; copy/cut/paste there are not registered at all).
 * Used by the tests to prove no registered shortcut takes a key from the shell on Linux/Windows.
 */
export const ROLE_DEFAULT_ACCELERATORS: Readonly<
  Record<MenuPlatform, Readonly<Partial<Record<string, string>>>>
> = {
  mac: {
    quit: 'Cmd+Q',
    undo: 'Cmd+Z',
    redo: 'Shift+Cmd+Z',
    cut: 'Cmd+X',
    selectAll: 'Cmd+A',
    hide: 'Cmd+H',
    hideOthers: 'Alt+Cmd+H',
    minimize: 'Cmd+M',
    togglefullscreen: 'Ctrl+Cmd+F',
    toggleDevTools: 'Alt+Cmd+I',
  },
  linux: { quit: 'Ctrl+Q', togglefullscreen: 'F11', toggleDevTools: 'Ctrl+Shift+I' },
  // Windows' "Exit" has no shortcut of its own.
  windows: { togglefullscreen: 'F11', toggleDevTools: 'Ctrl+Shift+I' },
};

/** The shortcuts a template registers with the OS (what actually takes keys away from the page). */
export function registeredAccelerators(
  template: readonly MenuItemConstructorOptions[],
  platform: MenuPlatform,
): string[] {
  return template.flatMap((item) => {
    const nested = Array.isArray(item.submenu) ? registeredAccelerators(item.submenu, platform) : [];
    if (item.registerAccelerator === false) return nested;
    const accelerator =
      typeof item.accelerator === 'string'
        ? item.accelerator
        : item.role
          ? ROLE_DEFAULT_ACCELERATORS[platform][item.role]
          : undefined;
    return accelerator ? [accelerator, ...nested] : nested;
  });
}
