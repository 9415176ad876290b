import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// Moving a file aside can fail (a read-only folder, a file owned by someone else). Tests run as root
// here, where permissions cannot make rename fail, so the move itself is replaced.
vi.mock('./store-files', async (importOriginal) => {
  const original = await importOriginal<typeof import('./store-files')>();
  return {
    ...original,
    quarantine: () => {
      throw new Error('EACCES: permission denied');
    },
  };
});

const { DurableStore } = await import('./durable-store');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tabterm-store-ro-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () =>
  DurableStore.open({
    dir,
    name: 'prefs',
    label: 'Prefs',
    schema: z.object({ n: z.number() }),
    version: 1,
    migrations: {},
    defaults: () => ({ n: 0 }),
  });

describe('DurableStore when a bad file cannot be moved aside', () => {
  it('leaves the file untouched, uses the defaults, and refuses to save over it', () => {
    writeFileSync(join(dir, 'prefs.json'), 'not json, but maybe precious');
    const store = open();
    expect(store.get()).toEqual({ n: 0 });
    expect(store.writable).toBe(false);
    expect(store.notices[0]).toMatchObject({ level: 'error', code: 'store_read_only' });
    expect(store.notices[0]!.message).toMatch(/could not be moved aside \(EACCES.*will not be saved/);
    store.set({ n: 5 });
    expect(store.flush()).toBe(true);
    expect(readFileSync(join(dir, 'prefs.json'), 'utf8')).toBe('not json, but maybe precious');
  });
});
