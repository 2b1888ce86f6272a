import { formatFen } from '../../../../../shared/domain/money';
import { planAllocation } from '../../../../../shared/domain/payment-allocation';
import { owesMoney } from '../../../../../shared/domain/receivables';
import { msg } from '../../../../../shared/i18n/text';
import { AppError } from '../../../../../shared/rpc/errors';
import { newId } from '../../../ids';
import { accountCredit, accountOpenItems, orderMoneyUpdate } from '../../ledger';
import type { Row } from '../commit/journal-writer';
import { prepared } from '../sql-cache';
import { issue } from '../validate/issue';
import { resolveAccount } from './account-ref';
import { columnChanges, n, s, withExtraNotes, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';

const UPDATABLE: Record<string, string> = { method: 'method', reference: 'reference', notes: 'notes' };
/** The payment services' checks of a new payment; an existing one only takes method, reference and notes. */
const CREATE_RULES = new Set(['REFUND', 'REFUND_WITH_ORDER', 'REFUND_OVER_CREDIT', 'ORDER_NOT_PAYABLE', 'DATE_FUTURE']);
const STATE_ZH: Record<string, string> = { draft: '草稿', cancelled: '已取消', on_hold: '暂停中（未确认）' };

/**
 * 回款, by the payment services' rules. A payment naming an order is allocated to it as "the rest"
 * would be in 登记回款 (its open instalments, oldest due first, up to what it owes; shared/domain/
 * payment-allocation), dated the day the money arrived or the order was confirmed, whichever is later;
 * the remainder stays on the account as unallocated credit. A negative amount is a refund paid out of
 * that credit (never more than it). Order and instalment money columns follow from the allocation rows
 * (services/ledger), journaled with the payment.
 */
export const paymentsKind: KindImpl = {
  kind: 'payments',

  normalize(r, ctx) {
    const v = r.values;
    let accountId = s(v.account) || s(v.accountCode) ? resolveAccount(r, ctx) : null;
    let orderId: string | null = null;
    const amount = n(v.amount);
    const err = (field: string, code: string, zh: string, en: string) => r.issues.push(issue('error', code, r.cols[field] ?? null, field, r.raw[field] ?? '', zh, en));
    if (s(v.orderNo)) {
      const order = ctx.refs.order(s(v.orderNo)!);
      if (!order) r.issues.push(refIssue({ ok: false, reason: 'missing', suggestions: [] }, ctx.fields.find((f) => f.key === 'orderNo')!, r.cols.orderNo ?? null, r.raw.orderNo ?? ''));
      else {
        orderId = order.id;
        if (accountId && accountId !== order.accountId) err('orderNo', 'ORDER_ACCOUNT_MISMATCH', '订单号：该订单属于另一个客户', 'Order no.: the order belongs to another account');
        else if (amount !== null && amount < 0) err('orderNo', 'REFUND_WITH_ORDER', '退款从客户的未分配余额中付出，不能指定订单（退货请在订单页办理）', 'A refund is paid out of the account\'s unallocated money and names no order (returns go through the order page)');
        else if (!owesMoney({ state: order.state, confirmedOn: order.confirmedOn })) {
          const why = STATE_ZH[order.state] ?? order.state;
          err('orderNo', 'ORDER_NOT_PAYABLE', `订单 ${s(v.orderNo)!} 是${why}状态，不能收款`, `Order ${s(v.orderNo)!} is ${order.state.replace('_', ' ')} and cannot take payments`);
        }
        accountId ??= order.accountId;
      }
    }
    if (amount === 0) err('amount', 'ZERO_AMOUNT', '回款金额：不能为 0', 'Amount: cannot be 0');
    if (amount !== null && amount < 0) {
      r.issues.push(issue('warning', 'REFUND', r.cols.amount ?? null, 'amount', r.raw.amount ?? '', '回款金额为负数，按退款（从客户未分配余额中付出）导入', 'a negative amount is imported as a refund paid out of the account\'s unallocated money'));
      if (accountId && !orderId) {
        const credit = accountCredit(ctx.core, accountId);
        if (-amount > credit) err('amount', 'REFUND_OVER_CREDIT', `退款 ${formatFen(-amount)} 元超过客户未分配的余额 ${formatFen(Math.max(0, credit))} 元`, `A refund of ${formatFen(-amount)} exceeds the account's unallocated money (${formatFen(Math.max(0, credit))})`);
      }
    }
    const receivedOn = s(v.receivedOn);
    if (receivedOn && receivedOn > ctx.today) err('receivedOn', 'DATE_FUTURE', `回款日期 ${receivedOn} 晚于今天（${ctx.today}）`, `Date received ${receivedOn} is after today (${ctx.today})`);
    const rec: Rec = {
      paymentNo: s(v.paymentNo),
      accountId,
      orderId,
      receivedOn,
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

  createOnly: (i) => CREATE_RULES.has(i.code),

  create(w, rec, ctx) {
    const id = newId(w.now);
    const receivedOn = String(rec.receivedOn);
    const amount = n(rec.amountFen)!;
    const accountId = String(rec.accountId);
    const orderId = s(rec.orderId);
    const refund = amount < 0;
    // Refunds come out of the credit as it stands after the rows before this one (one transaction).
    if (refund && -amount > accountCredit(w.core, accountId)) {
      const credit = accountCredit(w.core, accountId);
      throw new AppError('RULE_VIOLATION', msg(`第 ${ctx.row ?? '?'} 行：退款 ${formatFen(-amount)} 元超过客户当时未分配的余额 ${formatFen(Math.max(0, credit))} 元，没有写入任何内容`, `Row ${ctx.row ?? '?'}: a refund of ${formatFen(-amount)} exceeds the account's unallocated money at that point (${formatFen(Math.max(0, credit))}); nothing was written`));
    }
    let lines: { orderId: string; instalmentId: string; amountFen: number }[] = [];
    if (orderId && !refund) {
      const plan = planAllocation(amount, [{ orderId }], accountOpenItems(w.core, accountId));
      // An order paid in full by earlier rows (or since): the money stays on the account as credit.
      if (plan.ok) lines = plan.lines;
      else w.notice('ORDER_ALREADY_PAID');
    }
    const allocated = lines.reduce((a, l) => a + l.amountFen, 0);
    const paymentNo = s(rec.paymentNo) ?? w.nextNumber(refund ? 'RF' : 'PAY', { year: receivedOn.slice(0, 4) });
    if (s(rec.paymentNo)) w.reserveNumber(paymentNo);
    w.insert('payments', {
      id,
      payment_no: paymentNo,
      account_id: accountId,
      received_on: receivedOn,
      amount_fen: amount,
      method: String(rec.method),
      kind: refund ? 'refund' : 'receipt',
      reference: s(rec.reference),
      unallocated_fen: amount - allocated,
      notes: s(rec.notes),
    });
    if (lines.length) {
      // As 登记回款 dates it: money counts from the day it arrived, or the order's confirmation if later.
      const confirmedOn = String(w.get('orders', orderId!)!.confirmed_on ?? '');
      const allocatedOn = confirmedOn > receivedOn ? confirmedOn : receivedOn;
      for (const l of lines) {
        w.insert('payment_allocations', { id: newId(w.now), payment_id: id, order_id: l.orderId, instalment_id: l.instalmentId, amount_fen: l.amountFen, allocated_on: allocatedOn, created_at: w.now, created_by: w.actor.id });
      }
      const u = orderMoneyUpdate(w.core, orderId!);
      for (const i of u?.instalments ?? []) w.update('instalments', i.id, { paid_fen: i.paidFen, returned_fen: i.returnedFen, paid_on: i.paidOn });
      if (u && u.collectedFen !== null) w.update('orders', orderId!, { collected_fen: u.collectedFen });
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
