// Where a command chosen in a menu is carried out. Most belong to the page (it owns tabs, xterm and
// the keymap); opening windows is main's job, and copy/paste go through the focused element so they
// need no clipboard permission (xterm answers the copy and paste events itself).
import type { CommandId } from '../../shared/settings';

export type CommandRoute =
  | { kind: 'main'; action: 'newWindow' | 'moveTabToNewWindow' | 'copy' | 'paste' }
  | { kind: 'renderer' };

export function routeCommand(command: CommandId): CommandRoute {
  switch (command) {
    case 'window.new':
      return { kind: 'main', action: 'newWindow' };
    case 'tab.moveToNewWindow':
      return { kind: 'main', action: 'moveTabToNewWindow' };
    case 'terminal.copy':
      return { kind: 'main', action: 'copy' };
    case 'terminal.paste':
      return { kind: 'main', action: 'paste' };
    default:
      return { kind: 'renderer' };
  }
}
