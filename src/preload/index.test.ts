import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => ({ calls: [] as Array<[string, unknown]> }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.calls.push([key, api]);
    },
  },
  ipcRenderer: { send: () => {}, on: () => {} },
  webUtils: { getPathForFile: () => '' },
}));

describe('preload entry', () => {
  it('exposes exactly the Bridge allowlist as window.tabterm, all functions, nothing from Electron', async () => {
    const { EXPOSED_KEYS } = await import('./preload-bridge');
    await import('./index');
    expect(exposed.calls).toHaveLength(1);
    const [key, api] = exposed.calls[0]!;
    expect(key).toBe('tabterm');
    const record = api as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual([...EXPOSED_KEYS].sort());
    for (const name of EXPOSED_KEYS) expect(typeof record[name]).toBe('function');
    expect(Object.keys(record)).not.toContain('ipcRenderer');
  });
});
