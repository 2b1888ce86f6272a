import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { escapeLike } from '../../../db/grid-sql';
import { findOrderIdByNo, getOrderRecord, getOrderRow, type OrderRecord } from '../../../db/repositories/orders';
import { accounts, auditLog, cases, instalments, orderLines, orders, paymentAllocations, payments, products, returnLines, returns, reps, shipmentLines, shipments } from '../../../db/schema';
import type { OrderCreateInput, OrderDetail, OrderLineInput, OrderPatch } from '../../../shared/contract/orders';
import { overdueDays } from '../../../shared/domain/aging';
import { lineAmount, lineProblem } from '../../../shared/domain/line-amount';
import { canEditLines, ORDER_ACTIONS, orderTransition, type OrderAction } from '../../../shared/domain/order-state';
import { type LocalizedText, msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { refreshAccountAggregates } from './aggregates';
import { changedFields, recordAudit } from './audit';
import { paymentTermsFor } from './credit/credit-levels';
import { nextNumber } from './numbers';
import { staleVersion } from './users';

export interface ServiceWarning {
  code: string;
  text: LocalizedText;
  details?: unknown;
}

export function orderNotFound(ref: string): AppError {
  return new AppError('NOT_FOUND', msg(`订单不存在：${ref}`, `Order not found: ${ref}`));
}

export function requireOrder(core: Core, id: string): OrderRecord {
  const o = getOrderRecord(core.db, id);
  if (!o) throw orderNotFound(id);
  return o;
}

/** Loads the order for a write and checks the version the caller saw. */
export function requireOrderAt(core: Core, id: string, version: number): OrderRecord {
  const o = requireOrder(core, id);
  if (o.version !== version) throw staleVersion('order', o.version);
  return o;
}

export function resolveOrderId(core: Core, ref: { id: string } | { orderNo: string }): string {
  if ('id' in ref) return ref.id;
  const id = findOrderIdByNo(core.db, ref.orderNo);
  if (!id) throw orderNotFound(ref.orderNo);
  return id;
}

function requireAccount(core: Core, accountId: string) {
  const a = core.db
    .select({ id: accounts.id, name: accounts.name, code: accounts.code, ownerRepId: accounts.ownerRepId, tier: accounts.tier, accountGroup: accounts.accountGroup })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.deletedAt)))
    .get();
  if (!a) throw new AppError('NOT_FOUND', msg(`客户不存在：${accountId}`, `Account not found: ${accountId}`), { field: 'accountId' });
  return a;
}

function requireRep(core: Core, repId: string): void {
  const r = core.db.select({ id: reps.id }).from(reps).where(and(eq(reps.id, repId), isNull(reps.deletedAt))).get();
  if (!r) throw new AppError('INVALID_INPUT', msg(`业务员不存在：${repId}`, `Rep not found: ${repId}`), { field: 'repId' });
}

type LineRow = typeof orderLines.$inferInsert;

/** Fills product defaults, checks each line and computes its amounts. */
function buildLines(core: Core, actor: Actor, orderId: string, input: readonly OrderLineInput[], now: number): LineRow[] {
  const productIds = [...new Set(input.map((l) => l.productId).filter((x): x is string => !!x))];
  const found = productIds.length
    ? core.db.select().from(products).where(and(inArray(products.id, productIds), isNull(products.deletedAt))).all()
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  return input.map((l, i) => {
    const n = i + 1;
    const product = l.productId ? byId.get(l.productId) : undefined;
    if (l.productId && !product) throw new AppError('INVALID_INPUT', msg(`第 ${n} 行：产品不存在（${l.productId}）`, `Line ${n}: product not found (${l.productId})`), { line: n, field: 'productId' });
    const description = (l.description ?? '').trim() || product?.name || '';
    if (!description) throw new AppError('INVALID_INPUT', msg(`第 ${n} 行：请选择产品或填写品名`, `Line ${n}: choose a product or describe the item`), { line: n, field: 'description' });
    const unitPriceFen = l.unitPriceFen ?? product?.unitPriceFen;
    if (unitPriceFen === undefined) throw new AppError('INVALID_INPUT', msg(`第 ${n} 行：请填写单价`, `Line ${n}: enter a unit price`), { line: n, field: 'unitPriceFen' });
    const taxRateBp = l.taxRateBp ?? product?.taxRateBp ?? 1300;
    const math = { quantity: l.quantity, unitPriceFen, discountBp: l.discountBp, taxRateBp };
    const problem = lineProblem(math);
    if (problem) throw new AppError('INVALID_INPUT', msg(`第 ${n} 行：${problem.zh}`, `Line ${n}: ${problem.en}`), { line: n });
    const a = lineAmount(math);
    return {
      id: newId(now),
      orderId,
      lineNo: n,
      productId: product?.id ?? null,
      description,
      quantity: l.quantity,
      unitPriceFen,
      discountBp: l.discountBp,
      taxRateBp,
      amountFen: a.amountFen,
      taxFen: a.taxFen,
      shippedQty: 0,
      returnedQty: 0,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    };
  });
}

function checkDates(orderedOn: string, promisedOn: string | null | undefined): void {
  if (promisedOn && promisedOn < orderedOn) {
    throw new AppError('INVALID_INPUT', msg(`承诺交期 ${promisedOn} 早于下单日期 ${orderedOn}`, `Promised date ${promisedOn} is before the order date ${orderedOn}`), { field: 'promisedOn' });
  }
}

/** 客户 PO 号重复：the same account already has an order with this PO (a warning, not a refusal). */
function duplicatePoWarning(core: Core, accountId: string, po: string | null | undefined, selfId: string | null): ServiceWarning[] {
  const value = po?.trim();
  if (!value) return [];
  const dup = core.db
    .select({ orderNo: orders.orderNo })
    .from(orders)
    .where(and(eq(orders.accountId, accountId), eq(orders.customerPo, value), isNull(orders.deletedAt), selfId ? ne(orders.id, selfId) : undefined))
    .all();
  if (dup.length === 0) return [];
  const nos = dup.map((d) => d.orderNo);
  return [
    {
      code: 'DUPLICATE_PO',
      text: msg(`该客户已有相同客户 PO 号“${value}”的订单：${nos.join('、')}`, `This account already has an order with customer PO "${value}": ${nos.join(', ')}`),
      details: { orderNos: nos },
    },
  ];
}

export function createOrder(core: Core, actor: Actor, input: OrderCreateInput): { orderId: string; warnings: ServiceWarning[] } {
  const result = core.tx(() => {
    const account = requireAccount(core, input.accountId);
    const repId = input.repId === undefined ? account.ownerRepId : input.repId;
    if (repId) requireRep(core, repId);
    const orderedOn = input.orderedOn ?? core.today();
    checkDates(orderedOn, input.promisedOn);
    const now = core.clock.now();
    const id = newId(now);
    const lines = buildLines(core, actor, id, input.lines, now);
    const warnings = duplicatePoWarning(core, account.id, input.customerPo, null);
    const row = {
      id,
      orderNo: nextNumber(core, 'SO', { year: orderedOn.slice(0, 4) }),
      accountId: account.id,
      repId: repId ?? null,
      state: 'draft' as const,
      orderedOn,
      promisedOn: input.promisedOn ?? null,
      customerPo: input.customerPo?.trim() || null,
      // The account's credit terms (account → group → tier → company default, 30 days out of the box).
      paymentTermsDays: input.paymentTermsDays ?? paymentTermsFor(core, account),
      totalFen: lines.reduce((a, l) => a + l.amountFen, 0),
      taxFen: lines.reduce((a, l) => a + (l.taxFen ?? 0), 0),
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    };
    core.db.insert(orders).values(row).run();
    core.db.insert(orderLines).values(lines).run();
    recordAudit(core, actor, { action: 'order.create', entityType: 'order', entityId: id, after: { ...row, lines: lines.map(auditLine) } });
    refreshAccountAggregates(core, [account.id]);
    return { orderId: id, warnings };
  });
  core.events.emit('data.changed', { entities: ['orders', 'accounts'] });
  return result;
}

function auditLine(l: LineRow) {
  return { lineNo: l.lineNo, productId: l.productId, description: l.description, quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountBp: l.discountBp, taxRateBp: l.taxRateBp, amountFen: l.amountFen };
}

function refuseUnlessDraft(o: OrderRecord): void {
  if (!canEditLines(o.state)) {
    throw new AppError('RULE_VIOLATION', msg(`订单 ${o.orderNo} 已确认，不能再修改明细和抬头`, `Order ${o.orderNo} is confirmed; its lines and header can no longer be edited`));
  }
}

export function updateOrder(core: Core, actor: Actor, input: { id: string; version: number; patch: OrderPatch }): { orderId: string; warnings: ServiceWarning[] } {
  const result = core.tx(() => {
    const before = requireOrderAt(core, input.id, input.version);
    refuseUnlessDraft(before);
    const p = input.patch;
    if (p.repId) requireRep(core, p.repId);
    const orderedOn = p.orderedOn ?? before.orderedOn;
    checkDates(orderedOn, p.promisedOn === undefined ? before.promisedOn : p.promisedOn);
    const now = core.clock.now();
    const header: Partial<OrderRecord> = {
      repId: p.repId,
      orderedOn: p.orderedOn,
      promisedOn: p.promisedOn,
      customerPo: p.customerPo === undefined ? undefined : p.customerPo?.trim() || null,
      paymentTermsDays: p.paymentTermsDays,
      notes: p.notes,
    };
    let linesAudit: unknown;
    if (p.lines) {
      const oldLines = core.db.select().from(orderLines).where(eq(orderLines.orderId, before.id)).orderBy(asc(orderLines.lineNo)).all();
      const lines = buildLines(core, actor, before.id, p.lines, now);
      core.db.delete(orderLines).where(eq(orderLines.orderId, before.id)).run();
      core.db.insert(orderLines).values(lines).run();
      header.totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
      header.taxFen = lines.reduce((a, l) => a + (l.taxFen ?? 0), 0);
      linesAudit = { before: oldLines.map(auditLine), after: lines.map(auditLine) };
    }
    const diff = changedFields(before as Record<string, unknown>, header);
    if (!diff && !linesAudit) return { orderId: before.id, warnings: [] };
    core.db
      .update(orders)
      .set({ ...(diff?.after ?? {}), updatedAt: now, updatedBy: actor.id, version: before.version + 1 })
      .where(and(eq(orders.id, before.id), eq(orders.version, before.version)))
      .run();
    recordAudit(core, actor, { action: 'order.update', entityType: 'order', entityId: before.id, before: { ...diff?.before, ...(linesAudit ? { lines: (linesAudit as { before: unknown }).before } : {}) }, after: { ...diff?.after, ...(linesAudit ? { lines: (linesAudit as { after: unknown }).after } : {}) } });
    const warnings = p.customerPo !== undefined ? duplicatePoWarning(core, before.accountId, p.customerPo, before.id) : [];
    return { orderId: before.id, warnings };
  });
  core.events.emit('data.changed', { entities: ['orders'] });
  return result;
}

export function deleteDraftOrder(core: Core, actor: Actor, input: { id: string; version: number }): void {
  core.tx(() => {
    const before = requireOrderAt(core, input.id, input.version);
    refuseUnlessDraft(before);
    const now = core.clock.now();
    core.db.update(orders).set({ deletedAt: now, updatedAt: now, updatedBy: actor.id, version: before.version + 1 }).where(eq(orders.id, before.id)).run();
    recordAudit(core, actor, { action: 'order.delete', entityType: 'order', entityId: before.id, before: { orderNo: before.orderNo, state: before.state, totalFen: before.totalFen } });
    refreshAccountAggregates(core, [before.accountId]);
  });
  core.events.emit('data.changed', { entities: ['orders', 'accounts'] });
}

function pct(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 1000) / 10;
}

export function getOrderDetail(core: Core, id: string): OrderDetail {
  const today = core.today();
  const row = getOrderRow(core.db, id, today);
  if (!row) throw orderNotFound(id);
  const rec = getOrderRecord(core.db, id)!;
  const lines = core.db
    .select({ line: orderLines, sku: products.sku })
    .from(orderLines)
    .leftJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, id))
    .orderBy(asc(orderLines.lineNo))
    .all();
  const lineNoOf = new Map(lines.map((l) => [l.line.id, l.line.lineNo]));
  const shipmentRows = core.db.select().from(shipments).where(eq(shipments.orderId, id)).orderBy(asc(shipments.shippedOn), asc(shipments.shipmentNo)).all();
  const shipmentLineRows = shipmentRows.length
    ? core.db.select().from(shipmentLines).where(inArray(shipmentLines.shipmentId, shipmentRows.map((s) => s.id))).all()
    : [];
  const instalmentRows = core.db
    .select()
    .from(instalments)
    .where(and(eq(instalments.orderId, id), isNull(instalments.supersededOn)))
    .orderBy(asc(instalments.dueOn), asc(instalments.seq))
    .all();
  const owes = row.openFen > 0 || row.collectedFen > 0 || (rec.confirmedOn !== null && rec.state !== 'cancelled');
  const paymentRows = core.db
    .select({
      paymentId: payments.id,
      paymentNo: payments.paymentNo,
      kind: payments.kind,
      receivedOn: payments.receivedOn,
      method: payments.method,
      allocatedFen: sql<number>`sum(${paymentAllocations.amountFen})`,
    })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .where(eq(paymentAllocations.orderId, id))
    .groupBy(payments.id)
    .orderBy(asc(payments.receivedOn), asc(payments.paymentNo))
    .all();
  const returnRows = core.db.select().from(returns).where(eq(returns.orderId, id)).orderBy(asc(returns.returnedOn), asc(returns.returnNo)).all();
  const returnLineRows = returnRows.length
    ? core.db.select().from(returnLines).where(inArray(returnLines.returnId, returnRows.map((r) => r.id))).all()
    : [];
  const caseRows = core.db
    .select({ id: cases.id, caseNo: cases.caseNo, title: cases.title, state: cases.state, priority: cases.priority, type: cases.type })
    .from(cases)
    .where(eq(cases.orderId, id))
    .orderBy(desc(cases.openedAt))
    .all();
  const audit = core.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200)
    .all();

  const allowedActions = ORDER_ACTIONS.filter((a: OrderAction) => {
    const fully = lines.every((l) => l.line.shippedQty >= l.line.quantity);
    return orderTransition({ state: rec.state, heldFromState: rec.heldFromState, fullyShippedAfter: fully }, a).ok && !(a === 'ship' && fully);
  });

  return {
    order: { ...row, notes: rec.notes, createdAt: rec.createdAt },
    progress: {
      shippedPct: pct(row.shippedFen, row.totalFen),
      billedPct: pct(row.billedFen, row.totalFen),
      collectedPct: pct(row.collectedFen, row.totalFen - row.returnedFen),
    },
    allowedActions,
    lines: lines.map(({ line: l, sku }) => ({
      id: l.id,
      lineNo: l.lineNo,
      productId: l.productId,
      sku,
      description: l.description,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      discountBp: l.discountBp,
      taxRateBp: l.taxRateBp,
      amountFen: l.amountFen,
      taxFen: l.taxFen,
      shippedQty: l.shippedQty,
      returnedQty: l.returnedQty,
    })),
    shipments: shipmentRows.map((s) => ({
      id: s.id,
      shipmentNo: s.shipmentNo,
      shippedOn: s.shippedOn,
      amountFen: s.amountFen,
      lines: shipmentLineRows.filter((x) => x.shipmentId === s.id).map((x) => ({ lineNo: lineNoOf.get(x.orderLineId) ?? 0, quantity: x.quantity, amountFen: x.amountFen })),
    })),
    instalments: instalmentRows.map((i) => {
      const open = owes ? Math.max(0, i.amountFen - i.paidFen - i.returnedFen) : 0;
      return {
        id: i.id,
        seq: i.seq,
        label: i.label,
        dueOn: i.dueOn,
        amountFen: i.amountFen,
        paidFen: i.paidFen,
        returnedFen: i.returnedFen,
        openFen: rec.state === 'cancelled' ? 0 : open,
        daysOverdue: open > 0 && rec.state !== 'cancelled' ? overdueDays(i.dueOn, today) : 0,
        paidOn: i.paidOn,
      };
    }),
    payments: paymentRows,
    returns: returnRows.map((r) => ({
      id: r.id,
      returnNo: r.returnNo,
      returnedOn: r.returnedOn,
      reason: r.reason,
      amountFen: r.amountFen,
      refundFen: r.refundFen,
      lines: returnLineRows.filter((x) => x.returnId === r.id).map((x) => ({ lineNo: lineNoOf.get(x.orderLineId) ?? 0, quantity: x.quantity, amountFen: x.amountFen })),
    })),
    cases: caseRows,
    timeline: audit.map((a) => ({
      at: a.at,
      action: a.action,
      by: a.userName,
      reason: a.reason,
      detail: a.after ? (JSON.parse(a.after) as unknown) : null,
    })),
  };
}

export function searchProducts(core: Core, q: string, limit: number) {
  const text = q.trim();
  const cond = text
    ? or(sql`${products.sku} like ${`${escapeLike(text)}%`} escape '\\'`, sql`${products.name} like ${`%${escapeLike(text)}%`} escape '\\'`)
    : undefined;
  return core.db
    .select({ id: products.id, sku: products.sku, name: products.name, spec: products.spec, unit: products.unit, unitPriceFen: products.unitPriceFen, taxRateBp: products.taxRateBp, warrantyMonths: products.warrantyMonths })
    .from(products)
    .where(and(isNull(products.deletedAt), eq(products.active, true), cond))
    .orderBy(asc(products.sku))
    .limit(limit)
    .all();
}
