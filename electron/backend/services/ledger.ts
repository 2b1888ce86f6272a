import type { AllocatedPiece, OpenItem } from '../../../shared/domain/payment-allocation';
import { planRelease } from '../../../shared/domain/payment-allocation';
import { owesMoney, returnCancellations } from '../../../shared/domain/receivables';
import type { Actor, Core } from '../core';
import { newId } from '../ids';

/**
 * The money bookkeeping under orders and payments. Allocation rows are append-only (a release is a
 * negative row dated the day it happens), so any past date can be replayed; the paid / collected /
 * unallocated / returned columns are maintained from those rows here and nowhere else.
 */

export interface LedgerLine {
  paymentId: string;
  orderId: string;
  instalmentId: string;
  amountFen: number;
  allocatedOn: string;
}

export function insertAllocations(core: Core, actor: Actor, lines: readonly LedgerLine[]): void {
  const stmt = core.sqlite.prepare(
    'insert into payment_allocations (id, payment_id, order_id, instalment_id, amount_fen, allocated_on, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const now = core.clock.now();
  for (const l of lines) {
    if (l.amountFen === 0) continue;
    stmt.run(newId(now), l.paymentId, l.orderId, l.instalmentId, l.amountFen, l.allocatedOn, now, actor.id);
  }
  refreshPaymentMoney(core, actor, [...new Set(lines.map((l) => l.paymentId))]);
  for (const orderId of new Set(lines.map((l) => l.orderId))) refreshOrderMoney(core, actor, orderId);
}

/** unallocated = amount − Σ allocations, per payment. */
export function refreshPaymentMoney(core: Core, actor: Actor, paymentIds: readonly string[]): void {
  const stmt = core.sqlite.prepare(`
    update payments set
      unallocated_fen = amount_fen - coalesce((select sum(a.amount_fen) from payment_allocations a where a.payment_id = payments.id), 0),
      version = version + 1, updated_at = @now, updated_by = @by
    where id = @id`);
  const now = core.clock.now();
  for (const id of paymentIds) stmt.run({ id, now, by: actor.id });
}

interface InstalmentMoneyRow {
  id: string;
  seq: number;
  due_on: string;
  amount_fen: number;
  superseded_on: string | null;
  paid_fen: number;
  returned_fen: number;
  paid_on: string | null;
  paid: number;
  last_paid_on: string | null;
}

/** The money columns of an order and its instalments that no longer match its allocation rows. */
export interface OrderMoneyUpdate {
  instalments: { id: string; paidFen: number; returnedFen: number; paidOn: string | null }[];
  /** The order's new collected amount, or null when it is right already. */
  collectedFen: number | null;
}

/**
 * What an order's collected amount and its instalments' paid, returned and paid-on columns should be,
 * from the allocation rows and the order's returned amount: only what differs from what is stored.
 * (refreshOrderMoney writes it; the spreadsheet import writes it through its journal.)
 */
export function orderMoneyUpdate(core: Core, orderId: string): OrderMoneyUpdate | null {
  const order = core.sqlite.prepare('select returned_fen, collected_fen from orders where id = ?').get(orderId) as { returned_fen: number; collected_fen: number } | undefined;
  if (!order) return null;
  const rows = core.sqlite
    .prepare(
      `select i.id, i.seq, i.due_on, i.amount_fen, i.superseded_on, i.paid_fen, i.returned_fen, i.paid_on,
              coalesce(sum(a.amount_fen), 0) as paid, max(case when a.amount_fen > 0 then a.allocated_on end) as last_paid_on
       from instalments i left join payment_allocations a on a.instalment_id = i.id
       where i.order_id = ? group by i.id order by i.due_on, i.seq`,
    )
    .all(orderId) as InstalmentMoneyRow[];
  const current = rows.filter((r) => r.superseded_on === null);
  const cancelled = returnCancellations(
    current.map((r) => ({ dueOn: r.due_on, seq: r.seq, amountFen: r.amount_fen, paidFen: r.paid })),
    order.returned_fen,
  );
  const instalments: OrderMoneyUpdate['instalments'] = [];
  for (const r of rows) {
    const idx = current.indexOf(r);
    const returned = idx >= 0 ? cancelled[idx]! : 0;
    const settled = r.paid > 0 && r.paid + returned >= r.amount_fen;
    const paidOn = settled ? r.last_paid_on : null;
    if (r.paid_fen !== r.paid || r.returned_fen !== returned || (r.paid_on ?? '') !== (paidOn ?? '')) instalments.push({ id: r.id, paidFen: r.paid, returnedFen: returned, paidOn });
  }
  const collected = rows.reduce((a, r) => a + r.paid, 0);
  return { instalments, collectedFen: collected === order.collected_fen ? null : collected };
}

/**
 * Recomputes an order's collected amount and its instalments' paid, returned and paid-on columns from
 * the allocation rows and the order's returned amount.
 */
export function refreshOrderMoney(core: Core, actor: Actor, orderId: string): void {
  const u = orderMoneyUpdate(core, orderId);
  if (!u) return;
  const now = core.clock.now();
  const upd = core.sqlite.prepare(`update instalments set paid_fen = @paid, returned_fen = @returned, paid_on = @paidOn, version = version + 1, updated_at = @now, updated_by = @by where id = @id`);
  for (const i of u.instalments) upd.run({ id: i.id, paid: i.paidFen, returned: i.returnedFen, paidOn: i.paidOn, now, by: actor.id });
  if (u.collectedFen !== null) {
    core.sqlite.prepare(`update orders set collected_fen = @c, version = version + 1, updated_at = @now, updated_by = @by where id = @id`).run({ id: orderId, c: u.collectedFen, now, by: actor.id });
  }
}

interface OpenRow {
  order_id: string;
  order_no: string;
  state: string;
  confirmed_on: string | null;
  instalment_id: string;
  seq: number;
  label: string;
  due_on: string;
  open_fen: number;
}

/** The account's open instalments today, oldest due first (only orders that owe money). */
export function accountOpenItems(core: Core, accountId: string): (OpenItem & { label: string })[] {
  const rows = core.sqlite
    .prepare(
      `select o.id as order_id, o.order_no, o.state, o.confirmed_on, i.id as instalment_id, i.seq, i.label, i.due_on,
              i.amount_fen - i.paid_fen - i.returned_fen as open_fen
       from orders o join instalments i on i.order_id = o.id
       where o.account_id = ? and o.deleted_at is null and i.superseded_on is null and i.amount_fen - i.paid_fen - i.returned_fen > 0
       order by i.due_on, o.order_no, i.seq`,
    )
    .all(accountId) as OpenRow[];
  return rows
    .filter((r) => owesMoney({ state: r.state, confirmedOn: r.confirmed_on }))
    .map((r) => ({ orderId: r.order_id, orderNo: r.order_no, instalmentId: r.instalment_id, seq: r.seq, label: r.label, dueOn: r.due_on, openFen: r.open_fen }));
}

/** Σ unallocated over the account's payments (refunds count negative): the credit it holds. */
export function accountCredit(core: Core, accountId: string): number {
  const row = core.sqlite.prepare('select coalesce(sum(unallocated_fen), 0) as c from payments where account_id = ? and deleted_at is null').get(accountId) as { c: number };
  return row.c;
}

/** Payments with unallocated money, oldest received first (the order credit is drawn in). */
export function accountCredits(core: Core, accountId: string): { paymentId: string; unallocatedFen: number; receivedOn: string }[] {
  return (
    core.sqlite
      .prepare('select id, unallocated_fen, received_on from payments where account_id = ? and deleted_at is null and unallocated_fen > 0 order by received_on, payment_no')
      .all(accountId) as { id: string; unallocated_fen: number; received_on: string }[]
  ).map((r) => ({ paymentId: r.id, unallocatedFen: r.unallocated_fen, receivedOn: r.received_on }));
}

/**
 * Undoes allocations to an order worth `amountFen` (or everything), latest-due instalment and latest
 * payment first; the money goes back to the payments' unallocated credit. Dated `on`.
 */
export function releaseOrderAllocations(core: Core, actor: Actor, orderId: string, amountFen: number | 'all', on: string): number {
  const pieces = (
    core.sqlite
      .prepare(
        `select a.payment_id, a.instalment_id, i.due_on, i.seq, p.received_on, p.payment_no, sum(a.amount_fen) as net
         from payment_allocations a join instalments i on i.id = a.instalment_id join payments p on p.id = a.payment_id
         where a.order_id = ? group by a.payment_id, a.instalment_id having net > 0`,
      )
      .all(orderId) as { payment_id: string; instalment_id: string; due_on: string; seq: number; received_on: string; payment_no: string; net: number }[]
  ).map(
    (r): AllocatedPiece => ({
      paymentId: r.payment_id,
      orderId,
      instalmentId: r.instalment_id,
      instalmentDueOn: r.due_on,
      instalmentSeq: r.seq,
      paymentReceivedOn: r.received_on,
      paymentNo: r.payment_no,
      netFen: r.net,
    }),
  );
  const total = pieces.reduce((a, p) => a + p.netFen, 0);
  const want = amountFen === 'all' ? total : Math.min(amountFen, total);
  if (want <= 0) return 0;
  const lines = planRelease(want, pieces).map((l) => ({ ...l, allocatedOn: on }));
  insertAllocations(core, actor, lines);
  return want;
}
