import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES, windowOptions } from './window-options';

const options = windowOptions({
  preloadPath: '/app/out/preload/index.cjs',
  bounds: { x: 10, y: 20, width: 800, height: 600 },
  theme: 'dark',
  devTools: false,
});
const web = options.webPreferences ?? {};

describe('window options', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['webviewTag', false],
    ['enableWebSQL', false],
    ['safeDialogs', true],
  ] as const)('sets %s to %s', (name, value) => {
    expect(web[name]).toBe(value);
  });

  it('enables no Blink features and disables auxclick', () => {
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads only our preload, and DevTools only when asked', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(web.devTools).toBe(false);
    const dev = windowOptions({
      preloadPath: '/p',
      bounds: { x: 0, y: 0, width: 1, height: 1 },
      theme: 'light',
      devTools: true,
    });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.backgroundColor).toBe('#ffffff');
  });

  it('sets nothing beyond the secure set, the preload and the DevTools switch', () => {
    const keys = Object.keys(web).filter((key) => key !== 'preload' && key !== 'devTools');
    expect(keys.sort()).toEqual(Object.keys(SECURE_WEB_PREFERENCES).sort());
  });

  it('opens hidden at the given bounds with a minimum size', () => {
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 800,
      height: 600,
      show: false,
      backgroundColor: '#1e1e1e',
    });
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.minHeight).toBeGreaterThan(0);
  });
});
