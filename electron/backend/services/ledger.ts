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
  paid: number;
  last_paid_on: string | null;
}

/**
 * Recomputes an order's collected amount and its instalments' paid, returned and paid-on columns from
 * the allocation rows and the order's returned amount.
 */
export function refreshOrderMoney(core: Core, actor: Actor, orderId: string): void {
  const order = core.sqlite.prepare('select returned_fen from orders where id = ?').get(orderId) as { returned_fen: number } | undefined;
  if (!order) return;
  const rows = core.sqlite
    .prepare(
      `select i.id, i.seq, i.due_on, i.amount_fen, i.superseded_on,
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
  const now = core.clock.now();
  const upd = core.sqlite.prepare(
    `update instalments set paid_fen = @paid, returned_fen = @returned, paid_on = @paidOn, version = version + 1, updated_at = @now, updated_by = @by
     where id = @id and (paid_fen <> @paid or returned_fen <> @returned or coalesce(paid_on, '') <> coalesce(@paidOn, ''))`,
  );
  for (const r of rows) {
    const idx = current.indexOf(r);
    const returned = idx >= 0 ? cancelled[idx]! : 0;
    const settled = r.paid > 0 && r.paid + returned >= r.amount_fen;
    upd.run({ id: r.id, paid: r.paid, returned, paidOn: settled ? r.last_paid_on : null, now, by: actor.id });
  }
  core.sqlite
    .prepare(
      `update orders set collected_fen = @c, version = version + 1, updated_at = @now, updated_by = @by
       where id = @id and collected_fen <> @c`,
    )
    .run({ id: orderId, c: rows.reduce((a, r) => a + r.paid, 0), now, by: actor.id });
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
