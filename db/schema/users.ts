import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns, idColumn } from './columns';

/** Local profiles. Passwords are scrypt hashes ("scrypt$N$r$p$salt$hash"); null means no password set. */
export const users = sqliteTable(
  'users',
  {
    id: idColumn(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'manager', 'coordinator'] }).notNull(),
    passwordHash: text('password_hash'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    lastSignInAt: integer('last_sign_in_at'),
    ...auditColumns(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);
