import { type SQL, and, asc, desc, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ColumnFilter, GridQuery, SimpleFilter } from '../shared/contract/grid';
import { addDays } from '../shared/domain/dates';

type Expr = SQLiteColumn | SQL;

/**
 * How one grid column maps to SQL. `daysSince` columns are shown as "days since <date>" but sorted and
 * filtered on the underlying date column, so the date's index still serves them.
 */
export type GridColumn =
  | { kind: 'text' | 'number' | 'date' | 'bool'; expr: Expr }
  | { kind: 'daysSince'; expr: Expr }
  /**
   * Text shown from another table (the owner's name): sorted on the joined expr, but filtered as
   * "key in (ids whose text matches)" so the filter uses the key's index instead of a join per row.
   */
  | { kind: 'lookup'; expr: Expr; key: Expr; ids: (cond: SQL) => SQL };

export type GridColumns = Record<string, GridColumn>;

export interface GridSqlOptions {
  columns: GridColumns;
  /** Needed by daysSince columns. */
  today: string;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function like(expr: Expr, pattern: string): SQL {
  return sql`${expr} like ${pattern} escape '\\'`;
}

function textCondition(expr: Expr, f: Extract<SimpleFilter, { filterType: 'text' }>): SQL | undefined {
  const v = f.filter ?? '';
  switch (f.type) {
    case 'blank':
      return or(isNull(expr), sql`${expr} = ''`);
    case 'notBlank':
      return and(isNotNull(expr), sql`${expr} <> ''`);
    case 'equals':
      return sql`${expr} = ${v}`;
    case 'notEqual':
      return or(isNull(expr), sql`${expr} <> ${v}`);
    case 'contains':
      return like(expr, `%${escapeLike(v)}%`);
    case 'notContains':
      return or(isNull(expr), sql`not (${like(expr, `%${escapeLike(v)}%`)})`);
    case 'startsWith':
      return like(expr, `${escapeLike(v)}%`);
    case 'endsWith':
      return like(expr, `%${escapeLike(v)}`);
  }
}

function numberCondition(expr: Expr, f: Extract<SimpleFilter, { filterType: 'number' }>): SQL | undefined {
  const a = f.filter ?? null;
  const b = f.filterTo ?? null;
  switch (f.type) {
    case 'blank':
      return isNull(expr);
    case 'notBlank':
      return isNotNull(expr);
    case 'inRange':
      return a === null || b === null ? undefined : sql`${expr} between ${Math.min(a, b)} and ${Math.max(a, b)}`;
  }
  if (a === null) return undefined;
  const ops = { equals: '=', notEqual: '<>', lessThan: '<', lessThanOrEqual: '<=', greaterThan: '>', greaterThanOrEqual: '>=' } as const;
  return sql`${expr} ${sql.raw(ops[f.type])} ${a}`;
}

function dateCondition(expr: Expr, f: Extract<SimpleFilter, { filterType: 'date' }>): SQL | undefined {
  const from = f.dateFrom?.slice(0, 10) ?? null;
  const to = f.dateTo?.slice(0, 10) ?? null;
  switch (f.type) {
    case 'blank':
      return isNull(expr);
    case 'notBlank':
      return isNotNull(expr);
    case 'equals':
      return from ? sql`${expr} = ${from}` : undefined;
    case 'notEqual':
      return from ? or(isNull(expr), sql`${expr} <> ${from}`) : undefined;
    case 'lessThan':
      return from ? sql`${expr} < ${from}` : undefined;
    case 'greaterThan':
      return from ? sql`${expr} > ${from}` : undefined;
    case 'inRange':
      return from && to ? sql`${expr} between ${from < to ? from : to} and ${from < to ? to : from}` : undefined;
  }
}

/** "days since the date ≥ n" is "date ≤ today − n": rewrite number filters into date comparisons. */
function daysSinceCondition(expr: Expr, f: Extract<SimpleFilter, { filterType: 'number' }>, today: string): SQL | undefined {
  const day = (n: number) => addDays(today, -Math.trunc(n));
  const a = f.filter ?? null;
  const b = f.filterTo ?? null;
  switch (f.type) {
    case 'blank':
      return isNull(expr);
    case 'notBlank':
      return isNotNull(expr);
    case 'inRange':
      return a === null || b === null ? undefined : sql`${expr} between ${day(Math.max(a, b))} and ${day(Math.min(a, b))}`;
  }
  if (a === null) return undefined;
  switch (f.type) {
    case 'equals':
      return sql`${expr} = ${day(a)}`;
    case 'notEqual':
      return or(isNull(expr), sql`${expr} <> ${day(a)}`);
    case 'lessThan':
      return sql`${expr} > ${day(a)}`;
    case 'lessThanOrEqual':
      return sql`${expr} >= ${day(a)}`;
    case 'greaterThan':
      return sql`${expr} < ${day(a)}`;
    case 'greaterThanOrEqual':
      return sql`${expr} <= ${day(a)}`;
  }
}

function lookupCondition(col: Extract<GridColumn, { kind: 'lookup' }>, f: SimpleFilter): SQL | undefined {
  if (f.filterType !== 'text') return undefined;
  switch (f.type) {
    case 'blank':
      return isNull(col.key);
    case 'notBlank':
      return isNotNull(col.key);
    case 'notEqual':
    case 'notContains': {
      const positive = textCondition(col.expr, { ...f, type: f.type === 'notEqual' ? 'equals' : 'contains' });
      return positive ? or(isNull(col.key), sql`${col.key} not in ${col.ids(positive)}`) : undefined;
    }
    default: {
      const cond = textCondition(col.expr, f);
      return cond ? sql`${col.key} in ${col.ids(cond)}` : undefined;
    }
  }
}

function simpleCondition(col: GridColumn, f: SimpleFilter, today: string): SQL | undefined {
  if (col.kind === 'lookup') return lookupCondition(col, f);
  if (f.filterType === 'set') {
    if (f.values.length === 0) return sql`0`;
    if (col.kind === 'bool') return sql`${col.expr} in ${f.values.map((v) => (v === 'true' || v === '1' ? 1 : 0))}`;
    return sql`${col.expr} in ${f.values}`;
  }
  if (col.kind === 'daysSince') return f.filterType === 'number' ? daysSinceCondition(col.expr, f, today) : undefined;
  if (f.filterType === 'text') return textCondition(col.expr, f);
  if (f.filterType === 'number') return col.kind === 'number' ? numberCondition(col.expr, f) : undefined;
  return col.kind === 'date' ? dateCondition(col.expr, f) : undefined;
}

function filterCondition(col: GridColumn, f: ColumnFilter, today: string): SQL | undefined {
  if ('conditions' in f) {
    const parts = f.conditions.map((c) => simpleCondition(col, c, today)).filter((c): c is SQL => c !== undefined);
    if (parts.length === 0) return undefined;
    return f.operator === 'OR' ? or(...parts) : and(...parts);
  }
  return simpleCondition(col, f, today);
}

/** The WHERE conditions for a grid query's column filters. Unknown columns are ignored, never trusted. */
export function gridWhere(q: GridQuery, opts: GridSqlOptions): SQL[] {
  const conditions: SQL[] = [];
  for (const [colId, filter] of Object.entries(q.filters)) {
    if (!Object.hasOwn(opts.columns, colId)) continue;
    const cond = filterCondition(opts.columns[colId]!, filter, opts.today);
    if (cond) conditions.push(cond);
  }
  return conditions;
}

/** ORDER BY for a grid query; a stable tiebreaker keeps paging consistent. */
export function gridOrderBy(q: GridQuery, opts: GridSqlOptions, tiebreaker: Expr): SQL[] {
  const order: SQL[] = [];
  for (const s of q.sort) {
    if (!Object.hasOwn(opts.columns, s.colId)) continue;
    const col = opts.columns[s.colId]!;
    // More days since = an older date, so the direction flips. SQLite puts NULLs first ascending, so a
    // never-followed account (null date) sorts as "most days", which is what it means.
    const dir = col.kind === 'daysSince' ? (s.sort === 'asc' ? 'desc' : 'asc') : s.sort;
    order.push(dir === 'asc' ? asc(col.expr) : desc(col.expr));
  }
  order.push(asc(tiebreaker));
  return order;
}

export { escapeLike };
