import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { type GridColumns, escapeLike, gridOrderBy, gridWhere } from '../../../db/grid-sql';
import { accounts, instalments, orders, paymentAllocations, payments, returns } from '../../../db/schema';
import type { GridQuery } from '../../../shared/contract/grid';
import type { PaymentDetail, PaymentRow } from '../../../shared/contract/payments';
import { overdueDays } from '../../../shared/domain/aging';
import { documentNoCandidates } from '../../../shared/domain/document-no';
import { formatFen } from '../../../shared/domain/money';
import { type AllocationRequest, drawFromCredits, planAllocation, planAutoAllocation } from '../../../shared/domain/payment-allocation';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { refreshAccountAggregates } from './aggregates';
import { recordAudit } from './audit';
import { accountCredit, accountCredits, accountOpenItems, insertAllocations, type LedgerLine } from './ledger';
import { nextNumber } from './numbers';

export type PaymentMethod = 'bank_transfer' | 'acceptance_bill' | 'cash' | 'wechat' | 'alipay' | 'other';

function requireAccount(core: Core, accountId: string): { id: string; name: string; code: string } {
  const a = core.db
    .select({ id: accounts.id, name: accounts.name, code: accounts.code })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.deletedAt)))
    .get();
  if (!a) throw new AppError('NOT_FOUND', msg(`客户不存在：${accountId}`, `Account not found: ${accountId}`), { field: 'accountId' });
  return a;
}

function checkNotFuture(label: { zh: string; en: string }, day: string, today: string): void {
  if (day > today) throw new AppError('INVALID_INPUT', msg(`${label.zh} ${day} 晚于今天（${today}）`, `${label.en} ${day} is after today (${today})`));
}

function confirmedOnOf(core: Core, orderIds: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  const stmt = core.sqlite.prepare('select confirmed_on from orders where id = ?');
  for (const id of new Set(orderIds)) m.set(id, (stmt.get(id) as { confirmed_on: string | null } | undefined)?.confirmed_on ?? '');
  return m;
}

const STATE_ZH: Record<string, string> = { draft: '草稿', cancelled: '已取消', on_hold: '暂停中（未确认）' };

/** Says exactly why money cannot go to a requested order (the allocation plan then only checks amounts). */
function checkTargets(core: Core, account: { id: string; name: string }, requests: readonly AllocationRequest[], open: ReturnType<typeof accountOpenItems>): void {
  const stmt = core.sqlite.prepare('select o.order_no, o.state, o.account_id, a.name as account_name from orders o join accounts a on a.id = o.account_id where o.id = ? and o.deleted_at is null');
  for (const r of requests) {
    const o = stmt.get(r.orderId) as { order_no: string; state: string; account_id: string; account_name: string } | undefined;
    if (!o) throw new AppError('NOT_FOUND', msg(`订单不存在：${r.orderId}`, `Order not found: ${r.orderId}`));
    if (o.account_id !== account.id) {
      throw new AppError('RULE_VIOLATION', msg(`订单 ${o.order_no} 属于客户“${o.account_name}”，不属于该客户“${account.name}”`, `Order ${o.order_no} belongs to "${o.account_name}", not to "${account.name}"`));
    }
    const items = open.filter((i) => i.orderId === r.orderId);
    if (items.length === 0) {
      const why = STATE_ZH[o.state];
      throw new AppError(
        'RULE_VIOLATION',
        why ? msg(`订单 ${o.order_no} 是${why}状态，不能收款`, `Order ${o.order_no} is ${o.state.replace('_', ' ')} and cannot take payments`) : msg(`订单 ${o.order_no} 已收清`, `Order ${o.order_no} is fully paid`),
      );
    }
    if (r.instalmentId && !items.some((i) => i.instalmentId === r.instalmentId)) {
      throw new AppError('RULE_VIOLATION', msg(`订单 ${o.order_no} 的这一期已收清或不存在`, `That instalment of order ${o.order_no} is paid or does not exist`));
    }
  }
}

function planOrRefuse(available: number, input: { allocations: AllocationRequest[]; autoAllocate: boolean }, open: ReturnType<typeof accountOpenItems>) {
  if (input.autoAllocate && input.allocations.length > 0) {
    throw new AppError('INVALID_INPUT', msg('请选择自动分配或逐单分配，不能同时使用', 'Choose either automatic allocation or explicit allocations, not both'));
  }
  const plan = input.autoAllocate ? planAutoAllocation(available, open) : planAllocation(available, input.allocations, open);
  if (!plan.ok) throw new AppError('RULE_VIOLATION', plan.reason);
  return plan;
}

function describeLines(core: Core, lines: readonly LedgerLine[]) {
  const info = core.sqlite.prepare('select o.order_no, i.seq from instalments i join orders o on o.id = i.order_id where i.id = ?');
  return lines.map((l) => {
    const r = info.get(l.instalmentId) as { order_no: string; seq: number } | undefined;
    return { orderNo: r?.order_no ?? l.orderId, seq: r?.seq ?? null, amountFen: l.amountFen, allocatedOn: l.allocatedOn };
  });
}

/** 回款: records money received and allocates it; what is not allocated stays as the account's credit. */
export function recordPayment(
  core: Core,
  actor: Actor,
  input: { accountId: string; receivedOn?: string | undefined; amountFen: number; method: PaymentMethod; reference?: string | null | undefined; notes?: string | null | undefined; allocations: AllocationRequest[]; autoAllocate: boolean },
): string {
  const id = core.tx(() => {
    const account = requireAccount(core, input.accountId);
    const today = core.today();
    const receivedOn = input.receivedOn ?? today;
    checkNotFuture({ zh: '到账日期', en: 'Date received' }, receivedOn, today);
    const open = accountOpenItems(core, account.id);
    checkTargets(core, account, input.allocations, open);
    const plan = planOrRefuse(input.amountFen, input, open);
    const now = core.clock.now();
    const paymentId = newId(now);
    const paymentNo = nextNumber(core, 'PAY', { year: receivedOn.slice(0, 4) });
    core.db
      .insert(payments)
      .values({
        id: paymentId,
        paymentNo,
        accountId: account.id,
        receivedOn,
        amountFen: input.amountFen,
        method: input.method,
        kind: 'receipt',
        reference: input.reference?.trim() || null,
        unallocatedFen: input.amountFen,
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.id,
        updatedBy: actor.id,
        version: 1,
      })
      .run();
    // Money allocated with the payment counts from the day it arrived (or the order's confirmation, if later).
    const confirmed = confirmedOnOf(core, plan.lines.map((l) => l.orderId));
    const lines: LedgerLine[] = plan.lines.map((l) => {
      const c = confirmed.get(l.orderId) ?? '';
      return { ...l, paymentId, allocatedOn: c > receivedOn ? c : receivedOn };
    });
    insertAllocations(core, actor, lines);
    recordAudit(core, actor, {
      action: 'payment.create',
      entityType: 'payment',
      entityId: paymentId,
      after: { paymentNo, accountId: account.id, receivedOn, amountFen: input.amountFen, method: input.method, reference: input.reference ?? null, allocations: describeLines(core, lines), unallocatedFen: plan.remainderFen },
    });
    refreshAccountAggregates(core, [account.id]);
    return paymentId;
  });
  core.events.emit('data.changed', { entities: ['payments', 'orders', 'accounts'] });
  return id;
}

/** Allocates the account's unallocated credit (oldest payment first) to orders / instalments. */
export function allocateCredit(core: Core, actor: Actor, input: { accountId: string; allocations: AllocationRequest[]; autoAllocate: boolean }): { lines: LedgerLine[]; creditFen: number } {
  const result = core.tx(() => {
    const account = requireAccount(core, input.accountId);
    const credit = accountCredit(core, account.id);
    if (credit <= 0) throw new AppError('RULE_VIOLATION', msg(`客户“${account.name}”没有未分配的回款`, `Account "${account.name}" has no unallocated money`));
    const open = accountOpenItems(core, account.id);
    checkTargets(core, account, input.allocations, open);
    const plan = planOrRefuse(credit, input, open);
    const today = core.today();
    const lines: LedgerLine[] = drawFromCredits(plan.lines, accountCredits(core, account.id)).map((l) => ({ ...l, allocatedOn: today }));
    insertAllocations(core, actor, lines);
    recordAudit(core, actor, { action: 'payment.allocate', entityType: 'account', entityId: account.id, before: { creditFen: credit }, after: { creditFen: credit - plan.allocatedFen, allocations: describeLines(core, lines) } });
    refreshAccountAggregates(core, [account.id]);
    return { lines, creditFen: credit - plan.allocatedFen };
  });
  core.events.emit('data.changed', { entities: ['payments', 'orders', 'accounts'] });
  return result;
}

/** Inside a transaction: a refund paid out of the account's credit (a negative payment). */
export function insertRefund(
  core: Core,
  actor: Actor,
  input: { accountId: string; amountFen: number; method: PaymentMethod; refundedOn: string; reference?: string | null | undefined; returnId?: string | null | undefined; notes?: string | null | undefined },
): { paymentId: string; paymentNo: string } {
  const account = requireAccount(core, input.accountId);
  const credit = accountCredit(core, account.id);
  if (input.amountFen > credit) {
    throw new AppError('RULE_VIOLATION', msg(`退款 ${formatFen(input.amountFen)} 元超过客户“${account.name}”未分配的余额 ${formatFen(Math.max(0, credit))} 元`, `A refund of ${formatFen(input.amountFen)} exceeds the unallocated money of "${account.name}" (${formatFen(Math.max(0, credit))})`));
  }
  if (input.returnId) {
    const r = core.db.select({ accountId: returns.accountId, refundFen: returns.refundFen }).from(returns).where(eq(returns.id, input.returnId)).get();
    if (!r || r.accountId !== account.id) throw new AppError('INVALID_INPUT', msg('退货单不存在或不属于该客户', 'The return does not exist or belongs to another account'), { field: 'returnId' });
    core.db.update(returns).set({ refundFen: r.refundFen + input.amountFen, updatedAt: core.clock.now(), updatedBy: actor.id }).where(eq(returns.id, input.returnId)).run();
  }
  const now = core.clock.now();
  const paymentId = newId(now);
  const paymentNo = nextNumber(core, 'RF', { year: input.refundedOn.slice(0, 4) });
  core.db
    .insert(payments)
    .values({
      id: paymentId,
      paymentNo,
      accountId: account.id,
      receivedOn: input.refundedOn,
      amountFen: -input.amountFen,
      method: input.method,
      kind: 'refund',
      reference: input.reference?.trim() || null,
      returnId: input.returnId ?? null,
      unallocatedFen: -input.amountFen,
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    })
    .run();
  recordAudit(core, actor, { action: 'payment.refund', entityType: 'payment', entityId: paymentId, after: { paymentNo, accountId: account.id, amountFen: -input.amountFen, method: input.method, refundedOn: input.refundedOn, returnId: input.returnId ?? null } });
  return { paymentId, paymentNo };
}

export function refundPayment(
  core: Core,
  actor: Actor,
  input: { accountId: string; amountFen: number; method: PaymentMethod; refundedOn?: string | undefined; reference?: string | null | undefined; returnId?: string | null | undefined; notes?: string | null | undefined },
): string {
  const id = core.tx(() => {
    const today = core.today();
    const refundedOn = input.refundedOn ?? today;
    checkNotFuture({ zh: '退款日期', en: 'Refund date' }, refundedOn, today);
    const r = insertRefund(core, actor, { ...input, refundedOn });
    refreshAccountAggregates(core, [input.accountId]);
    return r.paymentId;
  });
  core.events.emit('data.changed', { entities: ['payments', 'accounts'] });
  return id;
}

const paymentGridColumns: GridColumns = {
  paymentNo: { kind: 'text', expr: payments.paymentNo },
  accountCode: { kind: 'text', expr: accounts.code },
  accountName: { kind: 'text', expr: accounts.name },
  receivedOn: { kind: 'date', expr: payments.receivedOn },
  amountFen: { kind: 'number', expr: payments.amountFen },
  method: { kind: 'text', expr: payments.method },
  kind: { kind: 'text', expr: payments.kind },
  reference: { kind: 'text', expr: payments.reference },
  unallocatedFen: { kind: 'number', expr: payments.unallocatedFen },
  createdAt: { kind: 'number', expr: payments.createdAt },
};

const paymentSelection = {
  id: payments.id,
  paymentNo: payments.paymentNo,
  accountId: payments.accountId,
  accountCode: accounts.code,
  accountName: accounts.name,
  receivedOn: payments.receivedOn,
  amountFen: payments.amountFen,
  method: payments.method,
  kind: payments.kind,
  reference: payments.reference,
  allocatedFen: sql<number>`${payments.amountFen} - ${payments.unallocatedFen}`,
  unallocatedFen: payments.unallocatedFen,
  returnNo: returns.returnNo,
  notes: payments.notes,
  createdAt: payments.createdAt,
};

export function listPayments(core: Core, q: GridQuery & { filter: { accountId?: string | undefined; kind?: 'receipt' | 'refund' | undefined; withCredit?: boolean | undefined } }): { total: number; items: PaymentRow[] } {
  const opts = { columns: paymentGridColumns, today: core.today() };
  const conditions = [isNull(payments.deletedAt), ...gridWhere(q, opts)];
  if (q.filter.accountId) conditions.push(eq(payments.accountId, q.filter.accountId));
  if (q.filter.kind) conditions.push(eq(payments.kind, q.filter.kind));
  if (q.filter.withCredit) conditions.push(gt(payments.unallocatedFen, 0));
  if (q.search) {
    const t = escapeLike(q.search);
    conditions.push(sql`(${payments.paymentNo} like ${`%${t}%`} escape '\\' or ${payments.reference} like ${`%${t}%`} escape '\\' or ${accounts.name} like ${`%${t}%`} escape '\\')`);
  }
  const where = and(...conditions);
  const total = core.db.select({ n: count() }).from(payments).innerJoin(accounts, eq(accounts.id, payments.accountId)).where(where).get()?.n ?? 0;
  const items = core.db
    .select(paymentSelection)
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .leftJoin(returns, eq(returns.id, payments.returnId))
    .where(where)
    .orderBy(...gridOrderBy(q.sort.length ? q : { ...q, sort: [{ colId: 'receivedOn', sort: 'desc' }] }, opts, payments.id))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  return { total, items };
}

export function resolvePaymentId(core: Core, ref: { id: string } | { paymentNo: string }): string {
  if ('id' in ref) return ref.id;
  const row = documentNoCandidates(ref.paymentNo)
    .map((no) => core.db.select({ id: payments.id }).from(payments).where(eq(payments.paymentNo, no)).get())
    .find(Boolean);
  if (!row) throw new AppError('NOT_FOUND', msg(`回款不存在：${ref.paymentNo}`, `Payment not found: ${ref.paymentNo}`));
  return row.id;
}

export function allocationRows(core: Core, paymentId: string) {
  return core.db
    .select({
      id: paymentAllocations.id,
      paymentId: paymentAllocations.paymentId,
      paymentNo: payments.paymentNo,
      orderId: paymentAllocations.orderId,
      orderNo: orders.orderNo,
      instalmentId: paymentAllocations.instalmentId,
      instalmentSeq: instalments.seq,
      amountFen: paymentAllocations.amountFen,
      allocatedOn: paymentAllocations.allocatedOn,
    })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .innerJoin(orders, eq(orders.id, paymentAllocations.orderId))
    .leftJoin(instalments, eq(instalments.id, paymentAllocations.instalmentId))
    .where(eq(paymentAllocations.paymentId, paymentId))
    .orderBy(asc(paymentAllocations.id))
    .all();
}

export function getPaymentDetail(core: Core, id: string): PaymentDetail {
  const row = core.db
    .select(paymentSelection)
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .leftJoin(returns, eq(returns.id, payments.returnId))
    .where(eq(payments.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', msg(`回款不存在：${id}`, `Payment not found: ${id}`));
  return { payment: row, allocations: allocationRows(core, id), accountCreditFen: accountCredit(core, row.accountId) };
}

export function openItemsFor(core: Core, accountId: string) {
  requireAccount(core, accountId);
  const today = core.today();
  return {
    items: accountOpenItems(core, accountId).map((i) => ({ ...i, daysOverdue: overdueDays(i.dueOn, today) })),
    creditFen: accountCredit(core, accountId),
  };
}

/** The allocation rows made by one allocate-credit call, for its answer. */
export function describeAllocationLines(core: Core, lines: readonly LedgerLine[]) {
  const info = core.sqlite.prepare('select o.order_no, i.seq from instalments i join orders o on o.id = i.order_id where i.id = ?');
  const pay = core.sqlite.prepare('select payment_no from payments where id = ?');
  return lines.map((l, i) => {
    const r = info.get(l.instalmentId) as { order_no: string; seq: number } | undefined;
    const p = pay.get(l.paymentId) as { payment_no: string } | undefined;
    return { id: `${i}`, paymentId: l.paymentId, paymentNo: p?.payment_no ?? '', orderId: l.orderId, orderNo: r?.order_no ?? '', instalmentId: l.instalmentId, instalmentSeq: r?.seq ?? null, amountFen: l.amountFen, allocatedOn: l.allocatedOn };
  });
}
