import { owesMoney } from '../../../../../shared/domain/receivables';
import { newId } from '../../../ids';
import { prepared } from '../sql-cache';
import type { Row } from '../commit/journal-writer';
import { issue } from '../validate/issue';
import { resolveAccount } from './account-ref';
import { columnChanges, n, s, withExtraNotes, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';

const UPDATABLE: Record<string, string> = { method: 'method', reference: 'reference', notes: 'notes' };

/**
 * 回款. A payment naming an order is allocated to it (up to what the order still owes, oldest
 * instalment first); the rest stays on the account as unallocated credit. A negative amount is a
 * refund paid out. Order and instalment progress columns are journaled with the payment.
 */
export const paymentsKind: KindImpl = {
  kind: 'payments',

  normalize(r, ctx) {
    const v = r.values;
    let accountId = s(v.account) || s(v.accountCode) ? resolveAccount(r, ctx) : null;
    let orderId: string | null = null;
    if (s(v.orderNo)) {
      const order = ctx.refs.order(s(v.orderNo)!);
      if (!order) r.issues.push(refIssue({ ok: false, reason: 'missing', suggestions: [] }, ctx.fields.find((f) => f.key === 'orderNo')!, r.cols.orderNo ?? null, r.raw.orderNo ?? ''));
      else {
        orderId = order.id;
        if (accountId && accountId !== order.accountId) {
          r.issues.push(issue('error', 'ORDER_ACCOUNT_MISMATCH', r.cols.orderNo ?? null, 'orderNo', r.raw.orderNo ?? '', '订单号：该订单属于另一个客户', 'Order no.: the order belongs to another account'));
        }
        accountId ??= order.accountId;
      }
    }
    const amount = n(v.amount);
    if (amount === 0) r.issues.push(issue('error', 'ZERO_AMOUNT', r.cols.amount ?? null, 'amount', r.raw.amount ?? '', '回款金额：不能为 0', 'Amount: cannot be 0'));
    if (amount !== null && amount < 0) r.issues.push(issue('warning', 'REFUND', r.cols.amount ?? null, 'amount', r.raw.amount ?? '', '回款金额为负数，按退款（付出）导入', 'a negative amount is imported as a refund paid out'));
    const rec: Rec = {
      paymentNo: s(v.paymentNo),
      accountId,
      orderId,
      receivedOn: s(v.receivedOn),
      amountFen: amount,
      method: s(v.method) ?? 'bank_transfer',
      reference: s(v.reference),
      notes: withExtraNotes(s(v.notes), r.extraNotes),
    };
    const key = rec.paymentNo ? `u:pno:${String(rec.paymentNo)}` : accountId && rec.receivedOn && amount !== null ? `n:p:${accountId}|${String(rec.receivedOn)}|${amount}|${String(rec.reference ?? '')}` : null;
    return { record: rec, key, group: null };
  },

  findExisting(rec, ctx) {
    const db = ctx.core.sqlite;
    if (s(rec.paymentNo)) {
      const row = prepared(db, `select * from payments where payment_no = ?`).get(rec.paymentNo) as Row | undefined;
      if (row) return { id: String(row.id), label: String(row.payment_no), row, unique: true };
      return null;
    }
    const row = prepared(db, `select * from payments where account_id = ? and received_on = ? and amount_fen = ? and coalesce(reference, '') = ? and deleted_at is null`)
      .get(rec.accountId, rec.receivedOn, rec.amountFen, rec.reference ?? '') as Row | undefined;
    return row ? { id: String(row.id), label: String(row.payment_no), row, unique: false } : null;
  },

  changes(rec, existing) {
    return columnChanges(rec, existing.row, UPDATABLE);
  },

  create(w, rec) {
    const id = newId(w.now);
    const receivedOn = String(rec.receivedOn);
    const amount = n(rec.amountFen)!;
    const accountId = String(rec.accountId);
    let allocated = 0;
    const orderId = s(rec.orderId);
    if (orderId && amount > 0) {
      const order = w.get('orders', orderId)!;
      const owes = owesMoney({ state: String(order.state), confirmedOn: (order.confirmed_on as string | null) ?? null });
      const open = owes ? Math.max(0, Number(order.total_fen) - Number(order.returned_fen) - Number(order.collected_fen)) : 0;
      allocated = Math.min(amount, open);
    }
    w.insert('payments', {
      id,
      payment_no: s(rec.paymentNo) ?? w.nextNumber('HK', { year: receivedOn.slice(0, 4) }),
      account_id: accountId,
      received_on: receivedOn,
      amount_fen: amount,
      method: String(rec.method),
      kind: amount < 0 ? 'refund' : 'receipt',
      reference: s(rec.reference),
      unallocated_fen: amount - allocated,
      notes: s(rec.notes),
    });
    if (orderId && allocated > 0) {
      const order = w.get('orders', orderId)!;
      w.update('orders', orderId, { collected_fen: Number(order.collected_fen) + allocated });
      let left = allocated;
      const instalments = prepared(w.core.sqlite, `select id, amount_fen, paid_fen from instalments where order_id = ? and paid_fen < amount_fen order by due_on, seq`).all(orderId) as { id: string; amount_fen: number; paid_fen: number }[];
      for (const inst of instalments) {
        if (left <= 0) break;
        const pay = Math.min(left, inst.amount_fen - inst.paid_fen);
        left -= pay;
        const paid = inst.paid_fen + pay;
        w.insert('payment_allocations', { id: newId(w.now), payment_id: id, order_id: orderId, instalment_id: inst.id, amount_fen: pay, allocated_on: receivedOn, created_at: w.now, created_by: w.actor.id });
        w.update('instalments', inst.id, paid >= inst.amount_fen ? { paid_fen: paid, paid_on: receivedOn } : { paid_fen: paid });
      }
      if (left > 0) w.insert('payment_allocations', { id: newId(w.now), payment_id: id, order_id: orderId, instalment_id: null, amount_fen: left, allocated_on: receivedOn, created_at: w.now, created_by: w.actor.id });
    }
    w.touchedAccounts.add(accountId);
    return id;
  },

  update(w, _rec, existing, changes) {
    const patch: Row = {};
    for (const c of changes) patch[UPDATABLE[c.field]!] = c.after as string;
    if (Object.keys(patch).length) w.update('payments', existing.id, patch);
  },
};
