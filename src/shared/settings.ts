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

export const Settings = z.strictObject({
  /** null: the platform's default shell (src/main/hub/default-shell.ts: login shell on macOS, $SHELL on Linux, PowerShell on Windows). */
  shell: z.string().min(1).nullable().default(null),
  /** Empty: the default shell's own arguments (-l on macOS); else these replace them. */
  shellArgs: z.array(z.string()).default([]),
  /** xterm scrollback in each tab. */
  scrollbackLines: z.number().int().min(0).max(200_000).default(10_000),
  /** Lines each session keeps for replay (DESIGN.md §4). */
  ringLines: z.number().int().min(100).max(100_000).default(2000),
  fontFamily: z.string().min(1).max(200).default('"DejaVu Sans Mono", Menlo, Consolas, monospace'),
  fontSize: z.number().min(6).max(72).default(14),
  theme: z.enum(['dark', 'light']).default('dark'),
  renderer: z.enum(['auto', 'webgl', 'dom']).default('auto'),
  maxSessions: z.number().int().min(1).max(1000).default(100),
  /** Overrides of the platform defaults: accelerator ("Ctrl+Shift+T", "Cmd+1") → command, or "" to unbind. */
  keybindings: z.record(z.string().min(1).max(64), z.union([CommandId, z.literal('')])).default({}),
  confirmQuit: z.boolean().default(true),
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return Settings.parse({});
}
