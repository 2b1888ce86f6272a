import type { Sqlite } from '../../../../db/client';

/**
 * Human document numbers for seeded rows, in the format services/numbers.ts uses (PREFIX-YEAR-000123).
 * Sequences are kept in memory and written to the counters table at the end, so that the next number
 * the app hands out continues the seeded ones.
 */
export class DocNumbers {
  private readonly values = new Map<string, number>();

  constructor(sqlite: Sqlite) {
    for (const row of sqlite.prepare('select key, value from counters').all() as { key: string; value: number }[]) this.values.set(row.key, row.value);
  }

  next(prefix: string, year?: string): string {
    const key = year ? `${prefix}-${year}` : prefix;
    const value = (this.values.get(key) ?? 0) + 1;
    this.values.set(key, value);
    return `${key}-${String(value).padStart(6, '0')}`;
  }

  write(sqlite: Sqlite): void {
    const stmt = sqlite.prepare('insert into counters (key, value) values (?, ?) on conflict(key) do update set value = max(value, excluded.value)');
    for (const [key, value] of [...this.values].sort(([a], [b]) => (a < b ? -1 : 1))) stmt.run(key, value);
  }
}

/** Prefixes of the seeded documents (the app's services continue the same sequences). */
export const DOC_PREFIX = {
  account: 'KH',
  order: 'SO',
  payment: 'SK',
  return: 'TH',
  case: 'CS',
} as const;
