// From settings to colours: the scheme `theme` names with the `colors` overrides laid over it, as
// xterm's theme and as the CSS variables of the window around it (styles/app.css), so the chrome follows
// the scheme: its background and text, light or dark by which of the two is brighter.
import type { ITheme } from '@xterm/xterm';
import {
  type ColorScheme,
  DEFAULT_SCHEME,
  findScheme,
  isLightScheme,
  mixColours,
} from '../../shared/color-schemes';
import type { Settings } from '../../shared/settings';

export interface ResolvedScheme {
  scheme: ColorScheme;
  light: boolean;
}

/** The scheme in force (main has already refused unknown names; the fallback is for older mains). */
export function resolveScheme(settings: Pick<Settings, 'theme' | 'colorSchemes' | 'colors'>): ResolvedScheme {
  const base = findScheme(settings.theme, settings.colorSchemes) ?? DEFAULT_SCHEME;
  const scheme: ColorScheme = { ...base, ...settings.colors };
  return { scheme, light: isLightScheme(scheme) };
}

export function terminalTheme({ scheme }: ResolvedScheme): ITheme {
  const cursor = scheme.cursorColor ?? scheme.foreground;
  return {
    background: scheme.background,
    foreground: scheme.foreground,
    cursor,
    cursorAccent: scheme.background,
    selectionBackground: scheme.selectionBackground ?? mixColours(scheme.background, scheme.foreground, 0.3),
    black: scheme.black,
    red: scheme.red,
    green: scheme.green,
    yellow: scheme.yellow,
    blue: scheme.blue,
    magenta: scheme.purple,
    cyan: scheme.cyan,
    white: scheme.white,
    brightBlack: scheme.brightBlack,
    brightRed: scheme.brightRed,
    brightGreen: scheme.brightGreen,
    brightYellow: scheme.brightYellow,
    brightBlue: scheme.brightBlue,
    brightMagenta: scheme.brightPurple,
    brightCyan: scheme.brightCyan,
    brightWhite: scheme.brightWhite,
  };
}

/**
 * The window's colours (app.css custom properties) from the scheme. Surfaces are the background moved a
 * little towards the text (or towards black for the sidebar), so every scheme gets the same structure;
 * notices keep the fixed light/dark palettes of app.css, chosen by `light`.
 */
export function chromeVariables({ scheme, light }: ResolvedScheme): Record<string, string> {
  const bg = scheme.background.slice(0, 7);
  const fg = scheme.foreground.slice(0, 7);
  return {
    '--bg': bg,
    '--bg-selected': bg,
    '--bg-chrome': mixColours(bg, '#000000', light ? 0.06 : 0.25),
    '--bg-raised': light ? mixColours(bg, '#ffffff', 0.6) : mixColours(bg, fg, 0.06),
    '--bg-hover': mixColours(bg, fg, 0.1),
    '--fg': fg,
    '--fg-dim': mixColours(fg, bg, 0.4),
    '--border': mixColours(bg, fg, 0.14),
    '--accent': scheme.blue.slice(0, 7),
    '--accent-strong': scheme.brightBlue.slice(0, 7),
    '--danger': scheme.red.slice(0, 7),
    '--running': scheme.green.slice(0, 7),
    '--bell': scheme.yellow.slice(0, 7),
  };
}

/** Search match colours (the addon needs them to report result counts). */
export function searchColours(light: boolean) {
  return light
    ? { matchBackground: '#f5e39a', activeMatchBackground: '#f0a83c' }
    : { matchBackground: '#5a4c1c', activeMatchBackground: '#a8731d' };
}
