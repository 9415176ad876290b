import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DurableStore, type DurableStoreOptions } from './durable-store';
import { confBackend, type StoreBackendFactory } from './store-backend';

const Counter = z.object({ count: z.number().int().min(0), label: z.string() });
type Counter = z.infer<typeof Counter>;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tabterm-store-'));
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<DurableStoreOptions<Counter>> = {}): DurableStoreOptions<Counter> {
  return {
    dir,
    name: 'counter',
    label: 'Counter',
    schema: Counter,
    version: 2,
    // Version 1 stored the count as a string under another name.
    migrations: {
      1: (old) => {
        const v1 = z.object({ n: z.string(), label: z.string() }).parse(old);
        return { count: Number.parseInt(v1.n, 10), label: v1.label };
      },
    },
    defaults: () => ({ count: 0, label: 'default' }),
    ...overrides,
  };
}

const mainFile = () => join(dir, 'counter.json');
const lastGoodFile = () => join(dir, 'counter.last-good.json');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const document = (count: number, label = 'x') => ({ version: 2, data: { count, label } });
const filesMatching = (pattern: RegExp) => readdirSync(dir).filter((name) => pattern.test(name));

/** Counts the writes that reach the (real, conf) backend, per file. */
function countingBackend(): { factory: StoreBackendFactory; writes: Map<string, number> } {
  const writes = new Map<string, number>();
  const factory: StoreBackendFactory = (opts) => {
    const inner = confBackend(opts);
    return {
      path: inner.path,
      write(doc) {
        inner.write(doc);
        writes.set(opts.name, (writes.get(opts.name) ?? 0) + 1);
      },
    };
  };
  return { factory, writes };
}

describe('DurableStore: first start and round trip', () => {
  it('starts from the defaults without notices or files when nothing is on disk', () => {
    const store = DurableStore.open(options());
    expect(store.get()).toEqual({ count: 0, label: 'default' });
    expect(store.notices).toEqual([]);
    expect(existsSync(mainFile())).toBe(false);
  });

  it('writes the envelope on flush and reads it back on the next open', () => {
    const store = DurableStore.open(options());
    store.set({ count: 7, label: 'seven' });
    expect(store.flush()).toBe(true);
    expect(readJson(mainFile())).toEqual({ version: 2, data: { count: 7, label: 'seven' } });
    const again = DurableStore.open(options());
    expect(again.get()).toEqual({ count: 7, label: 'seven' });
    expect(again.notices).toEqual([]);
  });

  it('keeps the previous good document as last-good after each write', () => {
    const store = DurableStore.open(options());
    store.set({ count: 1, label: 'x' });
    store.flush();
    expect(existsSync(lastGoodFile())).toBe(false);
    store.set({ count: 2, label: 'x' });
    store.flush();
    expect(readJson(mainFile())).toEqual(document(2));
    expect(readJson(lastGoodFile())).toEqual(document(1));
    store.set({ count: 3, label: 'x' });
    store.flush();
    expect(readJson(lastGoodFile())).toEqual(document(2));
  });

  it('returns copies, so a caller mutating a value cannot change the store', () => {
    const store = DurableStore.open(options());
    const value = store.get();
    value.count = 99;
    expect(store.get().count).toBe(0);
  });

  it('refuses an invalid value with an error and keeps the old one', () => {
    const store = DurableStore.open(options());
    expect(() => store.set({ count: -1, label: 'bad' })).toThrow(
      /Counter: refusing to save an invalid value/,
    );
    expect(store.get()).toEqual({ count: 0, label: 'default' });
    expect(store.dirty).toBe(false);
  });

  it('writes files only the user can read (they hold directory paths)', () => {
    const store = DurableStore.open(options());
    store.set({ count: 1, label: 'x' });
    store.flush();
    expect(statSync(mainFile()).mode & 0o777).toBe(0o600);
  });
});

const corruptions: Array<{ kind: string; text: string; reason: RegExp }> = [
  { kind: 'an empty file', text: '', reason: /the file is empty/ },
  { kind: 'a whitespace-only file', text: ' \n\t', reason: /the file is empty/ },
  { kind: 'a truncated file', text: '{"version": 2, "data": {"count": 3, "la', reason: /not valid JSON/ },
  { kind: 'a non-JSON file', text: 'count = 3\n', reason: /not valid JSON/ },
  { kind: 'binary garbage', text: '\u0000\u0001\u00ff\u0000', reason: /not valid JSON/ },
  { kind: 'a JSON array', text: '[1, 2, 3]', reason: /does not hold a JSON object/ },
  { kind: 'JSON null', text: 'null', reason: /does not hold a JSON object/ },
  {
    kind: 'a document without version',
    text: '{"data": {"count": 3, "label": "x"}}',
    reason: /no valid "version"/,
  },
  { kind: 'a fractional version', text: '{"version": 1.5, "data": {}}', reason: /no valid "version"/ },
  { kind: 'a document without data', text: '{"version": 2}', reason: /no "data" field/ },
  {
    kind: 'schema-invalid data',
    text: '{"version": 2, "data": {"count": "three", "label": "x"}}',
    reason: /content is invalid \(count:/,
  },
  {
    kind: 'a version newer than ours',
    text: '{"version": 3, "data": {"count": 3, "label": "x"}}',
    reason: /newer Tabterm \(format version 3/,
  },
  {
    kind: 'an old version that fails to migrate',
    text: '{"version": 1, "data": {"n": 5}}',
    reason: /migrating it from format version 1 failed \(n:/,
  },
  {
    kind: 'a version with no migration path',
    text: '{"version": 0, "data": {}}',
    reason: /no migration from format version 0/,
  },
];

describe('DurableStore: a bad file is quarantined, never wiped', () => {
  for (const { kind, text, reason } of corruptions) {
    it(`moves ${kind} aside, restores last-good and says so`, () => {
      writeFileSync(lastGoodFile(), JSON.stringify(document(41, 'backup')));
      writeFileSync(mainFile(), text);
      const store = DurableStore.open(options());

      expect(store.get()).toEqual({ count: 41, label: 'backup' });
      const quarantined = filesMatching(/^counter\.corrupt-.*\.json$/);
      expect(quarantined).toHaveLength(1);
      expect(readFileSync(join(dir, quarantined[0]!), 'utf8')).toBe(text);
      expect(store.notices).toHaveLength(1);
      const notice = store.notices[0]!;
      expect(notice).toMatchObject({ level: 'warning', code: 'store_recovered', store: 'counter' });
      expect(notice.message).toMatch(reason);
      expect(notice.message).toContain(join(dir, quarantined[0]!));
      expect(notice.message).toMatch(/last good copy \(saved .* UTC\) was restored/);
      // The main file is good again at once, so a crash right now loses nothing.
      expect(readJson(mainFile())).toEqual(document(41, 'backup'));
    });
  }

  it('falls back to the defaults with an error notice when there is no backup', () => {
    writeFileSync(mainFile(), '{"version": 2, "data": {"cou');
    const store = DurableStore.open(options());
    expect(store.get()).toEqual({ count: 0, label: 'default' });
    expect(filesMatching(/^counter\.corrupt-/)).toHaveLength(1);
    expect(store.notices).toMatchObject([{ level: 'error', code: 'store_reset' }]);
    expect(store.notices[0]!.message).toMatch(/No usable backup was found, so the defaults are in use/);
  });

  it('quarantines a bad backup too and names both files', () => {
    writeFileSync(mainFile(), 'garbage');
    writeFileSync(lastGoodFile(), '{"version": 2, "data": null}');
    const store = DurableStore.open(options());
    expect(store.get()).toEqual({ count: 0, label: 'default' });
    const moved = filesMatching(/\.corrupt-/).sort();
    expect(moved).toHaveLength(2);
    expect(moved.some((name) => name.startsWith('counter.last-good.corrupt-'))).toBe(true);
    const message = store.notices[0]!.message;
    for (const name of moved) expect(message).toContain(name);
  });

  it('restores last-good when the main file is missing, and says how to start fresh', () => {
    writeFileSync(lastGoodFile(), JSON.stringify(document(5)));
    const store = DurableStore.open(options());
    expect(store.get()).toEqual({ count: 5, label: 'x' });
    expect(store.notices).toMatchObject([{ level: 'warning', code: 'store_restored' }]);
    expect(store.notices[0]!.message).toContain('delete');
  });

  it('never overwrites a quarantined file: two bad opens in the same millisecond keep both', () => {
    vi.useFakeTimers({ now: new Date('2030-01-02T03:04:05.678Z') });
    writeFileSync(mainFile(), 'first bad');
    DurableStore.open(options());
    writeFileSync(mainFile(), 'second bad');
    DurableStore.open(options());
    const moved = filesMatching(/^counter\.corrupt-2030-01-02T03-04-05-678Z(-2)?\.json$/).sort();
    expect(moved).toEqual([
      'counter.corrupt-2030-01-02T03-04-05-678Z-2.json',
      'counter.corrupt-2030-01-02T03-04-05-678Z.json',
    ]);
    expect(moved.map((name) => readFileSync(join(dir, name), 'utf8')).sort()).toEqual([
      'first bad',
      'second bad',
    ]);
  });

  it('replaces an unparsable last-good on the next write (conf cannot open it) without losing it', () => {
    writeFileSync(mainFile(), JSON.stringify(document(1)));
    writeFileSync(lastGoodFile(), '{ broken');
    const store = DurableStore.open(options());
    expect(store.notices).toEqual([]);
    store.set({ count: 2, label: 'x' });
    store.flush();
    expect(readJson(lastGoodFile())).toEqual(document(1));
    const moved = filesMatching(/^counter\.last-good\.corrupt-/);
    expect(moved).toHaveLength(1);
    expect(readFileSync(join(dir, moved[0]!), 'utf8')).toBe('{ broken');
  });
});

describe('DurableStore: migrations', () => {
  it('migrates an older document, keeps the original beside it and rewrites the file', () => {
    const original = '{"version": 1, "data": {"n": "12", "label": "old"}}';
    writeFileSync(mainFile(), original);
    const store = DurableStore.open(options());
    expect(store.get()).toEqual({ count: 12, label: 'old' });
    expect(readFileSync(join(dir, 'counter.v1.bak.json'), 'utf8')).toBe(original);
    expect(readJson(mainFile())).toEqual(document(12, 'old'));
    expect(store.notices).toMatchObject([{ level: 'info', code: 'store_migrated' }]);
    expect(store.notices[0]!.message).toContain('counter.v1.bak.json');
    // Opening again finds a current file: no second migration, no second backup.
    const again = DurableStore.open(options());
    expect(again.notices).toEqual([]);
    expect(filesMatching(/\.bak/)).toEqual(['counter.v1.bak.json']);
  });

  it('never overwrites an earlier pre-migration copy', () => {
    writeFileSync(join(dir, 'counter.v1.bak.json'), 'an older copy');
    writeFileSync(mainFile(), '{"version": 1, "data": {"n": "3", "label": "old"}}');
    DurableStore.open(options());
    expect(readFileSync(join(dir, 'counter.v1.bak.json'), 'utf8')).toBe('an older copy');
    expect(readJson(join(dir, 'counter.v1.bak-2.json'))).toEqual({
      version: 1,
      data: { n: '3', label: 'old' },
    });
  });

  it('migrates an old last-good when the main file is bad', () => {
    writeFileSync(mainFile(), '');
    writeFileSync(lastGoodFile(), '{"version": 1, "data": {"n": "8", "label": "lg"}}');
    const store = DurableStore.open(options());
    expect(store.get()).toEqual({ count: 8, label: 'lg' });
    expect(store.notices).toMatchObject([{ code: 'store_recovered' }]);
  });
});

describe('DurableStore: debounced, throttled writes', () => {
  it('coalesces a burst of changes into one write of the last value', () => {
    vi.useFakeTimers();
    const { factory, writes } = countingBackend();
    const store = DurableStore.open(options({ backend: factory, debounceMs: 250, maxWaitMs: 1000 }));
    for (let i = 1; i <= 100; i++) store.set({ count: i, label: 'burst' });
    expect(writes.get('counter') ?? 0).toBe(0);
    expect(store.dirty).toBe(true);
    vi.advanceTimersByTime(249);
    expect(writes.get('counter') ?? 0).toBe(0);
    vi.advanceTimersByTime(1);
    expect(writes.get('counter')).toBe(1);
    expect(readJson(mainFile())).toEqual(document(100, 'burst'));
    expect(store.dirty).toBe(false);
  });

  it('still writes during a steady stream of changes, a few times per second at most', () => {
    vi.useFakeTimers();
    const { factory, writes } = countingBackend();
    const store = DurableStore.open(
      options({ backend: factory, debounceMs: 250, maxWaitMs: 1000, minWriteIntervalMs: 250 }),
    );
    // A change every 20 ms for 5 s: pure debouncing would never write.
    for (let i = 1; i <= 250; i++) {
      store.set({ count: i, label: 'stream' });
      vi.advanceTimersByTime(20);
    }
    const during = writes.get('counter') ?? 0;
    expect(during).toBeGreaterThanOrEqual(4);
    expect(during).toBeLessThanOrEqual(6);
    vi.advanceTimersByTime(1000);
    expect(readJson(mainFile())).toEqual(document(250, 'stream'));
  });

  it('flush writes at once and cancels the pending timer', () => {
    vi.useFakeTimers();
    const { factory, writes } = countingBackend();
    const store = DurableStore.open(options({ backend: factory }));
    store.set({ count: 3, label: 'now' });
    expect(store.flush()).toBe(true);
    expect(readJson(mainFile())).toEqual(document(3, 'now'));
    vi.advanceTimersByTime(5000);
    expect(writes.get('counter')).toBe(1);
  });

  it('does not write when nothing changed', () => {
    vi.useFakeTimers();
    const { factory, writes } = countingBackend();
    const store = DurableStore.open(options({ backend: factory }));
    store.set({ count: 0, label: 'default' });
    expect(store.dirty).toBe(false);
    store.flush();
    vi.advanceTimersByTime(5000);
    expect(writes.size).toBe(0);
  });

  it('writes immediately after close (nothing would flush later)', () => {
    const { factory, writes } = countingBackend();
    const store = DurableStore.open(options({ backend: factory }));
    store.set({ count: 1, label: 'a' });
    store.close();
    store.set({ count: 2, label: 'a' });
    expect(readJson(mainFile())).toEqual(document(2, 'a'));
    expect(writes.get('counter')).toBe(2);
  });
});

describe('DurableStore: write failures', () => {
  it('keeps the change, tells the user once, retries, and says when saving works again', () => {
    vi.useFakeTimers();
    let failing = true;
    const failingFactory: StoreBackendFactory = (opts) => {
      const inner = confBackend(opts);
      return {
        path: inner.path,
        write(doc) {
          if (failing) throw new Error('ENOSPC: no space left on device');
          inner.write(doc);
        },
      };
    };
    const store = DurableStore.open(options({ backend: failingFactory }));
    const seen: string[] = [];
    store.onNotice((notice) => seen.push(notice.code));
    store.set({ count: 1, label: 'x' });
    vi.advanceTimersByTime(300);
    store.set({ count: 2, label: 'x' });
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['store_write_failed']);
    expect(store.notices.at(-1)?.message).toMatch(/ENOSPC/);
    expect(store.dirty).toBe(true);
    expect(store.flush()).toBe(false);
    failing = false;
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['store_write_failed', 'store_write_recovered']);
    expect(readJson(mainFile())).toEqual(document(2));
    expect(store.dirty).toBe(false);
  });
});
