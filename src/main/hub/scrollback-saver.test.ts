import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScrollbackSaving } from '../../shared/limits';
import type { ScrollbackPersistence } from './hub-options';
import { restoredMarker, type SavableSession, ScrollbackSaver } from './scrollback-saver';

function memoryStore(initial: Record<string, string> = {}) {
  const saved = new Map(Object.entries(initial));
  const store: ScrollbackPersistence = {
    load: (tabId) => saved.get(tabId) ?? null,
    save: (tabId, text) => void saved.set(tabId, text),
    remove: (tabId) => void saved.delete(tabId),
    retain: (tabIds) => {
      for (const tabId of saved.keys()) if (!tabIds.has(tabId)) saved.delete(tabId);
    },
  };
  return { store, saved };
}

function saverWith(options: {
  store?: ScrollbackPersistence;
  sessions?: SavableSession[];
  history?: (sessionId: string) => string | null;
  tabs?: string[];
  hostAnswers?: boolean;
}) {
  const asked: string[] = [];
  const saver = new ScrollbackSaver({
    store: options.store,
    snapshot: (sessionId, done) => {
      asked.push(sessionId);
      if (options.hostAnswers !== false) done(options.history?.(sessionId) ?? `history of ${sessionId}`);
      return true;
    },
    sessions: () => options.sessions ?? [],
    tabExists: (tabId) => (options.tabs ?? ['t1', 't2']).includes(tabId),
  });
  return { saver, asked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ScrollbackSaver', () => {
  it('gives a restored tab its history once, above the marker', () => {
    const { store } = memoryStore({ t1: 'old output' });
    const { saver } = saverWith({ store });
    const now = new Date('2026-11-21T08:30:00Z');
    expect(saver.preambleFor('t1', now)).toBeNull();
    saver.restored(['t1', 't2']);
    expect(saver.preambleFor('t1', now)).toBe(`old output${restoredMarker(now)}`);
    expect(saver.preambleFor('t2', now)).toBeNull();
    saver.sessionStarted('t1');
    expect(saver.preambleFor('t1', now)).toBeNull();
  });

  it('saves only sessions with output since their last save, and all of them on quit', async () => {
    const { store, saved } = memoryStore();
    const sessions = [
      { id: 's1', tabId: 't1', lastOutputAt: 100 },
      { id: 's2', tabId: 't2', lastOutputAt: 0 },
    ];
    const { saver, asked } = saverWith({ store, sessions });
    await saver.save(false);
    expect(asked).toEqual(['s1']);
    expect(saved.get('t1')).toBe('history of s1');
    await saver.save(false);
    expect(asked).toEqual(['s1']);
    await saver.save(true);
    expect(asked).toEqual(['s1', 's1', 's2']);
  });

  it('does not save a tab that was closed while its snapshot was on the way, and forgets removed tabs', async () => {
    const { store, saved } = memoryStore({ t2: 'kept until forgotten' });
    const { saver } = saverWith({ store, sessions: [{ id: 's9', tabId: 'gone', lastOutputAt: 5 }] });
    await saver.save(true);
    expect(saved.has('gone')).toBe(false);
    saver.forgetTab('t2');
    expect(saved.has('t2')).toBe(false);
  });

  it('gives up waiting for a silent host after the quit timeout', async () => {
    vi.useFakeTimers();
    const { store } = memoryStore();
    const { saver } = saverWith({
      store,
      sessions: [{ id: 's1', tabId: 't1', lastOutputAt: 1 }],
      hostAnswers: false,
    });
    let done = false;
    const saving = saver.save(true).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(ScrollbackSaving.quitTimeoutMs - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await saving;
    expect(done).toBe(true);
  });

  it('saves periodically once started, and deletes the history of tabs that no longer exist', async () => {
    vi.useFakeTimers();
    const { store, saved } = memoryStore({ gone: 'old' });
    const { saver, asked } = saverWith({ store, sessions: [{ id: 's1', tabId: 't1', lastOutputAt: 1 }] });
    saver.start(new Set(['t1']));
    expect(saved.has('gone')).toBe(false);
    await vi.advanceTimersByTimeAsync(ScrollbackSaving.intervalMs);
    expect(asked).toEqual(['s1']);
    saver.stop();
    await vi.advanceTimersByTimeAsync(ScrollbackSaving.intervalMs * 3);
    expect(asked).toEqual(['s1']);
  });

  it('does nothing without a store', async () => {
    const { saver, asked } = saverWith({ sessions: [{ id: 's1', tabId: 't1', lastOutputAt: 1 }] });
    saver.restored(['t1']);
    saver.start(new Set(['t1']));
    await saver.save(true);
    expect(asked).toEqual([]);
    expect(saver.preambleFor('t1', new Date())).toBeNull();
  });
});
