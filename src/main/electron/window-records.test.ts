import { describe, expect, it } from 'vitest';
import type { WindowRecord } from '../persistence/window-state-store';
import { closeWindow, upsertWindow, withKnownWorkspaces } from './window-records';

const record = (id: string, workspaceId: string | null = null): WindowRecord => ({
  id,
  bounds: { x: 0, y: 0, width: 800, height: 600 },
  maximized: false,
  fullScreen: false,
  workspaceId,
});

describe('window records', () => {
  it('appends new windows and updates known ones in place', () => {
    let state = upsertWindow({ windows: [] }, record('a'));
    state = upsertWindow(state, record('b'));
    state = upsertWindow(state, { ...record('a'), maximized: true });
    expect(state.windows.map((w) => [w.id, w.maximized])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('forgets a closed window but keeps the last one for the next start', () => {
    const state = { windows: [record('a'), record('b')] };
    expect(closeWindow(state, 'a', false).windows.map((w) => w.id)).toEqual(['b']);
    expect(closeWindow({ windows: [record('b')] }, 'b', true).windows.map((w) => w.id)).toEqual(['b']);
  });

  it('drops workspaces that no longer exist', () => {
    const state = { windows: [record('a', 'w1'), record('b', 'gone'), record('c')] };
    expect(withKnownWorkspaces(state, new Set(['w1'])).windows.map((w) => w.workspaceId)).toEqual([
      'w1',
      null,
      null,
    ]);
  });
});
