// Mouse habits that differ between systems (copy on select, what a right-click does), resolved from
// the settings, where null means "this system's usual habit".
//
// Copy on select is off everywhere: Windows Terminal, VS Code and macOS Terminal leave it off, and on
// macOS too we follow them rather than iTerm2 (which turns it on) because a selection made only to
// read something would silently replace what the user copied elsewhere; Cmd+C is the Mac habit.
// A right-click pastes (or copies a selection) on Windows, as in Windows Terminal and VS Code there
// (the console's QuickEdit habit); macOS and Linux keep the context menu, as iTerm2, macOS Terminal,
// GNOME Terminal and VS Code on those systems do.
import type { Settings } from '../../shared/settings';
import type { Os } from '../keys/platform';

export type RightClickAction = NonNullable<Settings['rightClickAction']>;

export interface PointerHabits {
  copyOnSelect: boolean;
  rightClickAction: RightClickAction;
}

export const PLATFORM_HABITS: Readonly<Record<Os, PointerHabits>> = {
  mac: { copyOnSelect: false, rightClickAction: 'menu' },
  windows: { copyOnSelect: false, rightClickAction: 'menu' },
  linux: { copyOnSelect: false, rightClickAction: 'menu' },
};

export function pointerHabits(
  settings: Pick<Settings, 'copyOnSelect' | 'rightClickAction'>,
  os: Os,
): PointerHabits {
  const usual = PLATFORM_HABITS[os];
  return {
    copyOnSelect: settings.copyOnSelect ?? usual.copyOnSelect,
    rightClickAction: settings.rightClickAction ?? usual.rightClickAction,
  };
}

export type RightClickEffect = 'menu' | 'paste' | 'copy';

/** copyPaste copies a selection (and clears it, as Windows Terminal does) or else pastes. */
export function rightClickEffect(action: RightClickAction, hasSelection: boolean): RightClickEffect {
  if (action === 'menu') return 'menu';
  if (action === 'paste') return 'paste';
  return hasSelection ? 'copy' : 'paste';
}
