import { dso, windowOf } from '../../../shared/domain/collection-days';
import { pick, type Lang } from '../../../shared/i18n/text';
import type { Core } from '../core';
import { openByGroup } from './ar-aging';

/**
 * Days-to-collect and DSO per account or rep over the last N months (shared/domain/collection-days
 * defines both; the weighted average is computed in SQL the same way: Σ amount × days / Σ amount over
 * the positive allocations of receipts made in the window, days from the order's confirmation).
 */
export function dsoReport(core: Core, input: { asOf?: string | undefined; months: number; groupBy: 'account' | 'rep'; limit: number }, lang: Lang = 'zh-CN') {
  const asOf = input.asOf ?? core.today();
  const w = windowOf(asOf, input.months);
  const key = input.groupBy === 'account' ? 'o.account_id' : 'o.rep_id';
  const collections = core.sqlite
    .prepare(
      `select ${key} as g, sum(a.amount_fen) as amount, sum(a.amount_fen * max(0, julianday(a.allocated_on) - julianday(o.confirmed_on))) as weighted
       from payment_allocations a join payments p on p.id = a.payment_id join orders o on o.id = a.order_id
       where a.amount_fen > 0 and p.kind = 'receipt' and a.allocated_on > @from and a.allocated_on <= @to
       group by g`,
    )
    .raw()
    .all({ from: w.from, to: w.to }) as [string | null, number, number][];
  const sales = core.sqlite
    .prepare(
      `select g, sum(s) from (
         select ${key} as g, o.total_fen as s from orders o
         where o.deleted_at is null and o.confirmed_on > @from and o.confirmed_on <= @to and (o.cancelled_on is null or o.cancelled_on > @to)
         union all
         select ${key} as g, -r.amount_fen as s from returns r join orders o on o.id = r.order_id
         where r.returned_on > @from and r.returned_on <= @to
       ) group by g`,
    )
    .raw()
    .all({ from: w.from, to: w.to }) as [string | null, number][];
  const open = openByGroup(core, asOf, input.groupBy);
  const groups = new Map<string | null, { collectedFen: number; weighted: number; salesFen: number; openFen: number }>();
  const get = (g: string | null) => {
    let e = groups.get(g);
    if (!e) groups.set(g, (e = { collectedFen: 0, weighted: 0, salesFen: 0, openFen: 0 }));
    return e;
  };
  for (const [g, amount, weighted] of collections) Object.assign(get(g), { collectedFen: amount, weighted });
  for (const [g, s] of sales) get(g).salesFen = s;
  for (const [g, o] of open) get(g).openFen = o;
  const table = input.groupBy === 'account' ? 'accounts' : 'reps';
  const codeCol = input.groupBy === 'account' ? 'code' : 'employee_no';
  const nameStmt = core.sqlite.prepare(`select ${codeCol} as code, name from ${table} where id = ?`);
  const rows = [...groups.entries()]
    .map(([id, e]) => ({
      id,
      collectedFen: e.collectedFen,
      avgDaysToCollect: e.collectedFen > 0 ? Math.round((e.weighted / e.collectedFen) * 10) / 10 : null,
      salesFen: e.salesFen,
      openFen: e.openFen,
      dso: dso(e.openFen, e.salesFen, w.days),
    }))
    .sort((a, b) => b.openFen - a.openFen || b.collectedFen - a.collectedFen || String(a.id).localeCompare(String(b.id)))
    .slice(0, input.limit)
    .map((r) => {
      const n = r.id ? (nameStmt.get(r.id) as { code: string | null; name: string } | undefined) : undefined;
      return { ...r, code: n?.code ?? null, name: r.id ? (n?.name ?? r.id) : pick({ zh: '（无业务员）', en: '(no rep)' }, lang) };
    });
  return { asOf, from: w.from, months: input.months, rows };
}
