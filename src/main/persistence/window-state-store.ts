// window-state.json: where each desktop window was and which workspace it showed, so a restart brings
// the same windows back. Only the Electron shell uses it; the browser host has no windows.
import { z } from 'zod';
import { Id } from '../../shared/protocol';
import { DurableStore } from './durable-store';
import type { OpenStoreOptions } from './layout-store';
import type { Migrations } from './store-document';

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Extent = z.number().int().min(1).max(100_000);

export const WindowBounds = z.object({ x: Coordinate, y: Coordinate, width: Extent, height: Extent });
export type WindowBounds = z.infer<typeof WindowBounds>;

export const WindowRecord = z.object({
  /** Stable across restarts, so a window keeps its own bounds. */
  id: Id,
  /** Normal (not maximized) bounds; null: let the shell pick. */
  bounds: WindowBounds.nullable(),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
  /** The workspace this window shows; null: the layout's active one. */
  workspaceId: Id.nullable(),
});
export type WindowRecord = z.infer<typeof WindowRecord>;

export const WindowState = z.object({
  /** In opening order; the first is the one a restart focuses. */
  windows: z.array(WindowRecord).max(64),
});
export type WindowState = z.infer<typeof WindowState>;

export const WINDOW_STATE_VERSION = 1;

export const windowStateMigrations: Migrations = {};

export function defaultWindowState(): WindowState {
  return { windows: [] };
}

export function openWindowStateStore({ dataDir, backend }: OpenStoreOptions): DurableStore<WindowState> {
  return DurableStore.open({
    dir: dataDir,
    name: 'window-state',
    label: 'Window state',
    schema: WindowState,
    version: WINDOW_STATE_VERSION,
    migrations: windowStateMigrations,
    defaults: defaultWindowState,
    backend,
  });
}
