import type { Core } from '../core';

/**
 * A batch write's transaction: IMMEDIATE, so the rows it reads are the ones it writes (no other
 * connection can write between the two), and with foreign key checks off. Only for writes whose every
 * reference the caller has read or inserted in this same transaction (a credit run's grades refer to
 * the run and to accounts just read; an allocation's transfers to accounts just read and reps just
 * checked): the checks cannot fail, and they cost a lookup per reference per row (about a seventh of
 * a credit run's writing, a tenth of a 100,000-account allocation's). Inside an outer transaction the
 * pragma cannot change; fn then joins it with the checks on.
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
