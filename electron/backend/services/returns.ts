import { asc, eq } from 'drizzle-orm';
import { orderLines, orders, returnLines, returns } from '../../../db/schema';
import { proRataFen } from '../../../shared/domain/line-amount';
import { owesMoney } from '../../../shared/domain/receivables';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { refreshAccountAggregates } from './aggregates';
import { recordAudit } from './audit';
import { refreshOrderMoney, releaseOrderAllocations } from './ledger';
import { nextNumber } from './numbers';
import { requireOrder } from './orders';
import { insertRefund, type PaymentMethod } from './payments';

/**
 * 退货: shipped goods come back (quantity ≤ shipped − already returned). The order then owes less
 * (total − returned); if it had already been paid beyond that, the excess allocation goes back to the
 * account's credit, from which a refund (a negative payment) can be paid out in the same step.
 */
export function createReturn(
  core: Core,
  actor: Actor,
  input: {
    orderId: string;
    returnedOn?: string | undefined;
    reason: string;
    lines: { lineId: string; quantity: number }[];
    refund?: { amountFen: number; method: PaymentMethod; reference?: string | null | undefined } | undefined;
  },
): { returnId: string; returnNo: string; amountFen: number; refundPaymentNo: string | null } {
  const result = core.tx(() => {
    const o = requireOrder(core, input.orderId);
    if (!owesMoney({ state: o.state, confirmedOn: o.confirmedOn })) {
      throw new AppError('RULE_VIOLATION', msg(`订单 ${o.orderNo} 未确认或已取消，不能退货`, `Order ${o.orderNo} is not confirmed or is cancelled; nothing can be returned`));
    }
    const today = core.today();
    const returnedOn = input.returnedOn ?? today;
    if (returnedOn > today) throw new AppError('INVALID_INPUT', msg(`退货日期 ${returnedOn} 晚于今天（${today}）`, `Return date ${returnedOn} is after today (${today})`));
    if (o.confirmedOn && returnedOn < o.confirmedOn) throw new AppError('INVALID_INPUT', msg(`退货日期 ${returnedOn} 早于订单确认日期 ${o.confirmedOn}`, `Return date ${returnedOn} is before the order was confirmed (${o.confirmedOn})`));
    const lines = core.db.select().from(orderLines).where(eq(orderLines.orderId, o.id)).orderBy(asc(orderLines.lineNo)).all();
    const wanted = new Map<string, number>();
    for (const l of input.lines) {
      const line = lines.find((x) => x.id === l.lineId);
      if (!line) throw new AppError('INVALID_INPUT', msg(`订单 ${o.orderNo} 没有这条明细：${l.lineId}`, `Order ${o.orderNo} has no line ${l.lineId}`), { lineId: l.lineId });
      wanted.set(line.id, (wanted.get(line.id) ?? 0) + l.quantity);
    }
    const now = core.clock.now();
    const returnId = newId(now);
    const parts: { orderLineId: string; lineNo: number; quantity: number; amountFen: number }[] = [];
    for (const line of lines) {
      const qty = wanted.get(line.id);
      if (!qty) continue;
      const returnable = line.shippedQty - line.returnedQty;
      if (qty > returnable) {
        throw new AppError(
          'RULE_VIOLATION',
          msg(`第 ${line.lineNo} 行“${line.description}”已发 ${line.shippedQty}、已退 ${line.returnedQty}，最多还能退 ${returnable}，不能退 ${qty}`, `Line ${line.lineNo} "${line.description}": shipped ${line.shippedQty}, returned ${line.returnedQty}, so at most ${returnable} can come back, not ${qty}`),
          { lineNo: line.lineNo },
        );
      }
      const amount = proRataFen(line.amountFen, line.returnedQty + qty, line.quantity) - proRataFen(line.amountFen, line.returnedQty, line.quantity);
      parts.push({ orderLineId: line.id, lineNo: line.lineNo, quantity: qty, amountFen: amount });
      core.db.update(orderLines).set({ returnedQty: line.returnedQty + qty, updatedAt: now, updatedBy: actor.id, version: line.version + 1 }).where(eq(orderLines.id, line.id)).run();
    }
    const amountFen = parts.reduce((a, p) => a + p.amountFen, 0);
    const returnNo = nextNumber(core, 'RT', { year: returnedOn.slice(0, 4) });
    core.db
      .insert(returns)
      .values({ id: returnId, returnNo, orderId: o.id, accountId: o.accountId, returnedOn, reason: input.reason, amountFen, refundFen: 0, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 })
      .run();
    core.db.insert(returnLines).values(parts.map((p) => ({ id: newId(now), returnId, orderLineId: p.orderLineId, quantity: p.quantity, amountFen: p.amountFen }))).run();
    const returnedFen = o.returnedFen + amountFen;
    core.db.update(orders).set({ returnedFen, updatedAt: now, updatedBy: actor.id, version: o.version + 1 }).where(eq(orders.id, o.id)).run();
    // Paid for more than it now owes: the excess goes back to the account's credit.
    const excess = o.collectedFen - (o.totalFen - returnedFen);
    const releasedFen = excess > 0 ? releaseOrderAllocations(core, actor, o.id, excess, today) : 0;
    refreshOrderMoney(core, actor, o.id);
    let refundPaymentNo: string | null = null;
    if (input.refund) {
      refundPaymentNo = insertRefund(core, actor, { accountId: o.accountId, amountFen: input.refund.amountFen, method: input.refund.method, refundedOn: returnedOn, reference: input.refund.reference, returnId }).paymentNo;
    }
    recordAudit(core, actor, {
      action: 'return.create',
      entityType: 'order',
      entityId: o.id,
      after: { returnNo, returnedOn, amountFen, lines: parts.map((p) => ({ lineNo: p.lineNo, quantity: p.quantity, amountFen: p.amountFen })), releasedFen, refundPaymentNo },
      reason: input.reason,
    });
    refreshAccountAggregates(core, [o.accountId]);
    return { returnId, returnNo, amountFen, refundPaymentNo };
  });
  core.events.emit('data.changed', { entities: ['orders', 'payments', 'accounts'] });
  return result;
}
