import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts, contacts } from './accounts';
import { auditColumns, deletedAtColumn, idColumn } from './columns';
import { reps } from './reps';

export const FOLLOWUP_KINDS = ['call', 'visit', 'wechat', 'email', 'meeting'] as const;

/** 跟进 / 拜访: activity on an account; it moves the account's last follow-up (and so the pool clock). */
export const followups = sqliteTable(
  'followups',
  {
    id: idColumn(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    repId: text('rep_id').references(() => reps.id),
    contactId: text('contact_id').references(() => contacts.id),
    kind: text('kind', { enum: FOLLOWUP_KINDS }).notNull(),
    occurredOn: text('occurred_on').notNull(),
    notes: text('notes').notNull().default(''),
    nextStep: text('next_step'),
    nextOn: text('next_on'),
    nextDone: integer('next_done', { mode: 'boolean' }).notNull().default(false),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [
    index('followups_account_idx').on(t.accountId, t.occurredOn),
    index('followups_rep_idx').on(t.repId, t.occurredOn),
    index('followups_due_idx').on(t.repId, t.nextOn).where(sql`${t.nextDone} = 0 and ${t.nextOn} is not null`),
    index('followups_occurred_idx').on(t.occurredOn),
  ],
);
