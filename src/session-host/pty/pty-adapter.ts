// The only module that imports node-pty (DESIGN.md §1): a thin wrapper that turns its API into PtyProcess.
import * as nodePty from 'node-pty';
import type { PtyExit, PtyProcess, PtySpawner, PtySpawnOptions } from './pty-process';

/**
 * The queue of input node-pty has not written yet (`_writeStream._writeQueue`, lib/unixTerminal.js), or null
 * if this node-pty keeps it elsewhere (Windows). Private, so looked up defensively; pinned by
 * test/integration/hardening-input-race.test.ts.
 */
function pendingInputQueue(pty: object): unknown[] | null {
  const stream: unknown = Reflect.get(pty, '_writeStream');
  if (typeof stream !== 'object' || stream === null) return null;
  const queue: unknown = Reflect.get(stream, '_writeQueue');
  return Array.isArray(queue) ? queue : null;
}

/**
 * Whether this node-pty carries our write fence (patches/node-pty+*.patch: writes stop once the terminal's
 * descriptor is closed). An install that skipped the patch (`npm install --ignore-scripts`) is vulnerable to
 * input reaching another tab, so the host says so in its log.
 */
export function ptyHasWriteFence(pty: object): boolean {
  if (process.platform === 'win32') return true;
  const stream: unknown = Reflect.get(pty, '_writeStream');
  return (
    typeof stream === 'object' && stream !== null && typeof Reflect.get(stream, '_isOpen') === 'function'
  );
}

let fenceChecked = false;

export const spawnPty: PtySpawner = (options: PtySpawnOptions): PtyProcess => {
  const pty = nodePty.spawn(options.file, options.args, {
    name: options.env.TERM ?? 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
  });
  if (!fenceChecked) {
    fenceChecked = true;
    if (!ptyHasWriteFence(pty)) {
      process.stderr.write(
        'node-pty lacks the patch Tabterm carries (input could reach another tab): reinstall with `npm ci`\n',
      );
    }
  }
  let inputOpen = true;
  return {
    get pid() {
      return pty.pid;
    },
    get processName() {
      return pty.process;
    },
    write: (data) => {
      if (inputOpen) pty.write(data);
    },
    dropPendingInput: () => {
      inputOpen = false;
      // Emptied in place: a write in flight finds nothing more to write when it completes.
      const queue = pendingInputQueue(pty);
      if (queue) queue.length = 0;
    },
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
