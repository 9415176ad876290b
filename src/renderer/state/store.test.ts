import { describe, expect, it } from 'vitest';
import { Store } from './store';

describe('Store', () => {
  const add = (state: number, event: number) => state + event;

  it('notifies on change and not when the reducer returns the same state', () => {
    const store = new Store(0, add);
    const seen: number[] = [];
    store.subscribe((state) => seen.push(state));
    store.dispatch(2);
    store.dispatch(0);
    expect(seen).toEqual([2]);
    expect(store.get()).toBe(2);
  });

  it('queues events dispatched by a subscriber so every subscriber sees states in order', () => {
    const store = new Store(0, add);
    const first: number[] = [];
    const second: number[] = [];
    store.subscribe((state) => {
      first.push(state);
      if (state === 1) store.dispatch(10);
    });
    store.subscribe((state) => second.push(state));
    store.dispatch(1);
    expect(first).toEqual([1, 11]);
    expect(second).toEqual([1, 11]);
  });

  it('stops notifying after unsubscribe', () => {
    const store = new Store(0, add);
    const seen: number[] = [];
    const off = store.subscribe((state) => seen.push(state));
    off();
    store.dispatch(1);
    expect(seen).toEqual([]);
  });
});
