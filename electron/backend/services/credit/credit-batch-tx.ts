import type { Core } from '../../core';

/**
 * The batch run's transaction: IMMEDIATE, so the accounts it reads are the ones it writes grades for
 * (no other connection can write between the two), and with foreign key checks off, because every
 * credit_grades row refers to the run inserted first in the same transaction and to an account just
 * read in it: the checks (a lookup per row, about a seventh of the writing) cannot fail. Inside an
 * outer transaction the pragma cannot change; the run then joins it with the checks on.
 */
export function inBatchTransaction<T>(core: Core, fn: () => T): T {
  const db = core.sqlite;
  if (db.inTransaction) return fn();
  const checks = db.pragma('foreign_keys', { simple: true }) === 1;
  if (checks) db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(fn).immediate();
  } finally {
    if (checks) db.pragma('foreign_keys = ON');
  }
}
