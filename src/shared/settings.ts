// User settings (settings.json in the data directory), shared by main (which loads and validates the
// file) and the renderer (which applies font, theme, renderer and keybindings).
import { z } from 'zod';
import { ColorOverrides, ColorScheme } from './color-schemes';

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
  'theme.import',
  'settings.open',
  'palette.open',
]);
export type CommandId = z.infer<typeof CommandId>;

/** What names a profile (in settings, in a tab's `profile`, in the palette): printable, 1–64 characters. */
export const ProfileName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'a profile name is 1-64 printable characters')
  .refine((name) => name.trim() === name, 'a profile name has no spaces at either end');

const ProfileLook = {
  icon: z
    .string()
    .min(1)
    .max(8)
    .optional()
    .describe('A short mark shown before the tab title: an emoji or one or two letters.'),
  tabColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb')
    .optional()
    .describe("The colour of the tab's mark, #rrggbb."),
};

export const ShellProfile = z.strictObject({
  name: ProfileName.describe('The name menus and the command palette show; unique among profiles.'),
  command: z.string().min(1).describe('The program to start: an absolute path or a name found in PATH.'),
  args: z.array(z.string()).default([]).describe('Its arguments.'),
  cwd: z
    .string()
    .min(1)
    .optional()
    .describe('Where a new tab of this profile starts ("~" is your home folder); else where you are.'),
  env: z
    .record(
      z
        .string()
        .min(1)
        .regex(/^[^=\0]+$/, 'a variable name has no "=" or NUL'),
      z.string(),
    )
    .default({})
    .describe('Variables set for the program, over the environment Tabterm was started with.'),
  ...ProfileLook,
});
export type ShellProfile = z.infer<typeof ShellProfile>;

export const SshProfile = z.strictObject({
  name: ProfileName.describe('The name menus and the command palette show; unique among profiles.'),
  ssh: z
    .strictObject({
      // A leading "-" would be read by ssh as an option (-oProxyCommand=… runs a program).
      host: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^-\s][^\s]*$/, 'a host is user@host or host, without spaces or a leading "-"')
        .describe('user@host, or host.'),
      port: z.number().int().min(1).max(65535).optional().describe('The port, when not 22.'),
    })
    .describe('Runs ssh (found in PATH; on Windows the OpenSSH in System32) to this host.'),
  args: z
    .array(z.string())
    .default([])
    .describe('Extra options for ssh, before the host ("-A", "-i", "key").'),
  ...ProfileLook,
});
export type SshProfile = z.infer<typeof SshProfile>;

export const Profile = z.union([ShellProfile, SshProfile]);
export type Profile = z.infer<typeof Profile>;

export function isSshProfile(profile: Profile): profile is SshProfile {
  return 'ssh' in profile;
}

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
  fontWeight: z
    .union([z.enum(['normal', 'bold']), z.number().int().min(100).max(900).multipleOf(100)])
    .default('normal')
    .describe('Weight of normal text: "normal", "bold" or 100-900 in steps of 100.'),
  fontWeightBold: z
    .union([z.enum(['normal', 'bold']), z.number().int().min(100).max(900).multipleOf(100)])
    .default('bold')
    .describe('Weight of bold text: "normal", "bold" or 100-900 in steps of 100.'),
  lineHeight: z.number().min(1).max(3).default(1).describe('Line height, a multiple of the font size (1-3).'),
  ligatures: z
    .boolean()
    .default(false)
    .describe(
      'Draw programming ligatures (=>, !=, ...) where the font has them: a list of the common ones always, the whole font where the page may read local fonts.',
    ),
  theme: z
    .string()
    .min(1)
    .max(100)
    .default('dark')
    .describe(
      'Colour scheme of the terminal and the window: a built-in one ("Tabterm Dark" or "dark", "Tabterm Light" or "light", "Campbell", "One Half Dark", "One Half Light", "Solarized Dark", "Solarized Light", "Tango Dark", "Tango Light", "Dracula", "Nord", "Gruvbox Dark") or the name of one in colorSchemes.',
    ),
  colorSchemes: z
    .array(ColorScheme)
    .max(200)
    .default([])
    .describe(
      "Your own colour schemes, in Windows Terminal's shape (name, foreground, background, cursorColor, selectionBackground, black ... brightWhite); select one with theme.",
    ),
  colors: ColorOverrides.default({}).describe(
    'Single colours laid over the scheme in use, e.g. { "background": "#101010", "red": "#ff5555" }.',
  ),
  cursorStyle: z.enum(['block', 'underline', 'bar']).default('block').describe('Shape of the cursor.'),
  cursorBlink: z.boolean().default(true).describe('Whether the cursor blinks.'),
  screenReaderMode: z
    .union([z.boolean(), z.literal('auto')])
    .default('auto')
    .describe(
      'Make terminal output readable by screen readers. auto: on while the operating system reports a screen reader (desktop app), off in the browser host.',
    ),
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
  profiles: z
    .array(Profile)
    .default([])
    .refine(
      (profiles) => new Set(profiles.map((p) => p.name.toLowerCase())).size === profiles.length,
      'profile names must be unique',
    )
    .describe(
      'Programs a new tab can start besides the default shell: {name, command, args, cwd, env, icon, tabColor}, or an SSH connection {name, ssh: {host, port}, args}. Shown in the New-tab menu and the command palette, after the shells found on this machine.',
    ),
  defaultProfile: ProfileName.nullable()
    .default(null)
    .describe(
      'The profile new tabs start (a name from profiles, or a detected shell such as "bash"). null: the shell setting, else the platform\'s default shell.',
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
      'What a right-click in the terminal does: menu (the context menu), paste (paste the clipboard), copyPaste (copy the selection if there is one, else paste). null: menu, on every system.',
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
