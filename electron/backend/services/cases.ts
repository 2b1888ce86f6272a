import { and, eq, isNull, sql } from 'drizzle-orm';
import { accounts, caseEvents, cases, orderLines, orders, products, reps, shipmentLines, shipments, users } from '../../../db/schema';
import type { CaseDetail } from '../../../shared/contract/cases';
import { type CasePriority, type CaseState, CASE_STATES, caseTransition } from '../../../shared/domain/case-state';
import { isoDateOf } from '../../../shared/domain/dates';
import { warrantyStatus } from '../../../shared/domain/warranty';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { refreshAccountAggregates } from './aggregates';
import { changedFields, recordAudit } from './audit';
import { type CaseRecord, caseSlaView, loadEvents, refreshCaseSla, slaTargetsFor, warnHorizon } from './case-sla';
import { nextNumber } from './numbers';
import { staleVersion } from './users';

export type CaseType = 'repair' | 'replacement' | 'return' | 'refund' | 'complaint' | 'consultation';
type Attachment = { name: string; path: string };

function notFound(ref: string): AppError {
  return new AppError('NOT_FOUND', msg(`工单不存在：${ref}`, `Case not found: ${ref}`));
}

export function resolveCaseId(core: Core, ref: { id: string } | { caseNo: string }): string {
  if ('id' in ref) return ref.id;
  const row = core.db.select({ id: cases.id }).from(cases).where(eq(cases.caseNo, ref.caseNo.trim().toUpperCase())).get();
  if (!row) throw notFound(ref.caseNo);
  return row.id;
}

function requireCaseAt(core: Core, id: string, version: number): CaseRecord {
  const c = core.db.select().from(cases).where(eq(cases.id, id)).get();
  if (!c) throw notFound(id);
  if (c.version !== version) throw staleVersion('case', c.version);
  return c;
}

function checkOwner(core: Core, input: { ownerRepId?: string | null | undefined; ownerUserId?: string | null | undefined }): void {
  if (input.ownerRepId) {
    const r = core.db.select({ id: reps.id }).from(reps).where(and(eq(reps.id, input.ownerRepId), isNull(reps.deletedAt))).get();
    if (!r) throw new AppError('INVALID_INPUT', msg(`业务员不存在：${input.ownerRepId}`, `Rep not found: ${input.ownerRepId}`), { field: 'ownerRepId' });
  }
  if (input.ownerUserId) {
    const u = core.db.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, input.ownerUserId)).get();
    if (!u || !u.active) throw new AppError('INVALID_INPUT', msg(`用户不存在或已停用：${input.ownerUserId}`, `User not found or inactive: ${input.ownerUserId}`), { field: 'ownerUserId' });
  }
}

function addEvent(core: Core, actor: Actor, caseId: string, e: { kind: (typeof caseEvents.$inferInsert)['kind']; fromState?: CaseState | null; toState?: CaseState | null; note?: string | null }, at: number): void {
  core.db.insert(caseEvents).values({ id: newId(at), caseId, kind: e.kind, fromState: e.fromState ?? null, toState: e.toState ?? null, note: e.note ?? null, at, by: actor.name }).run();
}

/** The date the line (or the order) first shipped, and the product's warranty months. */
function warrantySource(core: Core, orderId: string | null, orderLineId: string | null, productId: string | null): { shippedOn: string | null; months: number | null } {
  let shippedOn: string | null = null;
  if (orderLineId) {
    shippedOn =
      core.db
        .select({ d: sql<string | null>`min(${shipments.shippedOn})` })
        .from(shipmentLines)
        .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
        .where(eq(shipmentLines.orderLineId, orderLineId))
        .get()?.d ?? null;
  } else if (orderId) {
    shippedOn = core.db.select({ d: sql<string | null>`min(${shipments.shippedOn})` }).from(shipments).where(eq(shipments.orderId, orderId)).get()?.d ?? null;
  }
  const months = productId ? (core.db.select({ m: products.warrantyMonths }).from(products).where(eq(products.id, productId)).get()?.m ?? null) : null;
  return { shippedOn, months };
}

export function createCase(
  core: Core,
  actor: Actor,
  input: {
    accountId: string;
    orderId?: string | null | undefined;
    orderLineId?: string | null | undefined;
    productId?: string | null | undefined;
    serialNo?: string | null | undefined;
    type: CaseType;
    priority: CasePriority;
    title: string;
    description: string;
    ownerRepId?: string | null | undefined;
    ownerUserId?: string | null | undefined;
    attachments: Attachment[];
  },
): string {
  const id = core.tx(() => {
    const account = core.db.select().from(accounts).where(and(eq(accounts.id, input.accountId), isNull(accounts.deletedAt))).get();
    if (!account) throw new AppError('NOT_FOUND', msg(`客户不存在：${input.accountId}`, `Account not found: ${input.accountId}`), { field: 'accountId' });
    let orderId = input.orderId ?? null;
    let productId = input.productId ?? null;
    const orderLineId = input.orderLineId ?? null;
    if (orderLineId) {
      const line = core.db.select({ orderId: orderLines.orderId, productId: orderLines.productId }).from(orderLines).where(eq(orderLines.id, orderLineId)).get();
      if (!line) throw new AppError('INVALID_INPUT', msg(`订单明细不存在：${orderLineId}`, `Order line not found: ${orderLineId}`), { field: 'orderLineId' });
      if (orderId && orderId !== line.orderId) throw new AppError('INVALID_INPUT', msg('这条明细不属于所选订单', 'The line does not belong to the chosen order'), { field: 'orderLineId' });
      orderId = line.orderId;
      productId = productId ?? line.productId;
    }
    if (orderId) {
      const o = core.db.select({ accountId: orders.accountId, orderNo: orders.orderNo }).from(orders).where(and(eq(orders.id, orderId), isNull(orders.deletedAt))).get();
      if (!o) throw new AppError('INVALID_INPUT', msg(`订单不存在：${orderId}`, `Order not found: ${orderId}`), { field: 'orderId' });
      if (o.accountId !== account.id) throw new AppError('INVALID_INPUT', msg(`订单 ${o.orderNo} 不属于客户“${account.name}”`, `Order ${o.orderNo} does not belong to "${account.name}"`), { field: 'orderId' });
    }
    if (productId && !core.db.select({ id: products.id }).from(products).where(eq(products.id, productId)).get()) {
      throw new AppError('INVALID_INPUT', msg(`产品不存在：${productId}`, `Product not found: ${productId}`), { field: 'productId' });
    }
    checkOwner(core, input);
    const ownerRepId = input.ownerRepId !== undefined || input.ownerUserId ? (input.ownerRepId ?? null) : account.ownerRepId;
    const now = core.clock.now();
    const today = core.today();
    const w = warrantySource(core, orderId, orderLineId, productId);
    const targets = slaTargetsFor(core, input.priority, account.id);
    const caseId = newId(now);
    const row = {
      id: caseId,
      caseNo: nextNumber(core, 'CS', { year: today.slice(0, 4) }),
      accountId: account.id,
      orderId,
      orderLineId,
      productId,
      serialNo: input.serialNo?.trim() || null,
      type: input.type,
      priority: input.priority,
      state: 'new' as const,
      title: input.title,
      description: input.description,
      warranty: warrantyStatus(w.shippedOn, w.months, today).status,
      ownerUserId: input.ownerUserId ?? null,
      ownerRepId,
      attachments: JSON.stringify(input.attachments),
      openedAt: now,
      firstResponseTargetMin: targets.firstResponseMinutes,
      resolutionTargetMin: targets.resolutionMinutes,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    };
    core.db.insert(cases).values(row).run();
    addEvent(core, actor, caseId, { kind: 'created', toState: 'new', note: input.title }, now);
    refreshCaseSla(core, caseId);
    recordAudit(core, actor, { action: 'case.create', entityType: 'case', entityId: caseId, after: row });
    refreshAccountAggregates(core, [account.id]);
    return caseId;
  });
  core.events.emit('data.changed', { entities: ['cases', 'accounts'] });
  return id;
}

function bump(core: Core, actor: Actor, c: CaseRecord, set: Partial<CaseRecord>): void {
  const now = core.clock.now();
  const r = core.db
    .update(cases)
    .set({ ...set, updatedAt: now, updatedBy: actor.id, version: c.version + 1 })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .run();
  if (r.changes !== 1) throw staleVersion('case', c.version);
}

function finish(core: Core, c: CaseRecord): void {
  refreshCaseSla(core, c.id);
  refreshAccountAggregates(core, [c.accountId]);
}

export function updateCase(core: Core, actor: Actor, input: { id: string; version: number; patch: { title?: string | undefined; description?: string | undefined; type?: CaseType | undefined; priority?: CasePriority | undefined; serialNo?: string | null | undefined } }): void {
  core.tx(() => {
    const c = requireCaseAt(core, input.id, input.version);
    const diff = changedFields(c as Record<string, unknown>, input.patch);
    if (!diff) return;
    const set: Partial<CaseRecord> = { ...(diff.after as Partial<CaseRecord>) };
    const now = core.clock.now();
    if (input.patch.priority && input.patch.priority !== c.priority) {
      // A new priority means new targets; a clock already breached stays breached.
      const t = slaTargetsFor(core, input.patch.priority, c.accountId);
      set.firstResponseTargetMin = t.firstResponseMinutes;
      set.resolutionTargetMin = t.resolutionMinutes;
      addEvent(core, actor, c.id, { kind: 'comment', note: `优先级 ${c.priority} → ${input.patch.priority} / priority ${c.priority} → ${input.patch.priority}` }, now);
    }
    bump(core, actor, c, set);
    recordAudit(core, actor, { action: 'case.update', entityType: 'case', entityId: c.id, ...diff });
    finish(core, c);
  });
  core.events.emit('data.changed', { entities: ['cases'] });
}

export function setCaseState(core: Core, actor: Actor, input: { id: string; version: number; state: CaseState; note?: string | undefined }): void {
  core.tx(() => {
    const c = requireCaseAt(core, input.id, input.version);
    const t = caseTransition(c.state, input.state);
    if (!t.ok) throw new AppError('RULE_VIOLATION', msg(`工单 ${c.caseNo}：${t.reason.zh}`, `Case ${c.caseNo}: ${t.reason.en}`));
    const now = core.clock.now();
    const set: Partial<CaseRecord> = { state: input.state };
    // Moving a new case on is the first response when nobody answered yet.
    if (c.state === 'new' && c.firstRespondedAt === null) set.firstRespondedAt = now;
    if (input.state === 'resolved') set.resolvedAt = now;
    if (input.state === 'closed') set.closedAt = now;
    if (t.reopen) {
      set.resolvedAt = null;
      set.closedAt = null;
    }
    bump(core, actor, c, set);
    addEvent(core, actor, c.id, { kind: t.reopen ? 'reopened' : 'state', fromState: c.state, toState: input.state, note: input.note ?? null }, now);
    recordAudit(core, actor, { action: t.reopen ? 'case.reopen' : 'case.state', entityType: 'case', entityId: c.id, before: { state: c.state }, after: { state: input.state }, reason: input.note ?? null });
    finish(core, c);
  });
  core.events.emit('data.changed', { entities: ['cases', 'accounts'] });
}

export function respondToCase(core: Core, actor: Actor, input: { id: string; version: number; note: string }): void {
  core.tx(() => {
    const c = requireCaseAt(core, input.id, input.version);
    if (c.state === 'closed') throw new AppError('RULE_VIOLATION', msg(`工单 ${c.caseNo} 已关闭，请先重新打开`, `Case ${c.caseNo} is closed; reopen it first`));
    const now = core.clock.now();
    const set: Partial<CaseRecord> = {};
    if (c.firstRespondedAt === null) set.firstRespondedAt = now;
    if (c.state === 'new') set.state = 'in_progress';
    bump(core, actor, c, set);
    addEvent(core, actor, c.id, { kind: 'response', note: input.note }, now);
    if (set.state) addEvent(core, actor, c.id, { kind: 'state', fromState: 'new', toState: 'in_progress' }, now);
    recordAudit(core, actor, { action: 'case.respond', entityType: 'case', entityId: c.id, after: { note: input.note, first: c.firstRespondedAt === null } });
    finish(core, c);
  });
  core.events.emit('data.changed', { entities: ['cases'] });
}

export function commentOnCase(core: Core, actor: Actor, input: { id: string; version: number; note: string }): void {
  core.tx(() => {
    const c = requireCaseAt(core, input.id, input.version);
    bump(core, actor, c, {});
    addEvent(core, actor, c.id, { kind: 'comment', note: input.note }, core.clock.now());
    recordAudit(core, actor, { action: 'case.comment', entityType: 'case', entityId: c.id, after: { note: input.note } });
  });
  core.events.emit('data.changed', { entities: ['cases'] });
}

function ownerName(core: Core, repId: string | null, userId: string | null): string {
  if (userId) return core.db.select({ n: users.displayName }).from(users).where(eq(users.id, userId)).get()?.n ?? userId;
  if (repId) return core.db.select({ n: reps.name }).from(reps).where(eq(reps.id, repId)).get()?.n ?? repId;
  return '—';
}

/** 升级: reassign to another rep or user, with a note; logged as an escalation. */
export function escalateCase(core: Core, actor: Actor, input: { id: string; version: number; ownerRepId?: string | null | undefined; ownerUserId?: string | null | undefined; note: string }): void {
  core.tx(() => {
    const c = requireCaseAt(core, input.id, input.version);
    if (!input.ownerRepId && !input.ownerUserId) throw new AppError('INVALID_INPUT', msg('升级需要指定新的负责人（业务员或用户）', 'An escalation needs a new owner (a rep or a user)'));
    checkOwner(core, input);
    const ownerRepId = input.ownerUserId ? (input.ownerRepId ?? null) : (input.ownerRepId ?? null);
    const ownerUserId = input.ownerUserId ?? null;
    if (ownerRepId === c.ownerRepId && ownerUserId === c.ownerUserId) throw new AppError('RULE_VIOLATION', msg('新负责人与当前负责人相同', 'The new owner is the current owner'));
    const from = ownerName(core, c.ownerRepId, c.ownerUserId);
    const to = ownerName(core, ownerRepId, ownerUserId);
    bump(core, actor, c, { ownerRepId, ownerUserId, escalationLevel: c.escalationLevel + 1 });
    addEvent(core, actor, c.id, { kind: 'escalated', note: `${from} → ${to}：${input.note}` }, core.clock.now());
    recordAudit(core, actor, { action: 'case.escalate', entityType: 'case', entityId: c.id, before: { ownerRepId: c.ownerRepId, ownerUserId: c.ownerUserId, escalationLevel: c.escalationLevel }, after: { ownerRepId, ownerUserId, escalationLevel: c.escalationLevel + 1 }, reason: input.note });
  });
  core.events.emit('data.changed', { entities: ['cases'] });
}

function parseAttachments(text: string): Attachment[] {
  try {
    const v: unknown = JSON.parse(text);
    if (!Array.isArray(v)) return [];
    return v.filter((x): x is Attachment => typeof x === 'object' && x !== null && typeof (x as Attachment).name === 'string' && typeof (x as Attachment).path === 'string');
  } catch {
    return [];
  }
}

export function addCaseAttachment(core: Core, actor: Actor, input: { id: string; version: number; attachment: Attachment }): void {
  core.tx(() => {
    const c = requireCaseAt(core, input.id, input.version);
    const list = parseAttachments(c.attachments);
    if (list.length >= 200) throw new AppError('RULE_VIOLATION', msg('一个工单最多 200 个附件', 'A case can have at most 200 attachments'));
    list.push(input.attachment);
    bump(core, actor, c, { attachments: JSON.stringify(list) });
    addEvent(core, actor, c.id, { kind: 'attachment', note: `${input.attachment.name} (${input.attachment.path})` }, core.clock.now());
    recordAudit(core, actor, { action: 'case.attachment', entityType: 'case', entityId: c.id, after: input.attachment });
  });
  core.events.emit('data.changed', { entities: ['cases'] });
}

export function getCaseDetail(core: Core, id: string): CaseDetail {
  const c = core.db.select().from(cases).where(eq(cases.id, id)).get();
  if (!c) throw notFound(id);
  const now = core.clock.now();
  const events = loadEvents(core, [id]).get(id) ?? [];
  const view = caseSlaView(core.settings().workCalendar, c, events, now, warnHorizon(core, now));
  const account = core.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, c.accountId)).get();
  const order = c.orderId ? core.db.select({ orderNo: orders.orderNo }).from(orders).where(eq(orders.id, c.orderId)).get() : undefined;
  const product = c.productId ? core.db.select({ name: products.name }).from(products).where(eq(products.id, c.productId)).get() : undefined;
  const w = warrantySource(core, c.orderId, c.orderLineId, c.productId);
  const expires = warrantyStatus(w.shippedOn, w.months, isoDateOf(c.openedAt, core.settings().timeZone)).expiresOn;
  return {
    case: {
      id: c.id,
      caseNo: c.caseNo,
      title: c.title,
      type: c.type,
      priority: c.priority,
      state: c.state,
      accountId: c.accountId,
      accountName: account?.name ?? '',
      orderId: c.orderId,
      orderNo: order?.orderNo ?? null,
      ownerRepId: c.ownerRepId,
      ownerUserId: c.ownerUserId,
      ownerName: c.ownerRepId || c.ownerUserId ? ownerName(core, c.ownerRepId, c.ownerUserId) : null,
      warranty: c.warranty,
      escalationLevel: c.escalationLevel,
      openedAt: c.openedAt,
      firstRespondedAt: c.firstRespondedAt,
      resolvedAt: c.resolvedAt,
      ...view,
      version: c.version,
      description: c.description,
      orderLineId: c.orderLineId,
      productId: c.productId,
      productName: product?.name ?? null,
      serialNo: c.serialNo,
      warrantyExpiresOn: expires,
      attachments: parseAttachments(c.attachments),
      closedAt: c.closedAt,
    },
    events: events.map((e) => ({ id: e.id, kind: e.kind, fromState: e.fromState, toState: e.toState, note: e.note, at: e.at, by: e.by })),
    allowedStates: CASE_STATES.filter((s) => caseTransition(c.state, s).ok),
  };
}
