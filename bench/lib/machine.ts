// The machine a run happened on, for results.json: figures mean little without it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryMB: number;
  node: string;
  chromium: string | null;
  os: string;
  /** Open-file limit of the bench (the 200-session test needs headroom: ~3 descriptors per session). */
  openFilesLimit: string;
  /** 1, 5 and 15 minute load averages when the run ended: other work on the machine skews figures. */
  loadAverage: number[];
}

function openFilesLimit(): string {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits);
    return match ? `${match[1]} (hard ${match[2]})` : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function chromiumVersionFromBinary(path: string): string | null {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /Chromium [\d.]+/.exec(out)?.[0] ?? (out.trim() || null);
  } catch {
    return null;
  }
}

export function loadAverage(): number[] {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

export function machineInfo(chromium: string | null): MachineInfo {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryMB: Math.round(totalmem() / (1024 * 1024)),
    node: process.version,
    chromium,
    os: `${process.platform} ${release()}`,
    openFilesLimit: openFilesLimit(),
    loadAverage: loadAverage(),
  };
}
