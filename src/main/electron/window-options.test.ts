import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { SECURE_WEB_PREFERENCES, windowBackground, windowOptions } from './window-options';

const options = windowOptions({
  preloadPath: '/app/out/preload/index.cjs',
  bounds: { x: 10, y: 20, width: 800, height: 600 },
  backgroundColor: '#1B1D23',
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
      backgroundColor: '#FBFBFC',
      devTools: true,
    });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.backgroundColor).toBe('#FBFBFC');
  });

  it('paints the background of the scheme in force, with its override, before the page loads', () => {
    const base = defaultSettings();
    expect(windowBackground(base)).toBe('#1B1D23');
    expect(windowBackground({ ...base, theme: 'light' })).toBe('#FBFBFC');
    expect(windowBackground({ ...base, theme: 'Solarized Light' })).toBe('#FDF6E3');
    expect(windowBackground({ ...base, theme: 'Nord', colors: { background: '#abc' } })).toBe('#aabbcc');
    expect(windowBackground({ ...base, theme: 'gone' })).toBe('#1B1D23');
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
      backgroundColor: '#1B1D23',
    });
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.minHeight).toBeGreaterThan(0);
  });
});
