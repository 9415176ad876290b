// What the session host needs from a pseudo-terminal. pty-adapter.ts implements it with node-pty; everything
// else codes against this interface, so it can be unit-tested with a fake.

export interface PtySpawnOptions {
  /** An absolute path to an executable (spawn-check.ts resolves and checks it first). */
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

export interface PtyExit {
  /** Null when the process was ended by a signal. */
  exitCode: number | null;
  signal: number | null;
}

export interface PtyProcess {
  readonly pid: number;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stop reading the master: the kernel buffer fills and the program blocks on write. Nothing is lost. */
  pause(): void;
  resume(): void;
  /** Signal the shell only (node-pty semantics); kill/process-killer.ts ends the whole tree. */
  kill(signal: NodeJS.Signals): void;
  /**
   * Forget input written but not yet taken by the terminal, and take no more. node-pty retries queued
   * input on the numeric descriptor even after the PTY closed, so once a new PTY reuses the number the
   * rest would be typed into another session (microsoft/node-pty#220). Called before a session is ended.
   */
  dropPendingInput?(): void;
  /** The name of the terminal's foreground process, as node-pty sees it. */
  readonly processName: string;
  onData(listener: (data: string) => void): void;
  /** Fires once, after all output has been delivered through onData. */
  onExit(listener: (exit: PtyExit) => void): void;
}

export type PtySpawner = (options: PtySpawnOptions) => PtyProcess;
