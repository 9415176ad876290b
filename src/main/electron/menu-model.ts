// The app menu and the terminal's context menu as plain data: labels, the command each item runs and
// the shortcut it shows. menu-template.ts turns it into Electron's template. Pure, unit-tested.
import { GOTO_COMMANDS } from '../../shared/keybindings';
import type { CommandId } from '../../shared/settings';
import { acceleratorFor, type MenuPlatform } from './accelerators';

/** Electron roles used here. Roles whose default shortcut is a shell key (Ctrl+A/C/V/W/Z…) are mac-only. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'selectAll'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'zoom'
  | 'front';

export type MenuEntry =
  | { kind: 'command'; label: string; command: CommandId; accelerator: string | null }
  | { kind: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; label: string; role?: 'appMenu' | 'windowMenu'; items: MenuEntry[] };

export interface MenuOptions {
  platform: MenuPlatform;
  /** settings.keybindings: accelerator → command, or "" to unbind. */
  keybindings: Readonly<Record<string, CommandId | ''>>;
  /** Show "Toggle Developer Tools" (development builds only). */
  devTools: boolean;
}

const separator: MenuEntry = { kind: 'separator' };

function commandItem(options: MenuOptions) {
  return (label: string, command: CommandId): MenuEntry => ({
    kind: 'command',
    label,
    command,
    accelerator: acceleratorFor(command, options.platform, options.keybindings),
  });
}

export function appMenuModel(options: MenuOptions): MenuEntry[] {
  const item = commandItem(options);
  const mac = options.platform === 'mac';
  const gotoItems = GOTO_COMMANDS.map((command, index) => item(`Tab ${index + 1}`, command));

  const appMenu: MenuEntry = {
    kind: 'submenu',
    label: 'Tabterm',
    role: 'appMenu',
    items: [
      { kind: 'role', role: 'about' },
      separator,
      item('Settings…', 'settings.open'),
      separator,
      { kind: 'role', role: 'services' },
      separator,
      { kind: 'role', role: 'hide' },
      { kind: 'role', role: 'hideOthers' },
      { kind: 'role', role: 'unhide' },
      separator,
      { kind: 'role', role: 'quit' },
    ],
  };
  const file: MenuEntry = {
    kind: 'submenu',
    label: mac ? 'Shell' : 'File',
    items: [
      item('New Tab', 'tab.new'),
      item('New Window', 'window.new'),
      item('New Workspace', 'workspace.new'),
      separator,
      item('Close Tab', 'tab.close'),
      ...(mac ? [] : [separator, item('Settings…', 'settings.open')]),
      // Ctrl+Q is a shell key (XON); quitting asks for Shift too, like gnome-terminal.
      ...(mac
        ? []
        : [
            separator,
            { kind: 'role', role: 'quit', label: 'Quit Tabterm', accelerator: 'Ctrl+Shift+Q' } as const,
          ]),
    ],
  };
  const edit: MenuEntry = {
    kind: 'submenu',
    label: 'Edit',
    items: [
      // macOS text fields (the rename box) only get Cmd+Z/X/A through these roles.
      ...(mac
        ? [{ kind: 'role', role: 'undo' } as const, { kind: 'role', role: 'redo' } as const, separator]
        : []),
      ...(mac ? [{ kind: 'role', role: 'cut' } as const] : []),
      item('Copy', 'terminal.copy'),
      item('Paste', 'terminal.paste'),
      ...(mac ? [{ kind: 'role', role: 'selectAll' } as const] : []),
      separator,
      item('Find…', 'terminal.find'),
      item('Clear', 'terminal.clear'),
    ],
  };
  const view: MenuEntry = {
    kind: 'submenu',
    label: 'View',
    items: [
      item('Command Palette…', 'palette.open'),
      separator,
      item('Zoom In', 'view.zoomIn'),
      item('Zoom Out', 'view.zoomOut'),
      item('Actual Size', 'view.zoomReset'),
      separator,
      item('Import Colour Scheme…', 'theme.import'),
      separator,
      { kind: 'role', role: 'togglefullscreen' },
      ...(options.devTools ? [{ kind: 'role', role: 'toggleDevTools' } as const] : []),
    ],
  };
  const tab: MenuEntry = {
    kind: 'submenu',
    label: 'Tab',
    items: [
      item('Next Tab', 'tab.next'),
      item('Previous Tab', 'tab.previous'),
      { kind: 'submenu', label: 'Go to Tab', items: gotoItems },
      separator,
      item('Rename Tab…', 'tab.rename'),
      item('Move Tab to Workspace…', 'tab.moveToWorkspace'),
      item('Move Tab to New Window', 'tab.moveToNewWindow'),
    ],
  };
  const windowMenu: MenuEntry = {
    kind: 'submenu',
    label: 'Window',
    role: 'windowMenu',
    items: [
      { kind: 'role', role: 'minimize' },
      { kind: 'role', role: 'zoom' },
      separator,
      { kind: 'role', role: 'front' },
    ],
  };
  return mac ? [appMenu, file, edit, view, tab, windowMenu] : [file, edit, view, tab];
}

export function terminalContextMenuModel(options: Omit<MenuOptions, 'devTools'>): MenuEntry[] {
  const item = commandItem({ ...options, devTools: false });
  return [
    item('Copy', 'terminal.copy'),
    item('Paste', 'terminal.paste'),
    separator,
    item('Clear', 'terminal.clear'),
  ];
}

/** Every command item, depth first (for tests and for checking a model is complete). */
export function commandItems(entries: readonly MenuEntry[]): Array<Extract<MenuEntry, { kind: 'command' }>> {
  return entries.flatMap((entry) => {
    if (entry.kind === 'command') return [entry];
    if (entry.kind === 'submenu') return commandItems(entry.items);
    return [];
  });
}
