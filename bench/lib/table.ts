// The printed table: one row per figure, aligned columns, notes indented under their row.
import type { Figure, Target } from './figure';

const MARK_TEXT: Record<Figure['mark'], string> = {
  pass: 'pass',
  short: 'SHORT',
  info: '',
  error: 'ERROR',
};

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '-';
  const text = Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(value);
  return unit ? `${text} ${unit}` : text;
}

function formatTarget(target: Target | null, unit: string): string {
  if (!target) return '';
  return `${target.op === '<=' ? '≤' : '≥'} ${formatValue(target.value, unit)}`;
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ['Figure', 'Value', 'Target', 'Mark'];
  const rows = figures.map((f) => [
    f.label,
    formatValue(f.value, f.unit),
    formatTarget(f.target, f.unit),
    MARK_TEXT[f.mark],
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  ')];
  let group = '';
  figures.forEach((f, i) => {
    if (f.group !== group && i > 0) out.push('');
    group = f.group;
    out.push(line(rows[i] as string[]));
    if (f.note) out.push(`    ${f.note}`);
  });
  return out.join('\n');
}

export function tally(figures: readonly Figure[]): string {
  const count = (mark: Figure['mark']) => figures.filter((f) => f.mark === mark).length;
  return `${count('pass')} pass, ${count('short')} short, ${count('error')} not measured, ${count('info')} reference figures`;
}
