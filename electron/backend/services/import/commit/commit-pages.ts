import { BATCH_ROWS } from '../session/staging';

/**
 * The commit's page of validated rows to write: the next BATCH_ROWS rows to create or update after
 * idx `?`, in sheet order. Paged by idx because better-sqlite3 refuses writes while a statement is
 * still iterating.
 *
 * The unary + on action keeps the planner off results_action (action, idx): through that index (the
 * staging tables have no statistics) each page read every remaining row of both actions and sorted
 * them, so the commit grew with the square of the row count (a 1,000,000-row CSV took over 10
 * minutes). Walking the primary key from idx reads only the page it returns.
 */
export function commitPageSql(schema: string, grouped: boolean): string {
  return grouped
    ? `select r.idx, s.row, r.action, r.target, r.entity as record, r.changes from ${schema}.results r join ${schema}.rows s on s.idx = r.idx where r.entity is not null and +r.action in ('create', 'update') and r.idx > ? order by r.idx limit ${BATCH_ROWS}`
    : `select r.idx, s.row, r.action, r.target, r.record, r.changes from ${schema}.results r join ${schema}.rows s on s.idx = r.idx where +r.action in ('create', 'update') and r.idx > ? order by r.idx limit ${BATCH_ROWS}`;
}
