import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../../db/client';

/**
 * Prepared statements, prepared once per connection: preparing costs more than running a simple
 * indexed lookup, and the import runs the same few lookups for every row of a 100,000-row file.
 */
const caches = new WeakMap<Sqlite, Map<string, Statement>>();

export function prepared(sqlite: Sqlite, sql: string): Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size > 500) cache.clear();
    cache.set(sql, (stmt = sqlite.prepare(sql)));
  }
  return stmt;
}
