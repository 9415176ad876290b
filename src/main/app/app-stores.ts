// The stores a main side opens at start (browser host and desktop app alike): layout and settings.
// TEMPORARY in-memory version until the durable store lands (see src/main/persistence).

import type { Layout } from '../../shared/protocol';
import { defaultSettings, type Settings } from '../../shared/settings';
import type { AppNotice, LayoutPersistence } from '../hub/hub';

export interface AppStores {
  layout: LayoutPersistence;
  settings: Settings;
  notices: AppNotice[];
  flush(): void;
}

export function openAppStores(_dataDir: string): AppStores {
  let saved: Layout | null = null;
  return {
    layout: {
      load: () => saved,
      save: (layout) => {
        saved = layout;
      },
      flush: () => {},
    },
    settings: defaultSettings(),
    notices: [],
    flush: () => {},
  };
}
