import { type SQL, and, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type GridColumns, escapeLike, gridOrderBy, gridWhere } from '../../../db/grid-sql';
import { accounts, cases, orders, reps, users } from '../../../db/schema';
import type { CaseRow } from '../../../shared/contract/cases';
import type { GridQuery } from '../../../shared/contract/grid';
import type { CasePriority, CaseState } from '../../../shared/domain/case-state';
import type { Core } from '../core';
import { caseSlaView, loadEvents, warnHorizon } from './case-sla';

const ownerRep = alias(reps, 'owner_rep');
const ownerUser = alias(users, 'owner_user');
const OWNER_NAME = sql<string | null>`coalesce(${ownerUser.displayName}, ${ownerRep.name})`;

const caseGridColumns: GridColumns = {
  caseNo: { kind: 'text', expr: cases.caseNo },
  title: { kind: 'text', expr: cases.title },
  type: { kind: 'text', expr: cases.type },
  priority: { kind: 'text', expr: cases.priority },
  state: { kind: 'text', expr: cases.state },
  accountName: { kind: 'text', expr: accounts.name },
  orderNo: { kind: 'text', expr: orders.orderNo },
  ownerName: { kind: 'text', expr: OWNER_NAME },
  openedAt: { kind: 'number', expr: cases.openedAt },
  resolutionDueAt: { kind: 'number', expr: cases.resolutionDueAt },
  firstResponseDueAt: { kind: 'number', expr: cases.firstResponseDueAt },
  warranty: { kind: 'text', expr: cases.warranty },
};

export interface CaseListFilter {
  sla?: 'breached' | 'about_to_breach' | 'on_track' | undefined;
  states?: CaseState[] | undefined;
  open?: boolean | undefined;
  accountId?: string | undefined;
  orderId?: string | undefined;
  ownerRepId?: string | undefined;
  priority?: CasePriority[] | undefined;
}

/** SQL for the SLA filters, from the stored due instants and sticky flags (see case-sla.ts). */
export function slaConditions(now: number, horizon: number) {
  const frRunning = sql`(${cases.firstRespondedAt} is null and ${cases.state} in ('new','in_progress') and ${cases.firstResponseDueAt} is not null)`;
  const resRunning = sql`(${cases.state} in ('new','in_progress') and ${cases.resolutionDueAt} is not null)`;
  const breached = sql`(${cases.firstResponseBreached} = 1 or ${cases.resolutionBreached} = 1 or (${frRunning} and ${cases.firstResponseDueAt} < ${now}) or (${resRunning} and ${cases.resolutionDueAt} < ${now}))`;
  // A clock about to run out is worth showing even when the other clock has already failed.
  const about = sql`((${frRunning} and ${cases.firstResponseBreached} = 0 and ${cases.firstResponseDueAt} between ${now} and ${horizon}) or (${resRunning} and ${cases.resolutionBreached} = 0 and ${cases.resolutionDueAt} between ${now} and ${horizon}))`;
  const onTrack = sql`(not ${breached} and not ${about} and (${frRunning} or ${resRunning}))`;
  return { breached, about, onTrack };
}

/** The WHERE of the cases grid for a query and its filter (the dashboard counts with it too). */
export function caseListWhere(core: Core, q: Pick<GridQuery, 'filters' | 'search'> & { filter: CaseListFilter }): SQL | undefined {
  const now = core.clock.now();
  const horizon = warnHorizon(core, now);
  const opts = { columns: caseGridColumns, today: core.today() };
  const f = q.filter;
  const conditions: SQL[] = [...gridWhere({ offset: 0, limit: 1, sort: [], ...q }, opts)];
  if (f.states?.length) conditions.push(inArray(cases.state, f.states));
  if (f.open) conditions.push(inArray(cases.state, ['new', 'in_progress', 'waiting_customer']));
  if (f.accountId) conditions.push(eq(cases.accountId, f.accountId));
  if (f.orderId) conditions.push(eq(cases.orderId, f.orderId));
  if (f.ownerRepId) conditions.push(eq(cases.ownerRepId, f.ownerRepId));
  if (f.priority?.length) conditions.push(inArray(cases.priority, f.priority));
  if (f.sla) {
    const s = slaConditions(now, horizon);
    conditions.push(f.sla === 'breached' ? s.breached : f.sla === 'about_to_breach' ? s.about : s.onTrack);
  }
  if (q.search) {
    const t = escapeLike(q.search);
    conditions.push(sql`(${cases.caseNo} like ${`%${t}%`} escape '\\' or ${cases.title} like ${`%${t}%`} escape '\\' or ${accounts.name} like ${`%${t}%`} escape '\\' or ${cases.serialNo} like ${`%${t}%`} escape '\\')`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** How many cases the grid lists for a filter (the same joins as its count). */
export function countCases(core: Core, q: Pick<GridQuery, 'filters' | 'search'> & { filter: CaseListFilter }): number {
  return (
    core.db
      .select({ n: count() })
      .from(cases)
      .innerJoin(accounts, eq(accounts.id, cases.accountId))
      .leftJoin(orders, eq(orders.id, cases.orderId))
      .leftJoin(ownerRep, eq(ownerRep.id, cases.ownerRepId))
      .leftJoin(ownerUser, eq(ownerUser.id, cases.ownerUserId))
      .where(caseListWhere(core, q))
      .get()?.n ?? 0
  );
}

export function listCases(core: Core, q: GridQuery & { filter: CaseListFilter }): { total: number; items: CaseRow[] } {
  const now = core.clock.now();
  const horizon = warnHorizon(core, now);
  const opts = { columns: caseGridColumns, today: core.today() };
  const where = caseListWhere(core, q);
  const from = () =>
    core.db
      .select({ c: cases, accountName: accounts.name, orderNo: orders.orderNo, ownerName: OWNER_NAME })
      .from(cases)
      .innerJoin(accounts, eq(accounts.id, cases.accountId))
      .leftJoin(orders, eq(orders.id, cases.orderId))
      .leftJoin(ownerRep, eq(ownerRep.id, cases.ownerRepId))
      .leftJoin(ownerUser, eq(ownerUser.id, cases.ownerUserId));
  const total = countCases(core, q);
  const rows = from()
    .where(where)
    .orderBy(...gridOrderBy(q.sort.length ? q : { ...q, sort: [{ colId: 'openedAt', sort: 'desc' }] }, opts, cases.id))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const events = loadEvents(
    core,
    rows.map((r) => r.c.id),
  );
  const cal = core.settings().workCalendar;
  return {
    total,
    items: rows.map(({ c, accountName, orderNo, ownerName }) => {
      const view = caseSlaView(cal, c, events.get(c.id) ?? [], now, horizon);
      return {
        id: c.id,
        caseNo: c.caseNo,
        title: c.title,
        type: c.type,
        priority: c.priority,
        state: c.state,
        accountId: c.accountId,
        accountName,
        orderId: c.orderId,
        orderNo,
        ownerRepId: c.ownerRepId,
        ownerUserId: c.ownerUserId,
        ownerName,
        warranty: c.warranty,
        escalationLevel: c.escalationLevel,
        openedAt: c.openedAt,
        firstRespondedAt: c.firstRespondedAt,
        resolvedAt: c.resolvedAt,
        ...view,
        version: c.version,
      };
    }),
  };
}
