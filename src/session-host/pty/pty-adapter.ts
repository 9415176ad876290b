// The only module that imports node-pty (DESIGN.md §1): a thin wrapper that turns its API into PtyProcess.
import * as nodePty from 'node-pty';
import type { PtyExit, PtyProcess, PtySpawner, PtySpawnOptions } from './pty-process';

export const spawnPty: PtySpawner = (options: PtySpawnOptions): PtyProcess => {
  const pty = nodePty.spawn(options.file, options.args, {
    name: options.env.TERM ?? 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
  });
  return {
    get pid() {
      return pty.pid;
    },
    get processName() {
      return pty.process;
    },
    write: (data) => pty.write(data),
    resize: (cols, rows) => pty.resize(cols, rows),
    pause: () => pty.pause(),
    resume: () => pty.resume(),
    kill: (signal) => pty.kill(signal),
    onData: (listener) => {
      pty.onData(listener);
    },
    onExit: (listener) => {
      pty.onExit(({ exitCode, signal }) => {
        // node-pty reports signal 0 (or undefined) for a normal exit and exitCode 0 for a signalled one.
        const exit: PtyExit = signal ? { exitCode: null, signal } : { exitCode, signal: null };
        listener(exit);
      });
    },
  };
};
