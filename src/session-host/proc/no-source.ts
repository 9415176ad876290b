// No process table at all: the reaper signals the terminal's process group and asks node-pty to end the
// terminal (process-reaper.ts), and status comes from node-pty's foreground process name (session.ts).
import type { ProcessSource } from './process-source';

export const noSource: ProcessSource = {
  kind: 'none',
  knowsForeground: false,
  groups: true,
  list: async () => null,
  foreground: async () => null,
};
