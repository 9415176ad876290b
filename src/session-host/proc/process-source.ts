// The one port through which the session host asks the OS about processes (DESIGN.md §9): the process
// table (for ending a session's every process, and finding what a dead host left), the terminal's
// foreground program (running/idle, the quit and close confirmations) and a process's working directory.
// A backend per platform, chosen at start by choose-source.ts: Linux /proc, `ps` (macOS, the BSDs, and
// Linux too), Windows' own tooling, and none at all (then the reaper signals the terminal's process group,
// and status comes from node-pty's foreground process name).
import type { ProcessInfo } from './process-tree';

export type ProcessSourceKind = 'proc' | 'ps' | 'windows' | 'none';

/** What the terminal's foreground is (DESIGN.md §3). */
export interface Foreground {
  /** False when the shell itself is in the foreground, waiting at its prompt. */
  running: boolean;
  /** The foreground program's name (null if unknown: its group leader already exited). */
  command: string | null;
  /** The foreground process's working directory (the shell's when idle); null when unknown. */
  cwd: string | null;
  /** The foreground process group (for a redraw signal); null where the platform has none. */
  group: number | null;
}

export interface ProcessSource {
  readonly kind: ProcessSourceKind;
  /** Whether the backend can say what the foreground program is (else node-pty's name is used). */
  readonly knowsForeground: boolean;
  /** Whether the platform has process groups (POSIX) — the reaper signals them. */
  readonly groups: boolean;
  /**
   * Every process the user can see, with its Tabterm marker when `markers` (markers are what the reaper
   * needs; status polling does not). Null when no table can be read at all.
   */
  list(markers: boolean): Promise<ProcessInfo[] | null>;
  /**
   * The terminal's foreground, seen from its shell. `shellComm` is the shell's name as first seen: a shell
   * pid with another name was replaced by `exec`. Null when the shell is gone or it cannot be told.
   */
  foreground(shellPid: number, shellComm: string): Promise<Foreground | null>;
}
