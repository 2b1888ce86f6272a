import { addDays, diffDays } from '../../../../shared/domain/dates';
import type { GradingConfig } from '../../../../shared/domain/credit-grade';
import type { Core } from '../../core';
import { ByAccount } from './by-account';
import { packedRows } from './packed-rows';

/**
 * The per-account inputs of the check and the grade, in set-based SQL: one pass per source table with
 * GROUP BY account, whether for one account (the check, the profile page) or for all of them (the batch
 * run). The same text runs in both cases; only the scope condition differs, so one account's figures
 * never disagree with the batch's.
 *
 * "Owes money" is shared/domain/receivables.owesMoney; an order's open amount is
 * max(0, total − returned − collected) and its unbilled part min(open, max(0, total − billed))
 * (shared/domain/credit-exposure.orderExposure).
 *
 * Each pass returns its rows in account order (ORDER BY account_id: free, the GROUP BY already walks the
 * accounts in order) as a ByAccount, which the batch reads with a cursor as it walks the accounts.
 *
 * Conditional sums are aggregate FILTERs rather than sum(case … else 0 end): a row that does not match
 * skips the aggregate step (measured ~15% of each pass); coalesce keeps 0 where nothing matched.
 *
 * Why the instalment and allocation passes still join orders row by row (~0.5 µs an order): they need the
 * order's state (OWES) and confirmed_on, not only its account, so an account_id copied onto instalments and
 * allocations would not remove the lookup (it would save at most ~20% of the read phase, and only if state
 * and confirmed_on were copied and kept in step too). One merged pass (orders × {order, instalments,
 * allocations}) was measured ~2× slower: every row then runs every aggregate's FILTER.
 */
export type Scope = { kind: 'all' } | { kind: 'account'; accountId: string } | { kind: 'temp' };

/** The temp table a filtered batch run fills with the account ids it covers. */
export const SCOPE_TABLE = 'temp.credit_scope';

/**
 * receivables.owesMoney in SQL. The unary + keeps the planner from answering it through orders_state_idx
 * (an OR of two index searches, then a random row lookup each): every pass here reads orders in account
 * order and only filters on the state.
 */
export const OWES = `(+o.state in ('confirmed','partly_shipped','shipped','completed') or (+o.state = 'on_hold' and o.confirmed_on is not null))`;
const OPEN = `max(0, o.total_fen - o.returned_fen - o.collected_fen)`;
const INST_OPEN = `(i.amount_fen - i.paid_fen - i.returned_fen)`;

function scopeOn(column: string, scope: Scope): string {
  if (scope.kind === 'account') return ` and ${column} = @account`;
  if (scope.kind === 'temp') return ` and ${column} in (select account_id from ${SCOPE_TABLE})`;
  return '';
}

export interface InputDates {
  today: string;
  /** today − overdue rule days: instalments due before this are "more than D days overdue". */
  beyond: string;
  /** Start (exclusive) of the look-back window. */
  look: string;
  /** End of the previous trend window = start (exclusive) of the last one. */
  t1: string;
  /** Start (exclusive) of the previous trend window. */
  t2: string;
}

export function inputDates(today: string, overdueDays: number, g: Pick<GradingConfig, 'lookbackDays' | 'trendWindowDays'>): InputDates {
  return { today, beyond: addDays(today, -overdueDays), look: addDays(today, -g.lookbackDays), t1: addDays(today, -g.trendWindowDays), t2: addDays(today, -2 * g.trendWindowDays) };
}

export interface OrderFacts {
  openFen: number;
  unbilledFen: number;
  /** Σ open × age today (days since confirmation) over orders that owe money. */
  openAgeW: number;
  /** Open now on orders confirmed by t1, and Σ that × (t1 − confirmed). */
  oldOpenFen: number;
  oldOpenW: number;
  /** Sales confirmed in the look-back window (orders that owe money: cancelled ones left out). */
  salesFen: number;
}

export interface InstalmentFacts {
  overdueFen: number;
  maxDays: number;
  beyondFen: number;
  brokenPromises: number;
}

export interface CollectionFacts {
  /** Net allocations in the look-back window. */
  collectedFen: number;
  lastAmt: number;
  lastW: number;
  prevAmt: number;
  prevW: number;
  /** Net allocations after t1 to orders confirmed by t1 that still owe money (they were unpaid at t1). */
  laterAmt: number;
  laterW: number;
}

type Params = Record<string, string | number>;

function params(scope: Scope, extra: Params): Params {
  return scope.kind === 'account' ? { ...extra, account: scope.accountId } : extra;
}

/** One pass over orders. */
export function orderFacts(core: Core, d: InputDates, scope: Scope): ByAccount<OrderFacts> {
  const rows = packedRows<[string, number, number, number, number, number, number]>(
    core,
    `select o.account_id,
         sum(${OPEN}),
         sum(min(${OPEN}, max(0, o.total_fen - o.billed_fen))),
         sum(${OPEN} * (julianday(@today) - julianday(o.confirmed_on))),
         coalesce(sum(${OPEN}) filter (where o.confirmed_on <= @t1), 0),
         coalesce(sum(${OPEN} * (julianday(@t1) - julianday(o.confirmed_on))) filter (where o.confirmed_on <= @t1), 0),
         coalesce(sum(o.total_fen) filter (where o.confirmed_on > @look), 0)
       from orders o indexed by orders_credit_idx
       where o.deleted_at is null and o.confirmed_on is not null and ${OWES}${scopeOn('o.account_id', scope)}
       group by o.account_id order by o.account_id`,
    7,
    params(scope, { today: d.today, t1: d.t1, look: d.look }),
  );
  return ByAccount.of(rows, ([, openFen, unbilledFen, openAgeW, oldOpenFen, oldOpenW, salesFen]) => ({ openFen, unbilledFen, openAgeW, oldOpenFen, oldOpenW, salesFen }));
}

/** One pass over the current instalments of orders that owe money, due before today (WHERE), so only what is overdue or fell due in the look-back. */
export function instalmentFacts(core: Core, d: InputDates, scope: Scope): ByAccount<InstalmentFacts> {
  const rows = packedRows<[string, number, string | null, number, number]>(
    core,
    `select o.account_id,
         total(max(${INST_OPEN}, 0)),
         min(i.due_on) filter (where ${INST_OPEN} > 0),
         total(max(${INST_OPEN}, 0)) filter (where i.due_on < @beyond),
         count(*) filter (where i.due_on > @look and (${INST_OPEN} > 0 or i.paid_on > i.due_on))
       from orders o indexed by orders_credit_idx join instalments i indexed by instalments_credit_idx on i.order_id = o.id
       where i.superseded_on is null and (i.due_on > @look or ${INST_OPEN} > 0) and i.due_on < @today
         and o.deleted_at is null and o.confirmed_on is not null and ${OWES}${scopeOn('o.account_id', scope)}
       group by o.account_id order by o.account_id`,
    5,
    params(scope, { today: d.today, beyond: d.beyond, look: d.look }),
  );
  // The oldest due date, not days per row: one date difference per account instead of one per instalment.
  return ByAccount.of(rows, ([, overdueFen, oldestDue, beyondFen, brokenPromises]) => ({ overdueFen, maxDays: oldestDue ? diffDays(oldestDue, d.today) : 0, beyondFen, brokenPromises }));
}

/** One pass over the payment allocations of the look-back (and trend) windows. */
export function collectionFacts(core: Core, d: InputDates, scope: Scope): ByAccount<CollectionFacts> {
  const since = d.look < d.t2 ? d.look : d.t2;
  const days = `(julianday(x.allocated_on) - julianday(o.confirmed_on))`;
  const LAST = `x.allocated_on > @t1 and x.amount_fen > 0`;
  const PREV = `x.allocated_on > @t2 and x.allocated_on <= @t1 and x.amount_fen > 0`;
  const LATER = `x.allocated_on > @t1 and o.confirmed_on <= @t1 and ${OWES}`;
  const rows = packedRows<[string, number, number, number, number, number, number, number]>(
    core,
    `select o.account_id,
         coalesce(sum(x.amount_fen) filter (where x.allocated_on > @look), 0),
         coalesce(sum(x.amount_fen) filter (where ${LAST}), 0),
         coalesce(sum(x.amount_fen * ${days}) filter (where ${LAST}), 0),
         coalesce(sum(x.amount_fen) filter (where ${PREV}), 0),
         coalesce(sum(x.amount_fen * ${days}) filter (where ${PREV}), 0),
         coalesce(sum(x.amount_fen) filter (where ${LATER}), 0),
         coalesce(sum(x.amount_fen * (julianday(@t1) - julianday(o.confirmed_on))) filter (where ${LATER}), 0)
       from orders o indexed by orders_credit_idx join payment_allocations x on x.order_id = o.id
       where x.allocated_on > @since and o.deleted_at is null and o.confirmed_on is not null${scopeOn('o.account_id', scope)}
       group by o.account_id order by o.account_id`,
    8,
    params(scope, { look: d.look, t1: d.t1, t2: d.t2, since }),
  );
  return ByAccount.of(rows, ([, collectedFen, lastAmt, lastW, prevAmt, prevW, laterAmt, laterW]) => ({ collectedFen, lastAmt, lastW, prevAmt, prevW, laterAmt, laterW }));
}

/** Returns in the look-back window. */
export function returnFacts(core: Core, d: InputDates, scope: Scope): ByAccount<number> {
  const rows = core.sqlite
    .prepare(`select r.account_id, sum(r.amount_fen) from returns r where r.returned_on > @look${scopeOn('r.account_id', scope)} group by r.account_id order by r.account_id`)
    .raw()
    .all(params(scope, { look: d.look })) as [string, number][];
  return ByAccount.of(rows, (r) => r[1]);
}

/** Unallocated receipts (advance money) per account, through the partial index on payments with credit. */
export function advanceFacts(core: Core, scope: Scope): ByAccount<number> {
  const rows = core.sqlite
    .prepare(`select account_id, sum(unallocated_fen) from payments where unallocated_fen <> 0 and deleted_at is null${scopeOn('account_id', scope)} group by account_id order by account_id`)
    .raw()
    .all(params(scope, {})) as [string, number][];
  return ByAccount.of(rows, (r) => Math.max(0, r[1]));
}

/**
 * Days to collect in the last and the previous window. Each weighs the money collected in the window by
 * its days from confirmation, and the money still unpaid at the window's end by its age then; so paying
 * today moves an amount from "unpaid, age d" to "collected after d days" and changes neither figure.
 */
export function daysToCollect(o: OrderFacts | undefined, c: CollectionFacts | undefined): { last: number | null; prev: number | null } {
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const lastAmt = (c?.lastAmt ?? 0) + (o?.openFen ?? 0);
  const lastW = (c?.lastW ?? 0) + (o?.openAgeW ?? 0);
  const later = Math.max(0, c?.laterAmt ?? 0);
  const laterW = Math.max(0, c?.laterW ?? 0);
  const prevAmt = (c?.prevAmt ?? 0) + (o?.oldOpenFen ?? 0) + later;
  const prevW = (c?.prevW ?? 0) + (o?.oldOpenW ?? 0) + laterW;
  return { last: lastAmt > 0 ? round1(lastW / lastAmt) : null, prev: prevAmt > 0 ? round1(prevW / prevAmt) : null };
}
