import { newId } from '../../../ids';
import { prepared } from '../sql-cache';
import type { Row } from '../commit/journal-writer';
import { issue } from '../validate/issue';
import { n, s, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';

const MEASURE_FIELDS: Record<string, string> = {
  salesTarget: 'sales',
  collectionsTarget: 'collections',
  newAccountsTarget: 'new_accounts',
  followupsTarget: 'followups',
  ordersTarget: 'orders',
};
const MONEY = new Set(['sales', 'collections']);

function periodKind(period: string): 'month' | 'quarter' | 'year' {
  return period.includes('Q') ? 'quarter' : period.length === 4 ? 'year' : 'month';
}

/**
 * 目标 per rep (or territory), period and measure. A sheet is either long (指标 + 目标值 columns) or
 * wide (销售目标, 回款目标 … columns); one row of a wide sheet becomes several targets. Money measures
 * are fen, counts are whole numbers. The (rep, territory, period, measure) tuple is unique.
 */
export const targetsKind: KindImpl = {
  kind: 'targets',

  normalize(r, ctx) {
    const v = r.values;
    let repId: string | null = null;
    let territoryId: string | null = null;
    const spec = (key: string) => ctx.fields.find((f) => f.key === key)!;
    if (s(v.rep)) {
      const rep = ctx.refs.rep(s(v.rep)!);
      if (rep.ok) repId = rep.id;
      else r.issues.push(refIssue(rep, spec('rep'), r.cols.rep ?? null, r.raw.rep ?? ''));
    }
    if (s(v.territory)) {
      const t = ctx.refs.territory(s(v.territory)!);
      if (t.ok) territoryId = t.id;
      else r.issues.push(refIssue(t, spec('territory'), r.cols.territory ?? null, r.raw.territory ?? ''));
    }
    const items: { measure: string; value: number }[] = [];
    if (s(v.measure) && v.value !== null && v.value !== undefined) {
      const measure = String(v.measure);
      const fen = n(v.value)!;
      items.push({ measure, value: MONEY.has(measure) ? fen : Math.round(fen / 100) });
      if (!MONEY.has(measure) && fen % 100 !== 0) r.issues.push(issue('error', 'INTEGER_FORMAT', r.cols.value ?? null, 'value', r.raw.value ?? '', '目标值：该指标应为整数', 'Value: this measure needs a whole number'));
    }
    for (const [field, measure] of Object.entries(MEASURE_FIELDS)) {
      const x = n(v[field]);
      if (x !== null) items.push({ measure, value: x });
    }
    for (const it of items) {
      if (it.value < 0) r.issues.push(issue('error', 'NEGATIVE', null, null, String(it.value), '目标值不能为负数', 'A target cannot be negative'));
    }
    if (s(v.period) && items.length === 0) r.issues.push(issue('error', 'REQUIRED', null, 'value', '', '这一行没有任何目标值', 'This row has no target value'));
    const rec: Rec = { repId, territoryId, period: s(v.period), items };
    const key = s(v.period) && (repId || territoryId) ? `u:t:${repId ?? ''}|${territoryId ?? ''}|${String(v.period)}|${items.map((i) => i.measure).sort().join(',')}` : null;
    return { record: rec, key, group: null };
  },

  findExisting(rec, ctx) {
    const items = rec.items as { measure: string; value: number }[];
    const rows = items
      .map((it) => prepared(ctx.core.sqlite, `select * from targets where rep_id is ? and territory_id is ? and period = ? and measure = ?`).get(rec.repId, rec.territoryId, rec.period, it.measure) as Row | undefined)
      .filter((x): x is Row => x !== undefined);
    if (rows.length === 0) return null;
    return { id: rows.map((r) => String(r.id)).join(','), label: `${String(rec.period)}`, row: Object.fromEntries(rows.map((r) => [String(r.measure), r.value ?? null])), unique: true };
  },

  changes(rec, existing) {
    const items = rec.items as { measure: string; value: number }[];
    return items.filter((it) => existing.row[it.measure] !== it.value).map((it) => ({ field: it.measure, before: existing.row[it.measure] ?? null, after: it.value }));
  },

  create(w, rec) {
    const items = rec.items as { measure: string; value: number }[];
    const ids: string[] = [];
    for (const it of items) {
      const id = newId(w.now);
      const period = String(rec.period);
      w.insert('targets', { id, rep_id: s(rec.repId), territory_id: s(rec.territoryId), period_kind: periodKind(period), period, measure: it.measure, value: it.value });
      ids.push(id);
    }
    return ids.join(',');
  },

  update(w, rec, _existing, changes) {
    for (const c of changes) {
      const row = prepared(w.core.sqlite, `select id from targets where rep_id is ? and territory_id is ? and period = ? and measure = ?`).get(rec.repId, rec.territoryId, rec.period, c.field) as { id: string } | undefined;
      const period = String(rec.period);
      if (row) w.update('targets', row.id, { value: c.after as number });
      else w.insert('targets', { id: newId(w.now), rep_id: s(rec.repId), territory_id: s(rec.territoryId), period_kind: periodKind(period), period, measure: c.field, value: c.after as number });
    }
  },
};
