// The hub's view of the layout store (`LayoutPersistence` in src/main/hub/hub.ts, matched by shape so
// this folder does not depend on the hub): it hands over live layouts and gets restored ones back.
import type { Layout } from '../../shared/protocol';
import type { DurableStore } from './durable-store';
import { type PersistedLayout, restoreLayout, toPersistedLayout } from './layout-store';

export interface LayoutPersistenceAdapter {
  /** The saved layout with every tab stale, or null on first start (the hub seeds one). */
  load(): Layout | null;
  /** Called after every layout change; only the persisted part is compared and written. */
  save(layout: Layout): void;
  flush(): void;
  /** Called once the disk holds everything passed to `save` so far. */
  onSaved(listener: () => void): void;
}

export function layoutPersistence(
  store: DurableStore<PersistedLayout>,
  log: (line: string) => void = () => {},
): LayoutPersistenceAdapter {
  const savedListeners: Array<() => void> = [];
  return {
    load() {
      const persisted = store.get();
      return persisted.workspaces.length === 0 ? null : restoreLayout(persisted);
    },
    onSaved(listener) {
      store.onWritten(listener);
      savedListeners.push(listener);
    },
    save(layout) {
      try {
        store.set(toPersistedLayout(layout));
        // Most changes (titles, session states) leave the persisted part as it is on disk already.
        if (!store.dirty) for (const listener of savedListeners) listener();
      } catch (error) {
        // The hub has already changed its layout; throwing here would only break its message
        // handling. The store keeps the last consistent layout and the log says what was refused.
        log(`layout not saved: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    flush() {
      store.flush();
    },
  };
}
