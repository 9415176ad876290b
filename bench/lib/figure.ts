// One measured figure with its target and mark; the table and results.json are built from these.
import { round } from './stats';

export type Comparator = '<=' | '>=';

export interface Target {
  op: Comparator;
  value: number;
}

/** `pass`/`short` against a target; `info` has none (a reference or a breakdown); `error`: not measured. */
export type Mark = 'pass' | 'short' | 'info' | 'error';

export interface Figure {
  id: string;
  group: string;
  label: string;
  value: number | null;
  unit: string;
  target: Target | null;
  mark: Mark;
  note?: string;
}

export function meets(value: number, target: Target): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

export function measured(
  group: string,
  id: string,
  label: string,
  value: number,
  unit: string,
  target: Target | null = null,
  note?: string,
): Figure {
  const mark: Mark = target ? (meets(value, target) ? 'pass' : 'short') : 'info';
  return {
    id: `${group}.${id}`,
    group,
    label,
    value: round(value),
    unit,
    target,
    mark,
    ...(note ? { note } : {}),
  };
}

export function notMeasured(group: string, id: string, label: string, reason: string): Figure {
  return {
    id: `${group}.${id}`,
    group,
    label,
    value: null,
    unit: '',
    target: null,
    mark: 'error',
    note: reason,
  };
}

export function atMost(value: number): Target {
  return { op: '<=', value };
}

export function atLeast(value: number): Target {
  return { op: '>=', value };
}
