import { toHalfWidth } from './text-clean';

/**
 * Suggestions for a name that matched nothing ("张三丰" when the rep is 张三, "杭州某某科技" when the
 * account is 杭州某某科技有限公司): edit distance on normalised names, plus containment, best first.
 */
const SUFFIXES = /(股份有限公司|有限责任公司|有限公司|集团|公司|分公司|工作室|商行|经营部)$/;

export function nameKey(name: string): string {
  return toHalfWidth(name).toLowerCase().replace(/[\s()（）·.,，、-]/g, '');
}

function coreName(name: string): string {
  return nameKey(name).replace(SUFFIXES, '');
}

export function editDistance(a: string, b: string, cap = 8): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export function nearMisses(query: string, candidates: readonly string[], limit = 3): string[] {
  const q = coreName(query);
  if (!q) return [];
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const c = coreName(name);
    if (!c) continue;
    let score: number;
    if (c === q) score = 0;
    else if (c.includes(q) || q.includes(c)) score = 0.5 + Math.abs(c.length - q.length) / Math.max(c.length, q.length);
    else {
      const d = editDistance(q, c, Math.max(1, Math.floor(Math.max(q.length, c.length) / 3)));
      if (d > Math.max(1, Math.floor(Math.max(q.length, c.length) / 3))) continue;
      score = 1 + d;
    }
    scored.push({ name, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
}
