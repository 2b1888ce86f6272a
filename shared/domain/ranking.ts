/**
 * 业绩排行: competition ranking ("1, 2, 2, 4"): equal values share a rank and the next rank skips.
 * Entries without a value (no target when ranking by attainment) are unranked and listed last.
 */

export interface RankItem {
  id: string;
  value: number | null;
  /** Tie-break for the listing order only (equal values still share a rank). */
  name: string;
}

export interface Ranked extends RankItem {
  rank: number | null;
}

export function rankItems(items: readonly RankItem[]): Ranked[] {
  const sorted = [...items].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.name.localeCompare(b.name, 'zh-CN') : 1) : -1;
    return b.value - a.value || a.name.localeCompare(b.name, 'zh-CN');
  });
  const out: Ranked[] = [];
  for (const [i, item] of sorted.entries()) {
    if (item.value === null) {
      out.push({ ...item, rank: null });
      continue;
    }
    const prev = out[i - 1];
    out.push({ ...item, rank: prev && prev.value === item.value ? prev.rank : i + 1 });
  }
  return out;
}

/** Places moved up since last period (positive = better); null when either rank is missing. */
export function rankChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return previous - current;
}
