// User settings (settings.json in the data directory), shared by main (which loads and validates the
// file) and the renderer (which applies font, theme, renderer and keybindings).
import { z } from 'zod';

/** Renderer command ids that keys and menus invoke. */
export const CommandId = z.enum([
  'tab.new',
  'tab.close',
  'tab.next',
  'tab.previous',
  'tab.goto1',
  'tab.goto2',
  'tab.goto3',
  'tab.goto4',
  'tab.goto5',
  'tab.goto6',
  'tab.goto7',
  'tab.goto8',
  'tab.goto9',
  'tab.rename',
  'tab.moveToWorkspace',
  'tab.moveToNewWindow',
  'workspace.new',
  'window.new',
  'terminal.find',
  'terminal.copy',
  'terminal.paste',
  'terminal.clear',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
]);
export type CommandId = z.infer<typeof CommandId>;

// The descriptions are what editors show while completing settings.json (through the JSON Schema generated
// from this object, src/main/settings/settings-schema.ts), so they are written for the user.
export const Settings = z.strictObject({
  shell: z
    .string()
    .min(1)
    .nullable()
    .default(null)
    .describe(
      "The program new tabs start: an absolute path or a name found in PATH. null: the platform's default (macOS: your login shell, started with -l; Linux: $SHELL; Windows: PowerShell 7, else Windows PowerShell, else COMSPEC).",
    ),
  shellArgs: z
    .array(z.string())
    .default([])
    .describe(
      "Arguments for the shell. Empty: the default shell's own (-l on macOS); otherwise these replace them.",
    ),
  scrollbackLines: z
    .number()
    .int()
    .min(0)
    .max(200_000)
    .default(10_000)
    .describe('Lines each terminal keeps to scroll back through.'),
  ringLines: z
    .number()
    .int()
    .min(100)
    .max(100_000)
    .default(2000)
    .describe(
      'Lines of output each session keeps to replay after a reload or restart. Takes effect at the next start.',
    ),
  fontFamily: z
    .string()
    .min(1)
    .max(200)
    .default('"DejaVu Sans Mono", Menlo, Consolas, monospace')
    .describe('CSS font family of the terminal.'),
  fontSize: z.number().min(6).max(72).default(14).describe('Font size of the terminal, in CSS pixels.'),
  theme: z.enum(['dark', 'light']).default('dark').describe('Colours of the terminal and the window.'),
  renderer: z
    .enum(['auto', 'webgl', 'dom'])
    .default('auto')
    .describe('How terminals draw: auto (WebGL where it works, else DOM), webgl or dom.'),
  maxSessions: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .describe('The most sessions open at once; a new tab beyond it is refused with a message.'),
  keybindings: z
    .record(z.string().min(1).max(64), z.union([CommandId, z.literal('')]))
    .default({})
    .describe(
      'Changes to the platform\'s keys: an accelerator ("Ctrl+Shift+T", "Cmd+1", "Alt+F") and the command it runs, or "" to give the key back to the shell.',
    ),
  confirmQuit: z.boolean().default(true).describe('Ask before quitting while a program runs in some tab.'),
  copyOnSelect: z
    .boolean()
    .nullable()
    .default(null)
    .describe(
      'Copy text to the clipboard as soon as it is selected in the terminal. null: the platform default (off on macOS, Windows and Linux).',
    ),
  rightClickAction: z
    .enum(['menu', 'paste', 'copyPaste'])
    .nullable()
    .default(null)
    .describe(
      'What a right-click in the terminal does: menu (the context menu), paste (paste the clipboard), copyPaste (copy the selection if there is one, else paste). null: the platform default (copyPaste on Windows, menu on macOS and Linux).',
    ),
  confirmMultilinePaste: z
    .boolean()
    .default(true)
    .describe(
      'Ask before pasting text with a line break (it would run as commands), even into a program that asked for bracketed paste.',
    ),
  confirmPasteOverChars: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .default(5000)
    .describe('Ask before pasting text longer than this many characters; 0: never ask for size alone.'),
  osc52: z
    .enum(['write', 'off'])
    .default('write')
    .describe(
      'Programs (tmux, neovim over SSH) may set the clipboard with OSC 52: write allows it (up to 1 MB), off ignores it. Reading the clipboard this way is never allowed.',
    ),
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return Settings.parse({});
}
