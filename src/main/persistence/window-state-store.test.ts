import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWindowStateStore } from './window-state-store';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tabterm-window-state-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('window state store', () => {
  it('round-trips window bounds and the workspace each window shows', () => {
    const store = openWindowStateStore({ dataDir });
    expect(store.get()).toEqual({ windows: [] });
    const state = {
      windows: [
        {
          id: 'win-1',
          bounds: { x: 10, y: 20, width: 800, height: 600 },
          maximized: false,
          fullScreen: false,
          workspaceId: 'w1',
        },
        { id: 'win-2', bounds: null, maximized: true, fullScreen: false, workspaceId: null },
      ],
    };
    store.set(state);
    store.flush();
    expect(openWindowStateStore({ dataDir }).get()).toEqual(state);
  });
});
