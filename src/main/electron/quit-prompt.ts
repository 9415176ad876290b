// The question asked before quitting while programs run in tabs (DESIGN.md §5: nothing Tabterm started
// outlives it, so the user should know what will be ended). Pure: main.ts shows it with dialog.

export interface RunningProgram {
  title: string;
  command: string;
}

export interface QuitPrompt {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
  /** Index of "Quit". */
  defaultId: 0;
  /** Index of "Cancel" (also Esc / closing the dialog). */
  cancelId: 1;
  noLink: true;
}

const LISTED = 8;

/** null when nothing needs confirming. */
export function quitPrompt(running: readonly RunningProgram[], confirmQuit: boolean): QuitPrompt | null {
  if (!confirmQuit || running.length === 0) return null;
  const lines = running
    .slice(0, LISTED)
    .map(({ title, command }) => (title === command ? `• ${command}` : `• ${command} (in "${title}")`));
  if (running.length > LISTED) lines.push(`• and ${running.length - LISTED} more`);
  const count = running.length === 1 ? 'A program is' : `${running.length} programs are`;
  return {
    type: 'warning',
    title: 'Quit Tabterm',
    message: `${count} still running. Quit and end ${running.length === 1 ? 'it' : 'them'}?`,
    detail: lines.join('\n'),
    buttons: ['Quit', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}
