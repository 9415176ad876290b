// The soak's verdict: each target with what was measured, as a small table, and whether all were met.

export interface Target {
  name: string;
  /** What was measured, for people ("112 → 112"). */
  measured: string;
  /** What had to hold ("≤ baseline"). */
  target: string;
  ok: boolean;
}

export function formatTargets(targets: Target[]): string {
  const header = ['target', 'measured', 'required', 'ok'];
  const rows = targets.map((t) => [t.name, t.measured, t.target, t.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Growth from `before` to `after` as a fraction (0.05 = 5 %). */
export function growth(before: number, after: number): number {
  return before > 0 ? (after - before) / before : Number.NaN;
}

export function percent(fraction: number): string {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %`;
}
