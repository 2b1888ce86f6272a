import { territorySubtree } from '../../../db/repositories/orders';
import type { AgingReport } from '../../../shared/contract/receivables';
import { agingBuckets, bucketIndex, overdueDays } from '../../../shared/domain/aging';
import { addDays } from '../../../shared/domain/dates';
import { returnCancellations } from '../../../shared/domain/receivables';
import { pick, type Lang } from '../../../shared/i18n/text';
import type { Core } from '../core';

/**
 * 账龄分析 as of any date, replayed from history: an instalment counts when its order was confirmed on or
 * before the date and not cancelled by then, and when it belonged to the plan on that date; what was
 * paid is the allocations made on or before the date, and returns on or before it cancel the unpaid
 * tail (shared/domain/receivables). As of today or later the maintained columns already say exactly
 * that, so the report is one aggregate query; earlier dates replay the rows.
 */
export type AgingGroupBy = 'account' | 'rep' | 'territory';

export interface AgingScope {
  accountId?: string | undefined;
  repId?: string | undefined;
  territoryId?: string | undefined;
}

export interface AgingInstalment {
  instalmentId: string;
  orderId: string;
  orderNo: string;
  accountId: string;
  repId: string | null;
  territoryId: string | null;
  seq: number;
  label: string;
  dueOn: string;
  amountFen: number;
  openFen: number;
}

interface ScopeSql {
  where: string;
  params: Record<string, string>;
}

function scopeSql(core: Core, scope: AgingScope): ScopeSql {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (scope.accountId) {
    parts.push('o.account_id = @accountId');
    params.accountId = scope.accountId;
  }
  if (scope.repId) {
    parts.push('o.rep_id = @repId');
    params.repId = scope.repId;
  }
  if (scope.territoryId) {
    const ids = territorySubtree(core.db, scope.territoryId);
    const names = ids.map((id, i) => {
      params[`t${i}`] = id;
      return `@t${i}`;
    });
    parts.push(`a.territory_id in (${names.join(',') || "''"})`);
  }
  return { where: parts.map((p) => ` and ${p}`).join(''), params };
}

const CURRENT_ORDER = `o.deleted_at is null and i.superseded_on is null and i.paid_fen < i.amount_fen and o.confirmed_on is not null
  and (o.state in ('confirmed','partly_shipped','shipped','completed') or (o.state = 'on_hold' and o.confirmed_on is not null))`;

/**
 * The FROM clause for "open instalments as of today". Over everything, the scan goes through the two
 * covering indexes made for it (open instalments in order-id order, then the order's money columns by
 * id), which keeps the join to orders sequential; for one account or rep the planner's own choice (by
 * account / rep index) is better.
 */
function currentFrom(scope: AgingScope, needAccount: boolean): string {
  const narrow = !!(scope.accountId || scope.repId);
  const inst = narrow ? 'instalments i' : 'instalments i indexed by instalments_open_order_idx';
  const ord = narrow ? 'join orders o' : 'cross join orders o indexed by orders_money_idx';
  return `${inst} ${ord} on o.id = i.order_id${needAccount || scope.territoryId ? ' join accounts a on a.id = o.account_id' : ''}`;
}

/** What the history says about one instalment as of @asOf (allocations are append-only rows). */
const REPLAY_WHERE = `o.deleted_at is null and o.confirmed_on is not null and o.confirmed_on <= @asOf
  and (o.cancelled_on is null or o.cancelled_on > @asOf)
  and (i.effective_on is null or i.effective_on <= @asOf) and (i.superseded_on is null or i.superseded_on > @asOf)`;
const PAID_AS_OF = `coalesce((select sum(x.amount_fen) from payment_allocations x where x.instalment_id = i.id and x.allocated_on <= @asOf), 0)`;
/** Returns cannot be undone, so an order whose returned total is 0 today had none on any earlier date. */
const RETURNED_AS_OF = `(case when o.returned_fen > 0 then coalesce((select sum(r.amount_fen) from returns r where r.order_id = o.id and r.returned_on <= @asOf), 0) else 0 end)`;

/**
 * Over everything, scan the orders table in its own order and fetch each order's instalments (the
 * planner would otherwise walk an account index and jump around the table); for one account or rep,
 * let it use that account's or rep's index. The CTEs are MATERIALIZED so the as-of sums run once per row.
 */
function replayFrom(scope: AgingScope): string {
  return scope.accountId || scope.repId ? 'orders o join instalments i on i.order_id = o.id' : 'orders o not indexed cross join instalments i on i.order_id = o.id';
}

/** Every open instalment as of the date, with its open amount. */
export function agingInstalments(core: Core, asOf: string, scope: AgingScope = {}, opts: { forceReplay?: boolean; onlyReturned?: boolean } = {}): AgingInstalment[] {
  const s = scopeSql(core, scope);
  const cols = `i.id as instalment_id, i.order_id, o.order_no, o.account_id, o.rep_id, a.territory_id, i.seq, i.label, i.due_on, i.amount_fen`;
  if (asOf >= core.today() && !opts.forceReplay) {
    return (
      core.sqlite
        .prepare(
          `select ${cols}, i.amount_fen - i.paid_fen - i.returned_fen as open_fen
           from ${currentFrom(scope, true)}
           where ${CURRENT_ORDER} and i.amount_fen - i.paid_fen - i.returned_fen > 0 ${s.where}
           order by i.due_on, o.order_no, i.seq`,
        )
        .all(s.params) as RawRow[]
    ).map(toInstalment);
  }
  const rows = core.sqlite
    .prepare(
      `with t as materialized (
         select ${cols}, ${PAID_AS_OF} as paid, ${RETURNED_AS_OF} as ret
         from ${replayFrom(scope)} join accounts a on a.id = o.account_id
         where ${REPLAY_WHERE} ${s.where} ${opts.onlyReturned ? 'and o.returned_fen > 0' : ''})
       select * from t where amount_fen - paid > 0
       order by order_id, due_on, seq`,
    )
    .all({ ...s.params, asOf }) as (RawRow & { paid: number; ret: number })[];
  const out: AgingInstalment[] = [];
  for (let start = 0; start < rows.length; ) {
    let end = start + 1;
    while (end < rows.length && rows[end]!.order_id === rows[start]!.order_id) end++;
    const group = rows.slice(start, end);
    const returned = group[0]!.ret;
    const cancelled = returned > 0 ? returnCancellations(group.map((r) => ({ dueOn: r.due_on, seq: r.seq, amountFen: r.amount_fen, paidFen: r.paid })), returned) : null;
    group.forEach((r, i) => {
      const open = r.amount_fen - r.paid - (cancelled ? cancelled[i]! : 0);
      if (open > 0) out.push(toInstalment({ ...r, open_fen: open }));
    });
    start = end;
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : a.seq - b.seq));
}

interface RawRow {
  instalment_id: string;
  order_id: string;
  order_no: string;
  account_id: string;
  rep_id: string | null;
  territory_id: string | null;
  seq: number;
  label: string;
  due_on: string;
  amount_fen: number;
  open_fen: number;
}

function toInstalment(r: RawRow): AgingInstalment {
  return {
    instalmentId: r.instalment_id,
    orderId: r.order_id,
    orderNo: r.order_no,
    accountId: r.account_id,
    repId: r.rep_id,
    territoryId: r.territory_id,
    seq: r.seq,
    label: r.label,
    dueOn: r.due_on,
    amountFen: r.amount_fen,
    openFen: r.open_fen,
  };
}

function groupKeyOf(i: AgingInstalment, groupBy: AgingGroupBy): string | null {
  return groupBy === 'account' ? i.accountId : groupBy === 'rep' ? i.repId : i.territoryId;
}

/** Money received on or before the date and not allocated by then, per account. */
function creditAsOf(core: Core, asOf: string, scope: AgingScope): Map<string, number> {
  const s = scopeSql(core, { accountId: scope.accountId, territoryId: scope.territoryId });
  if (asOf >= core.today()) {
    // Nothing is received or allocated after today, so the maintained unallocated column is the answer.
    const rows = core.sqlite
      .prepare(
        `select p.account_id, sum(p.unallocated_fen) as credit from payments p indexed by payments_credit_idx ${scope.territoryId ? 'join accounts a on a.id = p.account_id' : ''}
         where p.unallocated_fen <> 0 and p.deleted_at is null ${s.where.replaceAll('o.account_id', 'p.account_id')}
         group by p.account_id having credit <> 0`,
      )
      .raw()
      .all(s.params) as [string, number][];
    return new Map(rows);
  }
  const rows = core.sqlite
    .prepare(
      `select p.account_id, sum(p.amount_fen) - coalesce(sum(al.alloc), 0) as credit
       from payments p join accounts a on a.id = p.account_id
       left join (select payment_id, sum(amount_fen) as alloc from payment_allocations where allocated_on <= @asOf group by payment_id) al on al.payment_id = p.id
       where p.deleted_at is null and p.received_on <= @asOf ${s.where.replaceAll('o.account_id', 'p.account_id')}
       group by p.account_id having credit <> 0`,
    )
    .all({ ...s.params, asOf }) as { account_id: string; credit: number }[];
  return new Map(rows.map((r) => [r.account_id, r.credit]));
}

interface GroupSum {
  buckets: number[];
  documents: number;
}

/** The same buckets as bucketIndex(overdueDays(due, asOf)), as date thresholds for SQL. */
function bucketCaseSql(asOf: string, bounds: readonly number[], col = 'i.due_on'): string {
  const parts = [`when ${col} >= '${asOf}' then 0`];
  bounds.forEach((b, k) => parts.push(`when ${col} >= '${addDays(asOf, -b)}' then ${k + 1}`));
  return `case ${parts.join(' ')} else ${bounds.length + 1} end`;
}

function sumsFast(core: Core, asOf: string, groupBy: AgingGroupBy, scope: AgingScope, bounds: readonly number[]): Map<string | null, GroupSum> {
  const s = scopeSql(core, scope);
  const key = groupBy === 'account' ? 'o.account_id' : groupBy === 'rep' ? 'o.rep_id' : 'a.territory_id';
  const rows = core.sqlite
    .prepare(
      `select ${key} as g, ${bucketCaseSql(asOf, bounds)} as b, sum(i.amount_fen - i.paid_fen - i.returned_fen) as s, count(*) as n
       from ${currentFrom(scope, groupBy === 'territory')}
       where ${CURRENT_ORDER} and i.amount_fen - i.paid_fen - i.returned_fen > 0 ${s.where}
       group by g, b`,
    )
    .raw()
    .all(s.params) as [string | null, number, number, number][];
  const out = new Map<string | null, GroupSum>();
  for (const [g, b, sum, n] of rows) {
    let e = out.get(g);
    if (!e) out.set(g, (e = { buckets: new Array<number>(bounds.length + 2).fill(0), documents: 0 }));
    e.buckets[b] = (e.buckets[b] ?? 0) + sum;
    e.documents += n;
  }
  return out;
}

/**
 * As of an earlier date: orders without returns are summed in SQL (open = amount − paid as of the date);
 * the few with returns go through returnCancellations in agingInstalments.
 */
function sumsReplay(core: Core, asOf: string, groupBy: AgingGroupBy, scope: AgingScope, bounds: readonly number[]): Map<string | null, GroupSum> {
  const s = scopeSql(core, scope);
  const key = groupBy === 'account' ? 'o.account_id' : groupBy === 'rep' ? 'o.rep_id' : 'a.territory_id';
  const needAccount = groupBy === 'territory' || !!scope.territoryId;
  const out = new Map<string | null, GroupSum>();
  const add = (g: string | null, b: number, sum: number, n: number) => {
    let e = out.get(g);
    if (!e) out.set(g, (e = { buckets: new Array<number>(bounds.length + 2).fill(0), documents: 0 }));
    e.buckets[b] = (e.buckets[b] ?? 0) + sum;
    e.documents += n;
  };
  const rows = core.sqlite
    .prepare(
      `with t as materialized (
         select ${key} as g, i.due_on, i.amount_fen, ${PAID_AS_OF} as paid
         from ${replayFrom(scope)} ${needAccount ? 'join accounts a on a.id = o.account_id' : ''}
         where ${REPLAY_WHERE} and o.returned_fen = 0 ${s.where})
       select g, ${bucketCaseSql(asOf, bounds, 'due_on')} as b, sum(amount_fen - paid), count(*) from t
       where amount_fen - paid > 0 group by g, b`,
    )
    .raw()
    .all({ ...s.params, asOf }) as [string | null, number, number, number][];
  for (const [g, b, sum, n] of rows) add(g, b, sum, n);
  for (const i of agingInstalments(core, asOf, scope, { forceReplay: true, onlyReturned: true })) {
    add(groupKeyOf(i, groupBy), bucketIndex(overdueDays(i.dueOn, asOf), bounds), i.openFen, 1);
  }
  return out;
}

function names(core: Core, groupBy: AgingGroupBy, ids: readonly (string | null)[], lang: Lang): Map<string | null, { code: string | null; name: string }> {
  const m = new Map<string | null, { code: string | null; name: string }>();
  const table = groupBy === 'account' ? 'accounts' : groupBy === 'rep' ? 'reps' : 'territories';
  const codeCol = groupBy === 'account' ? 'code' : groupBy === 'rep' ? 'employee_no' : 'code';
  const stmt = core.sqlite.prepare(`select ${codeCol} as code, name from ${table} where id = ?`);
  // Many rows (the whole book by account): one scan beats a lookup per row.
  const all = ids.length > 2000 ? new Map((core.sqlite.prepare(`select id, ${codeCol} as code, name from ${table}`).raw().all() as [string, string | null, string][]).map((r) => [r[0], { code: r[1], name: r[2] }])) : null;
  const none = groupBy === 'rep' ? pick({ zh: '（无业务员）', en: '(no rep)' }, lang) : pick({ zh: '（无区域）', en: '(no territory)' }, lang);
  for (const id of ids) {
    if (id === null) m.set(null, { code: null, name: none });
    else {
      const r = all ? all.get(id) : (stmt.get(id) as { code: string | null; name: string } | undefined);
      m.set(id, { code: r?.code ?? null, name: r?.name ?? id });
    }
  }
  return m;
}

/** Open receivables per group (account / rep / territory) as of the date. */
export function openByGroup(core: Core, asOf: string, groupBy: AgingGroupBy, scope: AgingScope = {}): Map<string | null, number> {
  const bounds = core.settings().agingBounds;
  const sums = asOf >= core.today() ? sumsFast(core, asOf, groupBy, scope, bounds) : sumsReplay(core, asOf, groupBy, scope, bounds);
  return new Map([...sums.entries()].map(([k, v]) => [k, v.buckets.reduce((a, b) => a + b, 0)]));
}

export function agingReport(
  core: Core,
  input: { asOf?: string | undefined; groupBy: AgingGroupBy; limit: number; forceReplay?: boolean } & AgingScope,
  lang: Lang = 'zh-CN',
): AgingReport {
  const asOf = input.asOf ?? core.today();
  const bounds = core.settings().agingBounds;
  const buckets = agingBuckets(bounds);
  const scope: AgingScope = { accountId: input.accountId, repId: input.repId, territoryId: input.territoryId };
  const fast = asOf >= core.today() && !input.forceReplay;
  const sums = fast ? sumsFast(core, asOf, input.groupBy, scope, bounds) : sumsReplay(core, asOf, input.groupBy, scope, bounds);
  const credit = input.groupBy === 'account' || !input.repId ? creditAsOf(core, asOf, scope) : new Map<string, number>();
  if (input.groupBy === 'account') for (const id of credit.keys()) if (!sums.has(id)) sums.set(id, { buckets: new Array<number>(bounds.length + 2).fill(0), documents: 0 });
  const rows = [...sums.entries()].map(([id, e]) => {
    const totalFen = e.buckets.reduce((a, b) => a + b, 0);
    return { id, bucketsFen: e.buckets, totalFen, overdueFen: totalFen - (e.buckets[0] ?? 0), creditFen: input.groupBy === 'account' && id ? (credit.get(id) ?? 0) : 0, documents: e.documents };
  });
  rows.sort((a, b) => b.totalFen - a.totalFen || b.creditFen - a.creditFen || (String(a.id) < String(b.id) ? -1 : 1));
  const totals = { bucketsFen: new Array<number>(bounds.length + 2).fill(0), totalFen: 0, overdueFen: 0, creditFen: 0 };
  for (const r of rows) {
    r.bucketsFen.forEach((v, i) => (totals.bucketsFen[i] = (totals.bucketsFen[i] ?? 0) + v));
    totals.totalFen += r.totalFen;
    totals.overdueFen += r.overdueFen;
  }
  totals.creditFen = [...credit.values()].reduce((a, b) => a + b, 0);
  const shown = rows.slice(0, input.limit);
  const nameOf = names(core, input.groupBy, shown.map((r) => r.id), lang);
  return {
    asOf,
    groupBy: input.groupBy,
    buckets: buckets.map((b) => ({ key: b.key, label: pick(b.label, lang), minDays: b.minDays, maxDays: b.maxDays })),
    rows: shown.map((r) => ({ ...r, code: nameOf.get(r.id)?.code ?? null, name: nameOf.get(r.id)?.name ?? String(r.id) })),
    rowCount: rows.length,
    totals,
  };
}

/** The documents behind one cell (group × bucket) of the report. */
export function agingDetail(core: Core, input: { asOf?: string | undefined; groupBy: AgingGroupBy; groupId: string | null; bucket?: string | undefined; limit: number }) {
  const asOf = input.asOf ?? core.today();
  const bounds = core.settings().agingBounds;
  const buckets = agingBuckets(bounds);
  const scope: AgingScope = input.groupBy === 'account' && input.groupId ? { accountId: input.groupId } : input.groupBy === 'rep' && input.groupId ? { repId: input.groupId } : {};
  const wanted = input.bucket === undefined ? null : buckets.findIndex((b) => b.key === input.bucket);
  const rows = agingInstalments(core, asOf, scope).filter((i) => {
    if (groupKeyOf(i, input.groupBy) !== input.groupId) return false;
    return wanted === null || bucketIndex(overdueDays(i.dueOn, asOf), bounds) === wanted;
  });
  const accountNames = core.sqlite.prepare('select name from accounts where id = ?');
  const repNames = core.sqlite.prepare('select name from reps where id = ?');
  const documents = rows.slice(0, input.limit).map((i) => {
    const days = overdueDays(i.dueOn, asOf);
    return {
      orderId: i.orderId,
      orderNo: i.orderNo,
      accountId: i.accountId,
      accountName: (accountNames.get(i.accountId) as { name: string } | undefined)?.name ?? '',
      repName: i.repId ? ((repNames.get(i.repId) as { name: string } | undefined)?.name ?? null) : null,
      instalmentId: i.instalmentId,
      seq: i.seq,
      label: i.label,
      dueOn: i.dueOn,
      daysOverdue: days,
      bucket: buckets[bucketIndex(days, bounds)]!.key,
      amountFen: i.amountFen,
      openFen: i.openFen,
    };
  });
  return { asOf, documents, totalFen: rows.reduce((a, r) => a + r.openFen, 0) };
}
