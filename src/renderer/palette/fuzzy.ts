// The command palette's matcher: the query's letters must appear in the text in order (spaces in the
// query are ignored, case too), and among the ways they can, the best is scored: letters that start a
// word ("nw tab" → New Tab) or follow the previous match count most; gaps cost a little. Pure.

export interface FuzzyMatch {
  score: number;
  /** Indexes in `text` of the matched characters, for highlighting. */
  positions: number[];
}

const MATCH = 1;
const WORD_START = 8;
const CONSECUTIVE = 8;
const TEXT_START = 4;
const GAP = 0.2;

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1] ?? '';
  const here = text[index] ?? '';
  if (!/[\p{L}\p{N}]/u.test(before)) return true;
  // camelCase and "zoomIn": a capital after a lower-case letter starts a word.
  return /\p{Ll}/u.test(before) && /\p{Lu}/u.test(here);
}

/** The best match of `query` in `text`, or null when its letters do not all appear in order. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const needle = [...query.toLowerCase().replace(/\s+/g, '')];
  if (needle.length === 0) return { score: 0, positions: [] };
  const chars = [...text];
  const lower = chars.map((c) => c.toLowerCase());
  const n = chars.length;
  const m = needle.length;
  if (m > n) return null;
  // best[i][j]: the best score with needle[0..i] matched and needle[i] at text index j (-Inf: impossible).
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
    const back = new Array<number>(n).fill(-1);
    for (let j = i; j < n; j++) {
      if (lower[j] !== needle[i]) continue;
      const bonus = MATCH + (isWordStart(text, j) ? WORD_START : 0);
      if (i === 0) {
        row[j] = bonus + (j === 0 ? TEXT_START : 0) - GAP * j;
        continue;
      }
      const previous = best[i - 1] as number[];
      for (let k = i - 1; k < j; k++) {
        const before = previous[k] ?? Number.NEGATIVE_INFINITY;
        if (before === Number.NEGATIVE_INFINITY) continue;
        const score = before + bonus + (k === j - 1 ? CONSECUTIVE : -GAP * (j - k - 1));
        if (score > (row[j] ?? Number.NEGATIVE_INFINITY)) {
          row[j] = score;
          back[j] = k;
        }
      }
    }
    best.push(row);
    from.push(back);
  }
  const last = best[m - 1] as number[];
  let end = -1;
  for (let j = 0; j < n; j++)
    if ((last[j] ?? Number.NEGATIVE_INFINITY) > (last[end] ?? Number.NEGATIVE_INFINITY)) end = j;
  if (end < 0 || last[end] === Number.NEGATIVE_INFINITY) return null;
  const positions: number[] = [];
  for (let i = m - 1, j = end; i >= 0; i--) {
    positions.unshift(j);
    j = (from[i] as number[])[j] ?? -1;
  }
  return { score: last[end] as number, positions };
}

/** The items that match, best first; ties keep their given order. An empty query keeps them all. */
export function fuzzyRank<T>(
  query: string,
  items: readonly T[],
  text: (item: T) => string,
): Array<{ item: T; match: FuzzyMatch }> {
  const ranked: Array<{ item: T; match: FuzzyMatch; order: number }> = [];
  items.forEach((item, order) => {
    const match = fuzzyMatch(query, text(item));
    if (match) ranked.push({ item, match, order });
  });
  ranked.sort((a, b) => b.match.score - a.match.score || a.order - b.order);
  return ranked.map(({ item, match }) => ({ item, match }));
}
