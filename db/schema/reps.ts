import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns, deletedAtColumn, idColumn } from './columns';
import { territories } from './territories';
import { users } from './users';

/** 业务员: field sales people who own accounts. */
export const reps = sqliteTable(
  'reps',
  {
    id: idColumn(),
    employeeNo: text('employee_no'),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    status: text('status', { enum: ['active', 'paused', 'left'] }).notNull().default('active'),
    /** Maximum accounts held; null means no cap. */
    capacity: integer('capacity'),
    /** JSON array of industries the rep specialises in. */
    specialities: text('specialities').notNull().default('[]'),
    territoryId: text('territory_id').references(() => territories.id),
    userId: text('user_id').references(() => users.id),
    joinedOn: text('joined_on'),
    leftOn: text('left_on'),
    notes: text('notes'),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [
    uniqueIndex('reps_employee_no_uq').on(t.employeeNo),
    index('reps_territory_idx').on(t.territoryId),
    index('reps_name_idx').on(t.name),
  ],
);

/** Extra territories a rep covers besides the primary one. */
export const repTerritories = sqliteTable(
  'rep_territories',
  {
    repId: text('rep_id').notNull().references(() => reps.id),
    territoryId: text('territory_id').notNull().references(() => territories.id),
  },
  (t) => [primaryKey({ columns: [t.repId, t.territoryId] }), index('rep_territories_territory_idx').on(t.territoryId)],
);
