import { and, asc, eq } from 'drizzle-orm';
import type { OrderRecord } from '../../../db/repositories/orders';
import { orderLines, orders, shipmentLines, shipments } from '../../../db/schema';
import { proRataFen } from '../../../shared/domain/line-amount';
import { type OrderAction, orderTransition } from '../../../shared/domain/order-state';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { refreshAccountAggregates } from './aggregates';
import { recordAudit } from './audit';
import { markAccountWon } from './deal-status';
import { nextNumber } from './numbers';
import { releaseOrderAllocations } from './ledger';
import { runAfterRefused, runBeforeConfirm } from './order-confirm-checks';
import { type ServiceWarning, requireOrderAt } from './orders';
import { insertInstalments, planFromText } from './payment-plans';

function refuse(o: OrderRecord, action: OrderAction, fullyShippedAfter?: boolean): void {
  const r = orderTransition({ state: o.state, heldFromState: o.heldFromState, fullyShippedAfter }, action);
  if (!r.ok) throw new AppError('RULE_VIOLATION', msg(`订单 ${o.orderNo}：${r.reason.zh}`, `Order ${o.orderNo}: ${r.reason.en}`), { state: o.state, action });
}

function nextState(o: OrderRecord, action: OrderAction, fullyShippedAfter?: boolean) {
  const r = orderTransition({ state: o.state, heldFromState: o.heldFromState, fullyShippedAfter }, action);
  if (!r.ok) throw new Error('unreachable: checked by refuse()');
  return r.to;
}

function checkDay(label: { zh: string; en: string }, day: string, notBefore: string | null, today: string): void {
  if (day > today) throw new AppError('INVALID_INPUT', msg(`${label.zh} ${day} 晚于今天（${today}）`, `${label.en} ${day} is after today (${today})`));
  if (notBefore && day < notBefore) throw new AppError('INVALID_INPUT', msg(`${label.zh} ${day} 早于 ${notBefore}`, `${label.en} ${day} is before ${notBefore}`));
}

/** Writes the new state and what comes with it, audited. */
function writeState(core: Core, actor: Actor, o: OrderRecord, action: OrderAction, set: Partial<OrderRecord>, extra: { reason?: string | null; after?: Record<string, unknown> } = {}): void {
  const now = core.clock.now();
  const res = core.db
    .update(orders)
    .set({ ...set, updatedAt: now, updatedBy: actor.id, version: o.version + 1 })
    .where(and(eq(orders.id, o.id), eq(orders.version, o.version)))
    .run();
  if (res.changes !== 1) throw new AppError('CONFLICT', msg('订单已被他人修改，请刷新后重试', 'The order was changed by someone else; reload and try again'));
  recordAudit(core, actor, {
    action: `order.${action}`,
    entityType: 'order',
    entityId: o.id,
    before: { state: o.state },
    after: { state: set.state ?? o.state, ...extra.after },
    reason: extra.reason ?? null,
  });
}

function done(core: Core, accountId: string): void {
  refreshAccountAggregates(core, [accountId]);
}

export function confirmOrder(
  core: Core,
  actor: Actor,
  input: { id: string; version: number; confirmedOn?: string | undefined; plan?: string | undefined; checkOptions?: Record<string, unknown> },
): { warnings: ServiceWarning[] } {
  let result: { warnings: ServiceWarning[] };
  try {
    result = confirmInTx(core, actor, input);
  } catch (error) {
    runAfterRefused(core, actor, error);
    throw error;
  }
  core.events.emit('data.changed', { entities: ['orders', 'accounts'] });
  return result;
}

function confirmInTx(
  core: Core,
  actor: Actor,
  input: { id: string; version: number; confirmedOn?: string | undefined; plan?: string | undefined; checkOptions?: Record<string, unknown> },
): { warnings: ServiceWarning[] } {
  return core.tx(() => {
    const o = requireOrderAt(core, input.id, input.version);
    refuse(o, 'confirm');
    const lineCount = (core.sqlite.prepare('select count(*) as n from order_lines where order_id = ?').get(o.id) as { n: number }).n;
    if (lineCount === 0) throw new AppError('RULE_VIOLATION', msg(`订单 ${o.orderNo} 没有明细，不能确认`, `Order ${o.orderNo} has no lines and cannot be confirmed`));
    const today = core.today();
    const confirmedOn = input.confirmedOn ?? today;
    checkDay({ zh: '确认日期', en: 'Confirmation date' }, confirmedOn, o.orderedOn, today);
    const planned = planFromText(o.totalFen, confirmedOn, input.plan, o.paymentTermsDays);
    const checks = runBeforeConfirm({ core, actor, order: o, confirmedOn, options: input.checkOptions ?? {} });
    writeState(core, actor, o, 'confirm', { state: nextState(o, 'confirm'), confirmedOn, creditStatus: checks.creditStatus }, {
      after: {
        confirmedOn,
        creditStatus: checks.creditStatus,
        plan: input.plan?.trim() ? input.plan.trim() : `100% net ${o.paymentTermsDays}`,
        instalments: planned,
      },
    });
    insertInstalments(core, actor, o.id, planned, null);
    markAccountWon(core, actor, o.accountId, `订单 ${o.orderNo} 确认`);
    done(core, o.accountId);
    return { warnings: checks.warnings };
  });
}

export function shipOrder(
  core: Core,
  actor: Actor,
  input: { id: string; version: number; shippedOn?: string | undefined; lines?: { lineId: string; quantity: number }[] | undefined; notes?: string | undefined },
): void {
  core.tx(() => {
    const o = requireOrderAt(core, input.id, input.version);
    const lines = core.db.select().from(orderLines).where(eq(orderLines.orderId, o.id)).orderBy(asc(orderLines.lineNo)).all();
    const wanted = new Map<string, number>();
    if (input.lines) {
      for (const l of input.lines) {
        const line = lines.find((x) => x.id === l.lineId);
        if (!line) throw new AppError('INVALID_INPUT', msg(`订单 ${o.orderNo} 没有这条明细：${l.lineId}`, `Order ${o.orderNo} has no line ${l.lineId}`), { lineId: l.lineId });
        wanted.set(line.id, (wanted.get(line.id) ?? 0) + l.quantity);
      }
    } else {
      for (const l of lines) if (l.quantity > l.shippedQty) wanted.set(l.id, l.quantity - l.shippedQty);
    }
    for (const [lineId, qty] of wanted) {
      const line = lines.find((x) => x.id === lineId)!;
      const left = line.quantity - line.shippedQty;
      if (qty > left) {
        throw new AppError('RULE_VIOLATION', msg(`第 ${line.lineNo} 行“${line.description}”只剩 ${left} 未发，不能发 ${qty}`, `Line ${line.lineNo} "${line.description}" has only ${left} left to ship, cannot ship ${qty}`), { lineNo: line.lineNo });
      }
    }
    const fullyShippedAfter = lines.every((l) => l.shippedQty + (wanted.get(l.id) ?? 0) >= l.quantity);
    refuse(o, 'ship', fullyShippedAfter);
    if (wanted.size === 0) throw new AppError('RULE_VIOLATION', msg(`订单 ${o.orderNo} 没有待发货的数量`, `Order ${o.orderNo} has nothing left to ship`));
    const today = core.today();
    const shippedOn = input.shippedOn ?? today;
    checkDay({ zh: '发货日期', en: 'Ship date' }, shippedOn, o.confirmedOn, today);
    const now = core.clock.now();
    const shipmentId = newId(now);
    const parts: { orderLineId: string; quantity: number; amountFen: number; lineNo: number }[] = [];
    for (const line of lines) {
      const qty = wanted.get(line.id);
      if (!qty) continue;
      const amount = proRataFen(line.amountFen, line.shippedQty + qty, line.quantity) - proRataFen(line.amountFen, line.shippedQty, line.quantity);
      parts.push({ orderLineId: line.id, quantity: qty, amountFen: amount, lineNo: line.lineNo });
      core.db
        .update(orderLines)
        .set({ shippedQty: line.shippedQty + qty, updatedAt: now, updatedBy: actor.id, version: line.version + 1 })
        .where(eq(orderLines.id, line.id))
        .run();
    }
    const amountFen = parts.reduce((a, p) => a + p.amountFen, 0);
    const shipmentNo = nextNumber(core, 'SH', { year: shippedOn.slice(0, 4) });
    core.db.insert(shipments).values({ id: shipmentId, shipmentNo, orderId: o.id, shippedOn, amountFen, notes: input.notes ?? null, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 }).run();
    core.db.insert(shipmentLines).values(parts.map((p) => ({ id: newId(now), shipmentId, orderLineId: p.orderLineId, quantity: p.quantity, amountFen: p.amountFen }))).run();
    writeState(
      core,
      actor,
      o,
      'ship',
      { state: nextState(o, 'ship', fullyShippedAfter), shippedOn, shippedFen: o.shippedFen + amountFen, billedFen: o.billedFen + amountFen },
      { after: { shipmentNo, shippedOn, amountFen, lines: parts.map((p) => ({ lineNo: p.lineNo, quantity: p.quantity, amountFen: p.amountFen })) } },
    );
    done(core, o.accountId);
  });
  core.events.emit('data.changed', { entities: ['orders', 'accounts'] });
}

export function completeOrder(core: Core, actor: Actor, input: { id: string; version: number }): void {
  core.tx(() => {
    const o = requireOrderAt(core, input.id, input.version);
    refuse(o, 'complete');
    writeState(core, actor, o, 'complete', { state: nextState(o, 'complete'), completedOn: core.today() });
    done(core, o.accountId);
  });
  core.events.emit('data.changed', { entities: ['orders'] });
}

export function holdOrder(core: Core, actor: Actor, input: { id: string; version: number; reason: string }): void {
  core.tx(() => {
    const o = requireOrderAt(core, input.id, input.version);
    refuse(o, 'hold');
    writeState(core, actor, o, 'hold', { state: nextState(o, 'hold'), heldFromState: o.state }, { reason: input.reason, after: { heldFromState: o.state } });
    done(core, o.accountId);
  });
  core.events.emit('data.changed', { entities: ['orders', 'accounts'] });
}

export function releaseOrder(core: Core, actor: Actor, input: { id: string; version: number; reason?: string | undefined }): void {
  core.tx(() => {
    const o = requireOrderAt(core, input.id, input.version);
    refuse(o, 'release');
    writeState(core, actor, o, 'release', { state: nextState(o, 'release'), heldFromState: null }, { reason: input.reason ?? null });
    done(core, o.accountId);
  });
  core.events.emit('data.changed', { entities: ['orders', 'accounts'] });
}

/** Cancels an order that has not shipped; money allocated to it goes back to the account's credit. */
export function cancelOrder(core: Core, actor: Actor, input: { id: string; version: number; reason: string }): { releasedFen: number } {
  const result = core.tx(() => {
    const o = requireOrderAt(core, input.id, input.version);
    refuse(o, 'cancel');
    const today = core.today();
    writeState(core, actor, o, 'cancel', { state: nextState(o, 'cancel'), heldFromState: null, cancelledOn: today }, { reason: input.reason, after: { cancelledOn: today } });
    const releasedFen = releaseOrderAllocations(core, actor, o.id, 'all', today);
    if (releasedFen > 0) {
      recordAudit(core, actor, { action: 'order.release_allocations', entityType: 'order', entityId: o.id, after: { releasedFen }, reason: input.reason });
    }
    done(core, o.accountId);
    return { releasedFen };
  });
  core.events.emit('data.changed', { entities: ['orders', 'accounts', 'payments'] });
  return result;
}

export function reopenOrder(core: Core, actor: Actor, input: { id: string; version: number; reason: string }): void {
  core.tx(() => {
    const o = requireOrderAt(core, input.id, input.version);
    refuse(o, 'reopen');
    writeState(core, actor, o, 'reopen', { state: nextState(o, 'reopen'), completedOn: null }, { reason: input.reason });
    done(core, o.accountId);
  });
  core.events.emit('data.changed', { entities: ['orders'] });
}
