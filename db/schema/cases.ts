import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { auditColumns, idColumn } from './columns';
import { orderLines, orders } from './orders';
import { products } from './products';
import { reps } from './reps';
import { users } from './users';

export const CASE_TYPES = ['repair', 'replacement', 'return', 'refund', 'complaint', 'consultation'] as const;
export const CASE_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const CASE_STATES = ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;

/**
 * 售后工单. SLA figures are working minutes computed by the SLA clock in shared/domain from the case
 * events; the *_breached flags are sticky (once failed, always failed) and the due_at columns are
 * kept up to date for the "about to breach" list.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: idColumn(),
    caseNo: text('case_no').notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    orderId: text('order_id').references(() => orders.id),
    orderLineId: text('order_line_id').references(() => orderLines.id),
    productId: text('product_id').references(() => products.id),
    serialNo: text('serial_no'),
    type: text('type', { enum: CASE_TYPES }).notNull(),
    priority: text('priority', { enum: CASE_PRIORITIES }).notNull().default('P3'),
    state: text('state', { enum: CASE_STATES }).notNull().default('new'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    warranty: text('warranty', { enum: ['in', 'out', 'unknown'] }).notNull().default('unknown'),
    ownerUserId: text('owner_user_id').references(() => users.id),
    ownerRepId: text('owner_rep_id').references(() => reps.id),
    /** JSON array of {name, path} file references. */
    attachments: text('attachments').notNull().default('[]'),
    openedAt: integer('opened_at').notNull(),
    firstRespondedAt: integer('first_responded_at'),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    /** SLA targets in working minutes, fixed from the policy when the case opens or its priority changes. */
    firstResponseTargetMin: integer('first_response_target_min'),
    resolutionTargetMin: integer('resolution_target_min'),
    firstResponseDueAt: integer('first_response_due_at'),
    resolutionDueAt: integer('resolution_due_at'),
    firstResponseBreached: integer('first_response_breached', { mode: 'boolean' }).notNull().default(false),
    resolutionBreached: integer('resolution_breached', { mode: 'boolean' }).notNull().default(false),
    escalationLevel: integer('escalation_level').notNull().default(0),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex('cases_no_uq').on(t.caseNo),
    index('cases_account_idx').on(t.accountId, t.state),
    index('cases_state_idx').on(t.state, t.resolutionDueAt),
    index('cases_order_idx').on(t.orderId),
    index('cases_owner_rep_idx').on(t.ownerRepId, t.state),
    index('cases_opened_idx').on(t.openedAt),
    index('cases_fr_due_idx').on(t.firstResponseDueAt),
  ],
);

export const CASE_EVENT_KINDS = ['created', 'state', 'comment', 'response', 'escalated', 'reassigned', 'reopened', 'attachment'] as const;

export const caseEvents = sqliteTable(
  'case_events',
  {
    id: idColumn(),
    caseId: text('case_id').notNull().references(() => cases.id),
    kind: text('kind', { enum: CASE_EVENT_KINDS }).notNull(),
    fromState: text('from_state', { enum: CASE_STATES }),
    toState: text('to_state', { enum: CASE_STATES }),
    note: text('note'),
    at: integer('at').notNull(),
    by: text('by'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** SLA targets in working minutes, by priority and optionally by account tier (tier-specific wins). */
export const slaPolicies = sqliteTable(
  'sla_policies',
  {
    id: idColumn(),
    priority: text('priority', { enum: CASE_PRIORITIES }).notNull(),
    tier: text('tier', { enum: ['A', 'B', 'C'] }),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    ...auditColumns(),
  },
  (t) => [uniqueIndex('sla_policies_uq').on(t.priority, t.tier)],
);
