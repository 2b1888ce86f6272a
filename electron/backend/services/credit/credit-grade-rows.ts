import type { Core } from '../../core';
import type { Graded } from './credit-run-summary';

const COLUMNS = '(run_id, account_id, grade, score, previous_grade, factors, exposure_fen, limit_fen, over_limit, suggest_hold)';
const PARAMS = 10;
const ONE = `(${Array<string>(PARAMS).fill('?').join(', ')})`;
/** Rows per INSERT: one statement call per row was a fifth of the writing (measured at 56,000 rows). */
const PER_STATEMENT = 64;

/**
 * Writes a run's credit_grades rows in the order they are added, PER_STATEMENT rows to an INSERT.
 * finish() writes what is left; call it before reading the run's rows.
 */
export function gradeRowWriter(core: Core, runId: string): { add(g: Graded): void; finish(): void } {
  const many = core.sqlite.prepare(`insert into credit_grades ${COLUMNS} values ${Array<string>(PER_STATEMENT).fill(ONE).join(', ')}`);
  const one = core.sqlite.prepare(`insert into credit_grades ${COLUMNS} values ${ONE}`);
  const params: unknown[] = [];
  let rows = 0;
  return {
    add(g) {
      params.push(runId, g.id, g.grade, g.score, g.previous, g.factors, g.exposureFen, g.limitFen, g.overLimit ? 1 : 0, g.suggestHold ? 1 : 0);
      if (++rows === PER_STATEMENT) {
        many.run(params);
        params.length = 0;
        rows = 0;
      }
    },
    finish() {
      for (let i = 0; i < params.length; i += PARAMS) one.run(params.slice(i, i + PARAMS));
      params.length = 0;
      rows = 0;
    },
  };
}
