import { addMonths } from '../../../../shared/domain/dates';
import { storedSla } from '../case-sla';
import type { SeedContext } from './context';
import { AUDIT_COLUMNS, prepareInsert } from './insert';
import type { SeedOrder } from './orders';
import { weighted } from './random';
import { CASE_NOTES, CASE_TEXTS, fill } from './texts';

type Priority = 'P1' | 'P2' | 'P3' | 'P4';
type CaseState = 'new' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed';
type CaseType = 'repair' | 'replacement' | 'return' | 'refund' | 'complaint' | 'consultation';

/** SLA targets in working minutes (8-hour working day): P1 4h/1d, P2 8h/3d, P3 1d/5d, P4 2d/10d; tighter for tier A. */
export const SLA_POLICIES: readonly (readonly [Priority, 'A' | null, number, number])[] = [
  ['P1', null, 240, 480],
  ['P2', null, 480, 1440],
  ['P3', null, 480, 2400],
  ['P4', null, 960, 4800],
  ['P1', 'A', 120, 480],
  ['P2', 'A', 240, 960],
];

export function seedSlaPolicies(ctx: SeedContext): number {
  const insert = prepareInsert(ctx.sqlite, 'sla_policies', ['id', 'priority', 'tier', 'first_response_minutes', 'resolution_minutes', ...AUDIT_COLUMNS]);
  const at = ctx.stamp(ctx.startDay - 1);
  for (const [priority, tier, first, resolution] of SLA_POLICIES) insert.run(ctx.id(at), priority, tier, first, resolution, at, at, ctx.actor.id, ctx.actor.id, 1);
  return insert.count;
}

interface CaseEvent {
  id: string;
  kind: 'created' | 'state' | 'comment' | 'response' | 'escalated' | 'reassigned' | 'reopened';
  from: CaseState | null;
  to: CaseState | null;
  note: string;
  at: number;
  by: string;
}

export interface SeedCase {
  id: string;
  accountId: string;
  order: SeedOrder;
  lineId: string | null;
  productId: string | null;
  serialNo: string | null;
  type: CaseType;
  priority: Priority;
  state: CaseState;
  title: string;
  description: string;
  warranty: 'in' | 'out' | 'unknown';
  ownerRepId: string | null;
  openedAt: number;
  firstRespondedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  firstResponseTargetMin: number;
  resolutionTargetMin: number;
  firstResponseDueAt: number | null;
  resolutionDueAt: number | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  escalationLevel: number;
  events: CaseEvent[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * 售后工单 on a shipped order: type, priority, warranty from the ship date and the product's warranty,
 * and a history of events (created, first response, waiting on the customer, escalation, resolution,
 * closing, sometimes a reopen) cut at the present, which gives the case its state. The SLA targets come
 * from the policies and the due times and breach flags from the cases service's own clocks over those
 * events, so the grid, the dashboard and the SLA report agree about the demo.
 */
export function buildCase(ctx: SeedContext, order: SeedOrder, accountId: string, tier: 'A' | 'B' | 'C', ownerRepId: string | null, users: { coordinatorId: string; managerId: string }): SeedCase | null {
  const { r } = ctx;
  const shipDay = order.shippedDay;
  if (shipDay === null) return null;
  const openedDay = shipDay + Math.floor(r.next() * r.next() * 300) + 2;
  if (openedDay > ctx.lastDay) return null;
  const type = weighted(r, [
    ['repair', 35],
    ['replacement', 12],
    ['return', 8],
    ['refund', 4],
    ['complaint', 16],
    ['consultation', 25],
  ] as const);
  const priority = weighted(r, [
    ['P1', 6],
    ['P2', 20],
    ['P3', 50],
    ['P4', 24],
  ] as const);
  const withProduct = type !== 'refund' && type !== 'complaint';
  const equipment = order.lines.filter((l) => l.product.category === '设备');
  const line = withProduct ? (equipment.length > 0 && r.chance(0.8) ? r.pick(equipment) : r.pick(order.lines)) : null;
  const [titleT, descT] = r.pick(CASE_TEXTS[type]!);
  const n = r.int(2, 15);
  const productName = line?.product.name ?? '';
  let warranty: SeedCase['warranty'] = 'unknown';
  if (line) {
    const until = addMonths(ctx.date(shipDay), line.product.warrantyMonths);
    warranty = line.product.warrantyMonths > 0 && ctx.date(openedDay) <= until ? 'in' : 'out';
  }

  const policy = SLA_POLICIES.find((p) => p[0] === priority && p[1] === tier) ?? SLA_POLICIES.find((p) => p[0] === priority && p[1] === null)!;
  const openedAt = ctx.stamp(openedDay);
  const now = ctx.todayDay * DAY - 8 * HOUR;
  const c: SeedCase = {
    id: ctx.id(openedAt),
    accountId,
    order,
    lineId: line?.id ?? null,
    productId: line?.product.id ?? null,
    serialNo: line && line.product.category === '设备' ? `SN${ctx.date(shipDay).slice(2, 4)}${r.digits(8)}` : null,
    type,
    priority,
    state: 'new',
    title: fill(titleT, productName, n),
    description: fill(descT, productName, n),
    warranty,
    ownerRepId,
    openedAt,
    firstRespondedAt: null,
    resolvedAt: null,
    closedAt: null,
    firstResponseTargetMin: policy[2],
    resolutionTargetMin: policy[3],
    firstResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseBreached: false,
    resolutionBreached: false,
    escalationLevel: 0,
    events: [],
  };
  const coordinator = users.coordinatorId;
  let t = openedAt;
  const push = (kind: CaseEvent['kind'], from: CaseState | null, to: CaseState | null, note: string, by = coordinator): boolean => {
    if (t >= now) return false;
    c.events.push({ id: ctx.id(t), kind, from, to, note, at: t, by });
    if (to) c.state = to;
    return true;
  };
  push('created', null, 'new', '客户来电报修，已登记工单');

  // Time to first response and to resolution scale with priority; a few cases drag on for months.
  const scale = { P1: 1, P2: 2, P3: 4, P4: 6 }[priority];
  // Some cases drag on (parts on order, disputes): they fill the overdue list.
  const stuck = r.chance(0.1);
  const steps = (): boolean => {
    t += Math.round((0.2 + r.next() * 1.6) * scale * 2 * HOUR);
    if (!push('response', null, null, r.pick(CASE_NOTES.response))) return false;
    c.firstRespondedAt = t;
    if (!push('state', 'new', 'in_progress', '开始处理')) return false;
    if (r.chance(0.4)) {
      t += Math.round(r.next() * 6 * HOUR);
      if (!push('state', 'in_progress', 'waiting_customer', r.pick(CASE_NOTES.waiting))) return false;
      t += Math.round((1 + r.next() * 5) * DAY);
      if (!push('state', 'waiting_customer', 'in_progress', r.pick(CASE_NOTES.resumed))) return false;
    }
    const work = stuck ? (20 + r.next() * 130) * DAY : (0.3 + r.next() * 2.5) * scale * DAY;
    if (r.chance(stuck ? 0.8 : 0.08)) {
      t += Math.round(work / 2);
      if (!push('escalated', null, null, r.pick(CASE_NOTES.escalated), users.managerId)) return false;
      c.escalationLevel = r.chance(0.25) ? 2 : 1;
    }
    t += Math.round(stuck ? work / 2 : work);
    if (!push('state', 'in_progress', 'resolved', r.pick(CASE_NOTES.resolved))) return false;
    c.resolvedAt ??= t;
    if (r.chance(0.05)) {
      t += Math.round((1 + r.next() * 6) * DAY);
      if (!push('reopened', 'resolved', 'in_progress', r.pick(CASE_NOTES.reopened))) return false;
      t += Math.round((0.5 + r.next() * 3) * scale * DAY);
      if (!push('state', 'in_progress', 'resolved', r.pick(CASE_NOTES.resolved))) return false;
      c.resolvedAt = t;
    }
    t += Math.round((1 + r.next() * 6) * DAY);
    if (!push('state', 'resolved', 'closed', r.pick(CASE_NOTES.closed))) return false;
    c.closedAt = t;
    return true;
  };
  steps();
  if (c.state !== 'resolved' && c.state !== 'closed') c.resolvedAt = null;

  const events = c.events.map((e) => ({ toState: e.to, at: e.at }));
  return Object.assign(c, storedSla(ctx.core.settings().workCalendar, c, events, now));
}

/** Writes buffered cases numbered CS-YYYY-NNNNNN in the order they were opened, then their events. */
export function writeCases(ctx: SeedContext, cases: SeedCase[]): { cases: number; events: number } {
  const insertCase = prepareInsert(ctx.sqlite, 'cases', [
    'id',
    'case_no',
    'account_id',
    'order_id',
    'order_line_id',
    'product_id',
    'serial_no',
    'type',
    'priority',
    'state',
    'title',
    'description',
    'warranty',
    'owner_user_id',
    'owner_rep_id',
    'attachments',
    'opened_at',
    'first_responded_at',
    'resolved_at',
    'closed_at',
    'first_response_target_min',
    'resolution_target_min',
    'first_response_due_at',
    'resolution_due_at',
    'first_response_breached',
    'resolution_breached',
    'escalation_level',
    ...AUDIT_COLUMNS,
  ]);
  const insertEvent = prepareInsert(ctx.sqlite, 'case_events', ['id', 'case_id', 'kind', 'from_state', 'to_state', 'note', 'at', 'by']);
  const sorted = cases.slice().sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
  const a = ctx.actor.id;
  for (const c of sorted) {
    const no = ctx.numbers.next('CS', new Date(c.openedAt + 8 * HOUR).toISOString().slice(0, 4));
    const updated = c.events[c.events.length - 1]!.at;
    const owner = c.events[0]!.by;
    insertCase.run(
      c.id,
      no,
      c.accountId,
      c.order.id,
      c.lineId,
      c.productId,
      c.serialNo,
      c.type,
      c.priority,
      c.state,
      c.title,
      c.description,
      c.warranty,
      owner,
      c.ownerRepId,
      '[]',
      c.openedAt,
      c.firstRespondedAt,
      c.resolvedAt,
      c.closedAt,
      c.firstResponseTargetMin,
      c.resolutionTargetMin,
      c.firstResponseDueAt,
      c.resolutionDueAt,
      c.firstResponseBreached ? 1 : 0,
      c.resolutionBreached ? 1 : 0,
      c.escalationLevel,
      c.openedAt,
      updated,
      a,
      a,
      1,
    );
    for (const e of c.events) insertEvent.run(e.id, c.id, e.kind, e.from, e.to, e.note, e.at, e.by);
  }
  return { cases: insertCase.count, events: insertEvent.count };
}
