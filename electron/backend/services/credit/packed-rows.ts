import type { Core } from '../../core';

/**
 * All rows of a statement as one JSON text, parsed in JS: the per-account passes of the credit inputs
 * return tens of thousands of short rows, and handing each row across to JS (a step and a new array each)
 * cost about a quarter of every pass, more than building them in SQLite and parsing one string.
 * Lossless: SQLite (≥ 3.45) writes reals with 17 significant digits, which read back as the same double;
 * text and NULL map as the row API maps them, and integers beyond 2^53 lose precision in both ways.
 * `columns` is how many the statement selects; rows keep the statement's order.
 */
export function packedRows<Row extends unknown[]>(core: Core, sql: string, columns: number, params: Record<string, string | number>): Row[] {
  const names = Array.from({ length: columns }, (_, i) => `c${i}`).join(', ');
  // A CTE's column list names the columns, so the statement's own text needs no aliases.
  const text = core.sqlite.prepare(`with t(${names}) as (${sql}) select json_group_array(json_array(${names})) from t`).pluck().get(params) as string;
  return JSON.parse(text) as Row[];
}
