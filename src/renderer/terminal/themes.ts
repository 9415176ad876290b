// Terminal colours for the two themes in settings. The app chrome uses the same background and
// foreground (styles/app.css reads them from data-theme on <html>).
import type { ITheme } from '@xterm/xterm';
import type { Settings } from '../../shared/settings';

const DARK: ITheme = {
  background: '#1b1d23',
  foreground: '#d6d9e0',
  cursor: '#f0f2f5',
  cursorAccent: '#1b1d23',
  selectionBackground: '#3d4b66',
  black: '#1b1d23',
  red: '#e06c75',
  green: '#98c379',
  yellow: '#e5c07b',
  blue: '#61afef',
  magenta: '#c678dd',
  cyan: '#56b6c2',
  white: '#d6d9e0',
  brightBlack: '#5c6370',
  brightRed: '#ef8891',
  brightGreen: '#b5e08f',
  brightYellow: '#f2d49b',
  brightBlue: '#8cc7ff',
  brightMagenta: '#dc9cef',
  brightCyan: '#7fd3dd',
  brightWhite: '#ffffff',
};

const LIGHT: ITheme = {
  background: '#fbfbfc',
  foreground: '#2a2c33',
  cursor: '#2a2c33',
  cursorAccent: '#fbfbfc',
  selectionBackground: '#c9d7f2',
  black: '#2a2c33',
  red: '#c33a3a',
  green: '#3a8a2e',
  yellow: '#9a6a00',
  blue: '#2b62c4',
  magenta: '#9a3fb0',
  cyan: '#16808c',
  white: '#dcdde1',
  brightBlack: '#70737d',
  brightRed: '#e05252',
  brightGreen: '#4da33f',
  brightYellow: '#b8860b',
  brightBlue: '#4a7ee0',
  brightMagenta: '#b45ccc',
  brightCyan: '#2a9aa6',
  brightWhite: '#ffffff',
};

export function terminalTheme(theme: Settings['theme']): ITheme {
  return theme === 'light' ? LIGHT : DARK;
}

/** Search match colours per theme (the addon needs them to report result counts). */
export function searchColours(theme: Settings['theme']) {
  return theme === 'light'
    ? { matchBackground: '#f5e39a', activeMatchBackground: '#f0a83c' }
    : { matchBackground: '#5a4c1c', activeMatchBackground: '#a8731d' };
}
