/**
 * What reps actually did in a date range, per measure (definitions in shared/domain/target-measures).
 * Rep attribution: an order's rep, else its account's current owner; money not allocated to an order
 * counts for the account's owner. A null rep (公海) is kept under the key "".
 */
import { type MeasureValues, zeroMeasures } from '../../../../shared/domain/target-measures';
import { startOfDayMs } from '../../../../shared/domain/zoned-time';
import { addDays } from '../../../../shared/domain/dates';
import type { Core } from '../../core';

/** Orders that count as sales: confirmed at some point and not cancelled (drafts never count). */
export const SALES_ORDER_FILTER = `o.deleted_at is null and o.state not in ('draft','cancelled') and not (o.state = 'on_hold' and o.confirmed_on is null)`;

interface RepAmount {
  rep: string | null;
  amount: number;
  n: number;
}

export function computeActuals(core: Core, from: string, to: string): Map<string, MeasureValues> {
  const out = new Map<string, MeasureValues>();
  const get = (rep: string | null): MeasureValues => {
    const key = rep ?? '';
    let v = out.get(key);
    if (!v) {
      v = zeroMeasures();
      out.set(key, v);
    }
    return v;
  };
  if (to < from) return out;
  const p = { from, to };
  const orders = core.sqlite
    .prepare(
      `select coalesce(o.rep_id, a.owner_rep_id) as rep, sum(o.total_fen) as amount, count(*) as n
       from orders o join accounts a on a.id = o.account_id
       where ${SALES_ORDER_FILTER} and coalesce(o.confirmed_on, o.ordered_on) between @from and @to
       group by 1`,
    )
    .all(p) as RepAmount[];
  for (const r of orders) {
    const v = get(r.rep);
    v.sales += r.amount;
    v.orders += r.n;
  }
  const returns = core.sqlite
    .prepare(
      `select coalesce(o.rep_id, a.owner_rep_id) as rep, sum(r.amount_fen) as amount, count(*) as n
       from returns r join orders o on o.id = r.order_id join accounts a on a.id = o.account_id
       where o.deleted_at is null and r.returned_on between @from and @to
       group by 1`,
    )
    .all(p) as RepAmount[];
  for (const r of returns) get(r.rep).sales -= r.amount;
  const collections = core.sqlite
    .prepare(
      `select rep, sum(amount) as amount, 0 as n from (
         select coalesce(o.rep_id, a.owner_rep_id) as rep, pa.amount_fen as amount
         from payment_allocations pa join payments p on p.id = pa.payment_id
           join orders o on o.id = pa.order_id join accounts a on a.id = o.account_id
         where p.deleted_at is null and p.kind = 'receipt' and p.received_on between @from and @to
         union all
         select a.owner_rep_id as rep,
                p.amount_fen - coalesce((select sum(x.amount_fen) from payment_allocations x where x.payment_id = p.id), 0) as amount
         from payments p join accounts a on a.id = p.account_id
         where p.deleted_at is null and p.kind = 'receipt' and p.received_on between @from and @to
       ) group by rep`,
    )
    .all(p) as RepAmount[];
  for (const r of collections) get(r.rep).collections += r.amount;
  const tz = core.settings().timeZone;
  const created = core.sqlite
    .prepare(`select owner_rep_id as rep, 0 as amount, count(*) as n from accounts where deleted_at is null and created_at >= @fromMs and created_at < @toMs group by 1`)
    .all({ fromMs: startOfDayMs(from, tz), toMs: startOfDayMs(addDays(to, 1), tz) }) as RepAmount[];
  for (const r of created) get(r.rep).new_accounts += r.n;
  const followups = core.sqlite
    .prepare(`select rep_id as rep, 0 as amount, count(*) as n from followups where deleted_at is null and occurred_on between @from and @to group by 1`)
    .all(p) as RepAmount[];
  for (const r of followups) get(r.rep).followups += r.n;
  return out;
}
