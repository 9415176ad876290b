// Application keys work wherever focus is (DESIGN.md §7): a window-level listener in the capture
// phase sees them before xterm does and runs the command; xterm's custom key handler also refuses
// them, so a shortcut never reaches the shell as well. Unbound or disabled keys go to the terminal.
import type { CommandId } from '../../shared/settings';
import type { CommandRegistry } from '../commands';
import { isModalOpen, isTextField } from '../views/dom';
import { acceleratorFromEvent } from './accelerator';
import { commandForEvent, type Keymap } from './keymap';
import type { Platform } from './platform';

/** Commands that act on text: in a text field (rename, find) the field's own behaviour wins. */
const TEXT_COMMANDS: ReadonlySet<CommandId> = new Set(['terminal.copy', 'terminal.paste', 'terminal.clear']);

/** Keys with which the browser itself pastes into a focused field (and so into xterm, natively). */
function isNativePaste(accelerator: string, platform: Platform): boolean {
  if (platform === 'mac') return accelerator === 'Cmd+V';
  return accelerator === 'Ctrl+Shift+V' || accelerator === 'Shift+Insert' || accelerator === 'Ctrl+V';
}

export interface KeyHandlerDeps {
  keymap(): Keymap;
  commands: CommandRegistry;
  platform: Platform;
  /** Whether focus is in a terminal's input (xterm's hidden textarea). */
  terminalFocused(): boolean;
}

export interface KeyHandler {
  /** For xterm's attachCustomKeyEventHandler: false keeps the key from the terminal. */
  terminalKeyFilter(event: KeyboardEvent): boolean;
  dispose(): void;
}

export function installKeyHandler(deps: KeyHandlerDeps): KeyHandler {
  const resolve = (event: KeyboardEvent): CommandId | null => {
    if (event.isComposing) return null;
    const command = commandForEvent(deps.keymap(), event);
    if (command === null || !deps.commands.isEnabled(command)) return null;
    if (TEXT_COMMANDS.has(command) && isTextField(event.target)) return null;
    return command;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isModalOpen()) return;
    const command = resolve(event);
    if (command === null) return;
    event.stopPropagation();
    const accelerator = acceleratorFromEvent(event) ?? '';
    if (command === 'terminal.paste' && deps.terminalFocused() && isNativePaste(accelerator, deps.platform)) {
      // Let the browser paste into xterm's textarea: no clipboard permission needed. The paste event
      // is caught on its way there (terminal-view.ts) and confirmed when it has several lines.
      return;
    }
    event.preventDefault();
    deps.commands.run(command);
  };
  window.addEventListener('keydown', onKeyDown, { capture: true });

  return {
    terminalKeyFilter(event) {
      if (event.type !== 'keydown') return true;
      return resolve(event) === null;
    },
    dispose() {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    },
  };
}
