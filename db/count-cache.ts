import type { Sqlite } from './client';

/**
 * Remembers row counts of grid queries until the database changes. Sorting or scrolling a 100,000-row
 * grid asks for the same count again and again; a count is reused only while neither this connection
 * (total_changes()) nor any other (PRAGMA data_version) has written since, so it is never stale.
 */
const caches = new WeakMap<Sqlite, { stamp: string; counts: Map<string, number> }>();
const MAX_ENTRIES = 200;

function stamp(sqlite: Sqlite): string {
  const changes = sqlite.prepare('select total_changes() as n').get() as { n: number };
  return `${String(sqlite.pragma('data_version', { simple: true }))}:${changes.n}`;
}

/** The cache key of a rendered query: its text and its parameters. */
export function queryKey(q: { sql: string; params: unknown[] }): string {
  return `${q.sql}\u0000${JSON.stringify(q.params)}`;
}

export function cachedCount(sqlite: Sqlite, key: string, compute: () => number): number {
  const now = stamp(sqlite);
  let cache = caches.get(sqlite);
  if (!cache || cache.stamp !== now) {
    cache = { stamp: now, counts: new Map() };
    caches.set(sqlite, cache);
  }
  const hit = cache.counts.get(key);
  if (hit !== undefined) return hit;
  const n = compute();
  if (cache.counts.size >= MAX_ENTRIES) cache.counts.clear();
  cache.counts.set(key, n);
  return n;
}
