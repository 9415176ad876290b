// BrowserWindow options for every Tabterm window, as a pure function so a test can hold each security
// preference in place (Electron's security checklist; electronegativity checks the same in CI).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { DEFAULT_SCHEME, findScheme } from '../../shared/color-schemes';
import { WindowDefaults } from '../../shared/limits';
import type { Settings } from '../../shared/settings';
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
  /** Painted before the page loads (windowBackground), so a new window does not flash another colour. */
  backgroundColor: string;
  /** DevTools only in development builds. */
  devTools: boolean;
}

/** The background of the colour scheme in force, as the page will paint it ("#rrggbb": no alpha). */
export function windowBackground(settings: Pick<Settings, 'theme' | 'colorSchemes' | 'colors'>): string {
  const scheme = findScheme(settings.theme, settings.colorSchemes) ?? DEFAULT_SCHEME;
  const hex = settings.colors.background ?? scheme.background;
  return hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join('')}` : hex.slice(0, 7);
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: WindowDefaults.minWidth,
    minHeight: WindowDefaults.minHeight,
    title: 'Tabterm',
    backgroundColor: input.backgroundColor,
    // Shown on 'ready-to-show', once the page painted.
    show: false,
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      preload: input.preloadPath,
      devTools: input.devTools,
    },
  };
}
