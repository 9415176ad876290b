// Quoting a dropped file's path for the shell it is typed into. The kind comes from the tab's shell
// (terminal_ready names it), not from the system: Git Bash on Windows wants POSIX quoting, PowerShell
// on Linux wants PowerShell's.
export type ShellKind = 'posix' | 'powershell' | 'cmd';

/** The program's name without folder or .exe, lower case, from either kind of path separator. */
function programName(shell: string): string {
  const base = shell.split(/[\\/]/).at(-1) ?? shell;
  return base.toLowerCase().replace(/\.(exe|cmd|bat|com)$/, '');
}

export function shellKindOf(shell: string): ShellKind {
  const name = programName(shell.trim());
  if (name === 'pwsh' || name === 'powershell' || name === 'pwsh-preview') return 'powershell';
  if (name === 'cmd') return 'cmd';
  return 'posix';
}

export function quoteForShell(text: string, kind: ShellKind): string {
  switch (kind) {
    case 'posix':
      // Inside single quotes nothing is special; a quote itself closes, is escaped, and reopens.
      return `'${text.replaceAll("'", `'\\''`)}'`;
    case 'powershell':
      // Single-quoted strings are verbatim; a quote is doubled. PowerShell also reads the curly
      // single quotes as quotes, so they are doubled too.
      return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
    case 'cmd':
      // cmd has no escape inside double quotes, and a file name cannot hold a double quote on
      // Windows: drop any, rather than let one end the quoting.
      return `"${text.replaceAll('"', '')}"`;
    default:
      return kind satisfies never;
  }
}

/** What dropping these files types: each quoted, space-separated, with a space after to go on typing. */
export function dropText(paths: readonly string[], kind: ShellKind): string {
  const quoted = paths.filter((path) => path !== '').map((path) => quoteForShell(path, kind));
  return quoted.length === 0 ? '' : `${quoted.join(' ')} `;
}
