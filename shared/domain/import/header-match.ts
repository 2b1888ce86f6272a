import { KIND_SPECS, type FieldSpec } from './fields';
import type { ImportKind } from './kinds';
import { toHalfWidth } from './text-clean';

/**
 * Column headers → fields. Headers are normalised before matching: full-width → half-width, lower
 * case, required markers (*, ※) and hints like (必填) dropped, units in brackets read off (金额（万元）
 * → factor 10000, 折扣(%)), spaces and punctuation removed ("订单 ID" ≡ "订单id").
 */
export interface HeaderInfo {
  /** The header as shown (joined two-row headers read "回款/金额"). */
  text: string;
  key: string;
  /** Multiplier for amounts taken from a unit in the header (万元 → 10000), 1 when none. */
  unitFactor: number;
  required: boolean;
}

const UNIT_FACTORS: Record<string, number> = { 元: 1, 人民币元: 1, rmb: 1, cny: 1, 千元: 1000, 万元: 10000, 万: 10000, 百万元: 1_000_000, 亿元: 100_000_000, 亿: 100_000_000 };
const HINTS = /[([【](必填|选填|可选|非必填|必输|可不填|required|optional)[)\]】]/gi;

export function normalizeHeader(raw: string): HeaderInfo {
  let text = toHalfWidth(raw).replace(/\s+/g, ' ').trim();
  const required = /[*※]/.test(text) || /[([【](必填|必输|required)[)\]】]/i.test(text);
  let t = text.toLowerCase().replace(/[*※]/g, '').replace(HINTS, '');
  let unitFactor = 1;
  t = t.replace(/[([【]\s*(?:单位\s*[:：]?\s*)?([^()[\]【】]{1,6})\s*[)\]】]/g, (whole, unit: string) => {
    const u = unit.trim().replace(/^单位[:：]?/, '');
    if (u in UNIT_FACTORS) {
      unitFactor = UNIT_FACTORS[u]!;
      return '';
    }
    if (u === '%' || u === '天' || u === '日' || u === '个' || u === '次' || u === '人') return '';
    return whole;
  });
  t = t.replace(/^单位[:：]\s*(万元|元|千元)$/, '');
  const key = t.replace(/[\s_\-:：.·、,()（）[\]【】"'“”‘’]/g, '');
  text = text.replace(/\s*[*※]\s*/g, '').trim();
  return { text, key, unitFactor, required };
}

const keyCache = new Map<string, string>();
function synonymKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = normalizeHeader(s).key;
    keyCache.set(s, k);
  }
  return k;
}

export interface FieldMatch {
  field: string;
  /** 1 exact synonym, 0.8 a joined two-row header matched by its parts, 0.6 a synonym inside a longer header. */
  confidence: number;
}

function exactMatch(fields: readonly FieldSpec[], key: string): string | null {
  if (!key) return null;
  for (const field of fields) if (field.synonyms.some((s) => synonymKey(s) === key)) return field.key;
  return null;
}

/** The best field for one header, or null. */
export function matchHeader(kind: ImportKind, header: string): FieldMatch | null {
  const fields = KIND_SPECS[kind].fields;
  const info = normalizeHeader(header);
  const exact = exactMatch(fields, info.key.replaceAll('/', ''));
  if (exact) return { field: exact, confidence: 1 };
  // Joined two-row headers ("回款/金额"): the whole without the slash, then the child, then the parent.
  if (info.key.includes('/')) {
    const parts = info.key.split('/').filter(Boolean);
    const exactSlash = exactMatch(fields, info.key);
    if (exactSlash) return { field: exactSlash, confidence: 1 };
    for (const part of [parts[parts.length - 1], parts[0]]) {
      const m = part ? exactMatch(fields, part) : null;
      if (m) return { field: m, confidence: 0.8 };
    }
  }
  // A synonym inside a longer header ("客户名称（全称）", "联系电话/手机"): the longest one wins.
  let best: { field: string; len: number } | null = null;
  for (const field of fields) {
    for (const s of field.synonyms) {
      const k = synonymKey(s);
      if (k.length >= 2 && info.key.includes(k) && (!best || k.length > best.len)) best = { field: field.key, len: k.length };
    }
  }
  return best && best.len >= Math.min(3, info.key.length) ? { field: best.field, confidence: 0.6 } : null;
}

export interface ColumnMapping {
  column: number;
  field: string | null;
  confidence: number;
}

/**
 * Maps every column; when two columns claim one field the more confident (then the leftmost) keeps
 * it and the other stays unmapped for the user to decide.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping[] {
  const matches = headers.map((h, column) => ({ column, m: h.trim() ? matchHeader(kind, h) : null }));
  const owner = new Map<string, { column: number; confidence: number }>();
  for (const { column, m } of matches) {
    if (!m) continue;
    const cur = owner.get(m.field);
    if (!cur || m.confidence > cur.confidence) owner.set(m.field, { column, confidence: m.confidence });
  }
  return matches.map(({ column, m }) => {
    if (!m || owner.get(m.field)?.column !== column) return { column, field: null, confidence: 0 };
    return { column, field: m.field, confidence: m.confidence };
  });
}

/** Which required groups the mapping leaves empty (each group as its field keys). */
export function missingRequired(kind: ImportKind, mappedFields: readonly string[]): string[][] {
  const set = new Set(mappedFields);
  return KIND_SPECS[kind].requiredAnyOf.filter((group) => !group.some((k) => set.has(k))).map((g) => [...g]);
}
