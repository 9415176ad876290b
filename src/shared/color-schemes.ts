// Colour schemes: the built-in ones, the shape users write in `colorSchemes` (Windows Terminal's, so a
// scheme copied from a WT settings.json works unchanged), and how `theme` names one. Shared: the renderer
// paints with them, main checks names in settings.json and paints a new window's background.
import { z } from 'zod';

export const HexColor = z
  .string()
  .regex(
    /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/,
    'a colour is "#rgb", "#rrggbb" or "#rrggbbaa"',
  );

export const ANSI_KEYS = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'purple',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightPurple',
  'brightCyan',
  'brightWhite',
] as const;
export type AnsiKey = (typeof ANSI_KEYS)[number];

const ansi = Object.fromEntries(ANSI_KEYS.map((key) => [key, HexColor])) as Record<AnsiKey, typeof HexColor>;

/** Windows Terminal's scheme object (https://learn.microsoft.com/windows/terminal/customize-settings/color-schemes). */
export const ColorScheme = z.strictObject({
  name: z.string().min(1).max(100),
  foreground: HexColor,
  background: HexColor,
  cursorColor: HexColor.optional(),
  selectionBackground: HexColor.optional(),
  ...ansi,
});
export type ColorScheme = z.infer<typeof ColorScheme>;

/** Single colours laid over the chosen scheme (`colors` in settings). */
export const ColorOverrides = ColorScheme.omit({ name: true }).partial();
export type ColorOverrides = z.infer<typeof ColorOverrides>;

function scheme(
  name: string,
  base: Omit<ColorScheme, 'name' | AnsiKey>,
  palette: readonly string[],
): ColorScheme {
  const colours = Object.fromEntries(ANSI_KEYS.map((key, i) => [key, palette[i] ?? base.foreground]));
  return { name, ...base, ...colours } as ColorScheme;
}

// ANSI colours are the published palettes (Windows Terminal's defaults.json for Campbell, One Half, Solarized
// and Tango; each project's own Windows Terminal port for Dracula, Nord and Gruvbox). Where the published
// selection is opaque white, which xterm would paint over the text, a translucent one stands in.
// biome-ignore format: a palette reads as two rows of eight
const SOLARIZED = [
  '#002B36', '#DC322F', '#859900', '#B58900', '#268BD2', '#D33682', '#2AA198', '#EEE8D5',
  '#073642', '#CB4B16', '#586E75', '#657B83', '#839496', '#6C71C4', '#93A1A1', '#FDF6E3',
];
// biome-ignore format: a palette reads as two rows of eight
const TANGO = [
  '#000000', '#CC0000', '#4E9A06', '#C4A000', '#3465A4', '#75507B', '#06989A', '#D3D7CF',
  '#555753', '#EF2929', '#8AE234', '#FCE94F', '#729FCF', '#AD7FA8', '#34E2E2', '#EEEEEC',
];

// biome-ignore format: a palette reads as two rows of eight
export const BUILT_IN_SCHEMES: readonly ColorScheme[] = [
  scheme(
    'Tabterm Dark',
    { background: '#1B1D23', foreground: '#D6D9E0', cursorColor: '#F0F2F5', selectionBackground: '#3D4B66' },
    [
      '#1B1D23', '#E06C75', '#98C379', '#E5C07B', '#61AFEF', '#C678DD', '#56B6C2', '#D6D9E0',
      '#5C6370', '#EF8891', '#B5E08F', '#F2D49B', '#8CC7FF', '#DC9CEF', '#7FD3DD', '#FFFFFF',
    ],
  ),
  scheme(
    'Tabterm Light',
    { background: '#FBFBFC', foreground: '#2A2C33', cursorColor: '#2A2C33', selectionBackground: '#C9D7F2' },
    [
      '#2A2C33', '#C33A3A', '#3A8A2E', '#9A6A00', '#2B62C4', '#9A3FB0', '#16808C', '#DCDDE1',
      '#70737D', '#E05252', '#4DA33F', '#B8860B', '#4A7EE0', '#B45CCC', '#2A9AA6', '#FFFFFF',
    ],
  ),
  scheme(
    'Campbell',
    { background: '#0C0C0C', foreground: '#CCCCCC', cursorColor: '#FFFFFF', selectionBackground: '#FFFFFF40' },
    [
      '#0C0C0C', '#C50F1F', '#13A10E', '#C19C00', '#0037DA', '#881798', '#3A96DD', '#CCCCCC',
      '#767676', '#E74856', '#16C60C', '#F9F1A5', '#3B78FF', '#B4009E', '#61D6D6', '#F2F2F2',
    ],
  ),
  scheme(
    'One Half Dark',
    { background: '#282C34', foreground: '#DCDFE4', cursorColor: '#FFFFFF', selectionBackground: '#FFFFFF40' },
    [
      '#282C34', '#E06C75', '#98C379', '#E5C07B', '#61AFEF', '#C678DD', '#56B6C2', '#DCDFE4',
      '#5A6374', '#E06C75', '#98C379', '#E5C07B', '#61AFEF', '#C678DD', '#56B6C2', '#DCDFE4',
    ],
  ),
  scheme(
    'One Half Light',
    { background: '#FAFAFA', foreground: '#383A42', cursorColor: '#4F525D', selectionBackground: '#383A4230' },
    [
      '#383A42', '#E45649', '#50A14F', '#C18301', '#0184BC', '#A626A4', '#0997B3', '#FAFAFA',
      '#4F525D', '#DF6C75', '#98C379', '#E4C07A', '#61AFEF', '#C577DD', '#56B5C1', '#FFFFFF',
    ],
  ),
  scheme(
    'Solarized Dark',
    { background: '#002B36', foreground: '#839496', cursorColor: '#FFFFFF', selectionBackground: '#FFFFFF40' },
    SOLARIZED,
  ),
  scheme(
    'Solarized Light',
    { background: '#FDF6E3', foreground: '#657B83', cursorColor: '#002B36', selectionBackground: '#002B3630' },
    SOLARIZED,
  ),
  scheme(
    'Tango Dark',
    { background: '#000000', foreground: '#D3D7CF', cursorColor: '#FFFFFF', selectionBackground: '#FFFFFF40' },
    TANGO,
  ),
  scheme(
    'Tango Light',
    { background: '#FFFFFF', foreground: '#555753', cursorColor: '#000000', selectionBackground: '#55575330' },
    TANGO,
  ),
  scheme(
    'Dracula',
    { background: '#282A36', foreground: '#F8F8F2', cursorColor: '#F8F8F2', selectionBackground: '#44475A' },
    [
      '#21222C', '#FF5555', '#50FA7B', '#F1FA8C', '#BD93F9', '#FF79C6', '#8BE9FD', '#F8F8F2',
      '#6272A4', '#FF6E6E', '#69FF94', '#FFFFA5', '#D6ACFF', '#FF92DF', '#A4FFFF', '#FFFFFF',
    ],
  ),
  scheme(
    'Nord',
    { background: '#2E3440', foreground: '#D8DEE9', cursorColor: '#D8DEE9', selectionBackground: '#434C5E' },
    [
      '#3B4252', '#BF616A', '#A3BE8C', '#EBCB8B', '#81A1C1', '#B48EAD', '#88C0D0', '#E5E9F0',
      '#4C566A', '#BF616A', '#A3BE8C', '#EBCB8B', '#81A1C1', '#B48EAD', '#8FBCBB', '#ECEFF4',
    ],
  ),
  scheme(
    'Gruvbox Dark',
    { background: '#282828', foreground: '#EBDBB2', cursorColor: '#EBDBB2', selectionBackground: '#665C54' },
    [
      '#282828', '#CC241D', '#98971A', '#D79921', '#458588', '#B16286', '#689D6A', '#A89984',
      '#928374', '#FB4934', '#B8BB26', '#FABD2F', '#83A598', '#D3869B', '#8EC07C', '#EBDBB2',
    ],
  ),
];

/** `theme` values of the first versions, kept so their files stay valid. */
const ALIASES: Readonly<Record<string, string>> = { dark: 'Tabterm Dark', light: 'Tabterm Light' };

export const DEFAULT_SCHEME = BUILT_IN_SCHEMES[0] as ColorScheme;

/** The scheme `theme` names: the user's own first (one may replace a built-in), else a built-in; null if none. */
export function findScheme(theme: string, userSchemes: readonly ColorScheme[]): ColorScheme | null {
  const name = ALIASES[theme] ?? theme;
  return (
    userSchemes.findLast((s) => s.name === name) ?? BUILT_IN_SCHEMES.find((s) => s.name === name) ?? null
  );
}

/** Every name `theme` may take now, for messages and the settings page. */
export function schemeNames(userSchemes: readonly ColorScheme[]): string[] {
  return [...new Set([...BUILT_IN_SCHEMES.map((s) => s.name), ...userSchemes.map((s) => s.name)])];
}

/** [r, g, b] 0-255 of "#rgb", "#rrggbb" or "#rrggbbaa" (alpha ignored). */
export function rgbOf(hex: string): [number, number, number] {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits.slice(0, 6);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A light scheme: its background is brighter than its text. */
export function isLightScheme(scheme: Pick<ColorScheme, 'background' | 'foreground'>): boolean {
  return luminance(scheme.background) > luminance(scheme.foreground);
}

/** `from` moved `amount` (0-1) of the way to `to`, as "#rrggbb". */
export function mixColours(from: string, to: string, amount: number): string {
  const a = rgbOf(from);
  const b = rgbOf(to);
  return `#${a
    .map((c, i) => Math.round(c + ((b[i] ?? c) - c) * amount))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}
