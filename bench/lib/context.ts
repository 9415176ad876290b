// What every figure group gets from the runner, and what it gives back.
import type { Browser } from '@playwright/test';
import type { Figure } from './figure';

export interface BenchConfig {
  quick: boolean;
  /** Size of the file `cat` prints for throughput. */
  fileBytes: number;
  echoKeys: number;
  interruptTrials: number;
  switchTrials: number;
  replayTrials: number;
  ringLines: number;
  spawnSessions: number;
  memorySessions: number;
  cpuSessions: number;
  cpuWindowMs: number;
  shutdownSessions: number;
}

export const FULL: BenchConfig = {
  quick: false,
  fileBytes: 200_000_000,
  echoKeys: 200,
  interruptTrials: 5,
  switchTrials: 20,
  replayTrials: 5,
  ringLines: 2000,
  spawnSessions: 100,
  memorySessions: 200,
  cpuSessions: 50,
  // CPU time is counted in 10 ms ticks: over 10 s one tick is 0.1 % of a core, so idle figures near the
  // 1 % target swung 0.8–1.3 % between runs; 30 s makes a tick 0.03 %.
  cpuWindowMs: 30_000,
  shutdownSessions: 100,
};

export const QUICK: BenchConfig = {
  quick: true,
  fileBytes: 20_000_000,
  echoKeys: 50,
  interruptTrials: 3,
  switchTrials: 10,
  replayTrials: 3,
  ringLines: 2000,
  spawnSessions: 30,
  memorySessions: 50,
  cpuSessions: 20,
  cpuWindowMs: 5_000,
  shutdownSessions: 24,
};

export interface BenchContext {
  config: BenchConfig;
  /** One Chromium for the whole run, launched on first use. */
  browser(): Promise<Browser>;
  /** A scratch directory for generated files, removed after the run. */
  workDir: string;
  log(line: string): void;
}

export interface GroupResult {
  figures: Figure[];
  /** Everything else worth keeping in results.json (samples, sizes, how it was measured). */
  details: Record<string, unknown>;
}

export interface FigureGroup {
  id: string;
  title: string;
  run(context: BenchContext): Promise<GroupResult>;
}
