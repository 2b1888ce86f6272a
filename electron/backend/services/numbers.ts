import { sql } from 'drizzle-orm';
import type { Core } from '../core';

/**
 * Human-facing document numbers: PREFIX-YEAR-000123 (or PREFIX-000123 without a year), unique and
 * gap-free per prefix and year. Must run inside the transaction that inserts the document.
 */
export function nextNumber(core: Core, prefix: string, opts: { year?: string; width?: number } = {}): string {
  const key = opts.year ? `${prefix}-${opts.year}` : prefix;
  const row = core.db.get<{ value: number }>(
    sql`insert into counters (key, value) values (${key}, 1) on conflict(key) do update set value = value + 1 returning value`,
  );
  return `${key}-${String(row.value).padStart(opts.width ?? 6, '0')}`;
}
