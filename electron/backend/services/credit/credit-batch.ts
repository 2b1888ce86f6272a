import type { CreditRunFilter, CreditRunSummary } from '../../../../shared/contract/credit';
import { gradeAccount } from '../../../../shared/domain/credit-grade';
import { TEMP_LIMIT_WARNING_DAYS } from '../../../../shared/domain/credit-limit';
import { addDays } from '../../../../shared/domain/dates';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { inBatchTransaction } from '../batch-tx';
import { dropScope, fillScope, gradeAll } from './credit-grade-all';
import { gradeRowWriter } from './credit-grade-rows';
import { accountGradeWriter } from './credit-grade-writes';
import { gradeInputsOf, packFactors } from './credit-grading';
import { type Graded, RunSummaryTally } from './credit-run-summary';

/**
 * 批量信用评级: grades every account (or those of a filter) with credit-grade-all (one pass per source
 * table, GROUP BY account) and writes, in one transaction, the run, one credit_grades row per graded
 * account and the changed accounts.credit_grade. Each account's row is written as it is graded, in
 * account order (so the run's index only grows at its end), its changed grade a few thousand accounts
 * later, set-based (credit-grade-writes), and only what the summary lists is kept. In an
 * all-accounts run, accounts with nothing to grade are A with score 100: they are counted, and only
 * those whose grade was something else get a row (their change) and the new grade.
 * Only the latest `creditRunsKept` runs keep their per-account rows.
 */

/** Wall milliseconds per phase of the latest batch run in this process (the bench prints them). */
export const lastRunPhases: { ms: Record<string, number> } = { ms: {} };

export function runCreditBatch(core: Core, actor: Actor, filter?: CreditRunFilter): CreditRunSummary {
  const t0 = performance.now();
  let last = t0;
  const phases: Record<string, number> = {};
  const mark = (phase: string) => {
    const t = performance.now();
    phases[phase] = Math.round(t - last);
    last = t;
  };
  const s = core.settings();
  const today = core.today();
  const now = core.clock.now();
  const runId = newId(now);
  const scope = filter && Object.keys(filter).length > 0 ? fillScope(core, filter) : ({ kind: 'all' } as const);
  try {
    core.events.emit('task.progress', { taskId: runId, label: '信用评级 / credit grading', done: 0, total: null });
    const soon = addDays(today, TEMP_LIMIT_WARNING_DAYS);
    const summary = inBatchTransaction(core, () => {
      const previousRunId = (core.sqlite.prepare('select id from credit_runs order by at desc, id desc limit 1').get() as { id: string } | undefined)?.id ?? null;
      // The run's row first (its grades refer to it); its count and summary once they are known.
      core.sqlite.prepare('insert into credit_runs (id, at, by, as_of, account_count, summary) values (?, ?, ?, ?, 0, ?)').run(runId, now, actor.name, today, '{}');
      const rows = gradeRowWriter(core, runId);
      const grades = accountGradeWriter(core);
      const tally = new RunSummaryTally();
      // The writes happen inside the accounts+grade phase; the writers time their own statements, which
      // the bench sees as the write phase (a clock read per account cost more than the statements' share).
      const write = (g: Graded, rowid: number) => {
        rows.add(g);
        if (g.previous !== g.grade) grades.set(rowid, g.grade);
        tally.add(g);
      };
      const idleA = idleGrade(core);
      let changedIdle = 0;
      const set = gradeAll(core, scope, mark, {
        graded: (g, rowid) => {
          if (g.temp && g.temp.expiresOn > soon) g.temp = null;
          write(g, rowid);
        },
        // Idle accounts whose grade was not A (or none yet) become A now; a row only for a change.
        idleNotA: (id, previous, rowid) => {
          if (previous === null) grades.set(rowid, 'A');
          else {
            changedIdle++;
            write({ ...idleA, id, previous }, rowid);
          }
        },
      });
      phases['accounts+grade'] = Math.round((phases['accounts+grade'] ?? 0) - rows.ms - grades.ms);
      rows.finish();
      grades.flush();
      phases.write = Math.round(rows.ms + grades.ms);
      last = performance.now();
      tally.addIdleA(set.idle - changedIdle);
      const summary = tally.finish(core, { runId, now, today, by: actor.name, filtered: scope.kind === 'temp', previousRunId });
      const stored = { ...summary, changes: { ...summary.changes, list: summary.changes.list.slice(0, 50) }, suggestedHolds: { ...summary.suggestedHolds, list: summary.suggestedHolds.list.slice(0, 50) }, overLimit: { ...summary.overLimit, list: summary.overLimit.list.slice(0, 50) } };
      core.sqlite.prepare('update credit_runs set account_count = ?, summary = ? where id = ?').run(summary.accountCount, JSON.stringify(stored), runId);
      mark('summary');
      const old = core.sqlite.prepare('select id from credit_runs order by at desc, id desc limit -1 offset ?').all(s.creditRunsKept) as { id: string }[];
      if (old.length) core.sqlite.prepare('delete from credit_grades where run_id in (select value from json_each(?))').run(JSON.stringify(old.map((r) => r.id)));
      return summary;
    });
    mark('prune+commit');
    summary.ms = Math.round(performance.now() - t0);
    lastRunPhases.ms = phases;
    core.events.emit('task.progress', { taskId: runId, label: '信用评级 / credit grading', done: summary.accountCount, total: summary.accountCount });
    core.events.emit('data.changed', { entities: ['credit', 'accounts'] });
    return summary;
  } finally {
    dropScope(core, scope);
  }
}

/** An idle account's grade (nothing to grade: all-zero inputs), the same for all of them. */
function idleGrade(core: Core): Omit<Graded, 'id' | 'previous'> {
  const inputs = gradeInputsOf({ exposureFen: 0, limitFen: null });
  const result = gradeAccount(inputs, core.settings().creditGrading);
  return { grade: result.grade, score: result.score, exposureFen: 0, limitFen: null, overLimit: false, suggestHold: false, maxDays: 0, factors: packFactors(inputs, result), temp: null };
}
