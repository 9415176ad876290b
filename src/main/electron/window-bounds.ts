// Where a window opens: its saved bounds if they are still (mostly) on a display — monitors get
// unplugged — else centred on the primary display, cascaded from the focused window for new ones.
// Pure; windows.ts feeds it Electron's screen data.
import { WindowDefaults } from '../../shared/limits';
import type { WindowBounds } from '../persistence/window-state-store';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlap(a: Area, b: Area): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** The default size, no larger than the work area, centred on it. */
export function centredIn(workArea: Area): WindowBounds {
  const width = Math.min(WindowDefaults.width, workArea.width);
  const height = Math.min(WindowDefaults.height, workArea.height);
  return {
    x: Math.round(workArea.x + (workArea.width - width) / 2),
    y: Math.round(workArea.y + (workArea.height - height) / 2),
    width,
    height,
  };
}

/**
 * Saved bounds, kept when at least `minVisiblePx` of the window (each way) lies on some display and
 * shrunk to fit that display; otherwise the default, centred on the primary display.
 */
export function placeWindow(
  saved: WindowBounds | null,
  workAreas: readonly Area[],
  primary: Area,
): WindowBounds {
  if (saved === null) return centredIn(primary);
  const need = WindowDefaults.minVisiblePx;
  const home = workAreas.find((area) => {
    const shared = overlap(saved, area);
    return shared.width >= Math.min(need, saved.width) && shared.height >= Math.min(need, saved.height);
  });
  if (!home) return centredIn(primary);
  const width = Math.max(Math.min(saved.width, home.width), Math.min(WindowDefaults.minWidth, home.width));
  const height = Math.max(
    Math.min(saved.height, home.height),
    Math.min(WindowDefaults.minHeight, home.height),
  );
  return { x: saved.x, y: saved.y, width, height };
}

/** A new window next to the focused one, moved down-right so it does not hide it exactly. */
export function cascadeFrom(
  focused: WindowBounds | null,
  workAreas: readonly Area[],
  primary: Area,
): WindowBounds {
  if (focused === null) return centredIn(primary);
  const step = WindowDefaults.cascadePx;
  return placeWindow({ ...focused, x: focused.x + step, y: focused.y + step }, workAreas, primary);
}
