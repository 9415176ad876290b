// BrowserWindow options for every Tabterm window, as a pure function so a test can hold each security
// preference in place (Electron's security checklist; electronegativity checks the same in CI).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { WindowDefaults } from '../../shared/limits';
import type { WindowBounds } from '../persistence/window-state-store';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  webviewTag: false,
  enableWebSQL: false,
  safeDialogs: true,
  // Middle-click must reach xterm as a mouse event (paste, mouse reporting), never open a link.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  bounds: WindowBounds;
  theme: 'dark' | 'light';
  /** DevTools only in development builds. */
  devTools: boolean;
}

/** Painted before the page loads, so a new window does not flash white in the dark theme. */
export const BACKGROUND_COLORS = { dark: '#1e1e1e', light: '#ffffff' } as const;

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: WindowDefaults.minWidth,
    minHeight: WindowDefaults.minHeight,
    title: 'Tabterm',
    backgroundColor: BACKGROUND_COLORS[input.theme],
    // Shown on 'ready-to-show', once the page painted.
    show: false,
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      preload: input.preloadPath,
      devTools: input.devTools,
    },
  };
}
