// Which process-table backend the session host uses, chosen once at start by what the platform has
// (DESIGN.md §9): Windows' tooling on Windows; /proc where it can be read (Linux); `ps` elsewhere (macOS,
// the BSDs) or where /proc is hidden; none when even `ps` does not answer. TABTERM_PROCESS_TABLE forces one
// (proc, ps, windows, none), and TABTERM_PROC_ROOT moves /proc (tests hide it from a real host this way).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { noSource } from './no-source';
import { createProcFs } from './proc-fs';
import { procSource } from './proc-source';
import type { ProcessSource, ProcessSourceKind } from './process-source';
import { flavourOf, psSource } from './ps-source';
import { windowsSource } from './windows-source';

export interface SourceChoice {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a path exists (for /proc). */
  exists?: (path: string) => boolean;
  /** Whether `ps` runs here. */
  psWorks?: () => boolean;
}

const KINDS: readonly ProcessSourceKind[] = ['proc', 'ps', 'windows', 'none'];

function psAnswers(): boolean {
  try {
    execFileSync('ps', ['-o', 'pid=', '-p', String(process.pid)], { stdio: 'pipe', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/** The backend's kind for this platform (pure, tested for every platform). */
export function sourceKind(choice: SourceChoice): ProcessSourceKind {
  const forced = choice.env.TABTERM_PROCESS_TABLE;
  if (forced && (KINDS as readonly string[]).includes(forced)) return forced as ProcessSourceKind;
  if (choice.platform === 'win32') return 'windows';
  const root = choice.env.TABTERM_PROC_ROOT ?? '/proc';
  if ((choice.exists ?? existsSync)(`${root}/self/stat`)) return 'proc';
  return (choice.psWorks ?? psAnswers)() ? 'ps' : 'none';
}

export function chooseSource(choice: SourceChoice): ProcessSource {
  const kind = sourceKind(choice);
  switch (kind) {
    case 'proc':
      return procSource(createProcFs(choice.env.TABTERM_PROC_ROOT ?? '/proc'));
    case 'ps':
      return psSource(flavourOf(choice.platform));
    case 'windows':
      return windowsSource();
    case 'none':
      return noSource;
    default:
      return kind satisfies never;
  }
}
