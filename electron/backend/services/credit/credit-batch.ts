import type { CreditRunFilter, CreditRunSummary } from '../../../../shared/contract/credit';
import { gradeAccount, gradeRank, GRADES } from '../../../../shared/domain/credit-grade';
import { TEMP_LIMIT_WARNING_DAYS } from '../../../../shared/domain/credit-limit';
import { addDays } from '../../../../shared/domain/dates';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { accountNames, dropScope, fillScope, gradeAll, type GradedAccount } from './credit-grade-all';
import { gradeInputsOf, packFactors } from './credit-grading';

/** temp: only a temporary limit expiring within 7 days. */
type Graded = Pick<GradedAccount, 'id' | 'grade' | 'score' | 'previous' | 'factors' | 'exposureFen' | 'limitFen' | 'overLimit' | 'suggestHold' | 'maxDays' | 'temp'>;

/**
 * 批量信用评级: grades every account (or those of a filter) with credit-grade-all (one pass per source
 * table, GROUP BY account), then writes the run, one credit_grades row per graded account (in account
 * order, so the run's index only grows at its end) and the changed accounts.credit_grade, in one
 * transaction. In an all-accounts run, accounts with nothing to grade are A with score 100: one UPDATE
 * sets the grade of those whose grade was something else, and only those get a row (their change).
 * Only the latest `creditRunsKept` runs keep their per-account rows.
 */
const LIST_MAX = 200;

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
    const set = gradeAll(core, scope, mark);
    // In place: the graded set is already one small object per account.
    const graded: Graded[] = set.graded;
    for (const g of graded) if (g.temp && g.temp.expiresOn > soon) g.temp = null;
    // Idle accounts whose grade was not A (or none yet): they become A now.
    const idle = idleRegrades(core, set.idleNotA);
    const changedIdle = idle.filter((g) => g.previous !== null);
    mark('idle');
    const previousRunId = (core.sqlite.prepare('select id from credit_runs order by at desc, id desc limit 1').get() as { id: string } | undefined)?.id ?? null;
    const summary = summarize(core, [...graded, ...changedIdle], set.idle - changedIdle.length, { runId, now, today, by: actor.name, filtered: scope.kind === 'temp', previousRunId });
    mark('summary');
    core.tx(() => {
      const stored = { ...summary, changes: { ...summary.changes, list: summary.changes.list.slice(0, 50) }, suggestedHolds: { ...summary.suggestedHolds, list: summary.suggestedHolds.list.slice(0, 50) }, overLimit: { ...summary.overLimit, list: summary.overLimit.list.slice(0, 50) } };
      core.sqlite.prepare('insert into credit_runs (id, at, by, as_of, account_count, summary) values (?, ?, ?, ?, ?, ?)').run(runId, now, actor.name, today, summary.accountCount, JSON.stringify(stored));
      const ins = core.sqlite.prepare(
        'insert into credit_grades (id, run_id, account_id, grade, score, previous_grade, factors, exposure_fen, limit_fen, over_limit, suggest_hold) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const upd = core.sqlite.prepare('update accounts set credit_grade = ? where id = ?');
      const rows = [...graded, ...changedIdle].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const g of rows) {
        ins.run(newId(now), runId, g.id, g.grade, g.score, g.previous, g.factors, g.exposureFen, g.limitFen, g.overLimit ? 1 : 0, g.suggestHold ? 1 : 0);
        if (g.previous !== g.grade) upd.run(g.grade, g.id);
      }
      for (const g of idle) if (g.previous === null) upd.run('A', g.id);
      mark('write');
      const old = core.sqlite.prepare('select id from credit_runs order by at desc, id desc limit -1 offset ?').all(s.creditRunsKept) as { id: string }[];
      if (old.length) core.sqlite.prepare('delete from credit_grades where run_id in (select value from json_each(?))').run(JSON.stringify(old.map((r) => r.id)));
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

/** Idle accounts (nothing to grade) whose stored grade is not A: graded A with all-zero inputs. */
function idleRegrades(core: Core, rows: readonly [string, string | null][]): Graded[] {
  if (rows.length === 0) return [];
  const inputs = gradeInputsOf({ exposureFen: 0, limitFen: null });
  const result = gradeAccount(inputs, core.settings().creditGrading);
  const factors = packFactors(inputs, result);
  return rows.map(([id, previous]) => ({ id, grade: result.grade, previous, exposureFen: 0, limitFen: null, overLimit: false, suggestHold: false, maxDays: 0, score: result.score, factors, temp: null }));
}

function summarize(core: Core, graded: readonly Graded[], idleA: number, run: { runId: string; now: number; today: string; by: string; filtered: boolean; previousRunId: string | null }): CreditRunSummary {
  const distribution: Record<string, number> = Object.fromEntries(GRADES.map((g) => [g, 0]));
  distribution.A = idleA;
  let upgrades = 0;
  let downgrades = 0;
  const changes: Graded[] = [];
  const holds: Graded[] = [];
  const over: Graded[] = [];
  const expiring: Graded[] = [];
  for (const g of graded) {
    distribution[g.grade] = (distribution[g.grade] ?? 0) + 1;
    if (g.previous !== null && g.previous !== g.grade) {
      if (gradeRank(g.grade) > gradeRank(g.previous)) downgrades++;
      else upgrades++;
      changes.push(g);
    }
    if (g.suggestHold) holds.push(g);
    if (g.overLimit) over.push(g);
    if (g.temp) expiring.push(g);
  }
  // Codes and names only for the accounts that may be listed (ties sort by code).
  const names = accountNames(core, [...new Set([...changes, ...holds, ...over, ...expiring].map((g) => g.id))]);
  const code = (g: Graded) => names.get(g.id)?.code ?? g.id;
  const brief = (g: Graded) => ({ accountId: g.id, code: code(g), name: names.get(g.id)?.name ?? '' });
  const byCode = (a: Graded, b: Graded) => code(a).localeCompare(code(b));
  const rankDelta = (g: Graded) => gradeRank(g.grade) - gradeRank(g.previous);
  return {
    runId: run.runId,
    at: run.now,
    asOf: run.today,
    by: run.by,
    ms: 0,
    accountCount: graded.length + idleA,
    filtered: run.filtered,
    previousRunId: run.previousRunId,
    distribution,
    changes: {
      upgrades,
      downgrades,
      list: changes
        .sort((a, b) => rankDelta(b) - rankDelta(a) || byCode(a, b))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), from: g.previous, to: g.grade })),
    },
    suggestedHolds: {
      count: holds.length,
      list: holds
        .sort((a, b) => gradeRank(b.grade) - gradeRank(a.grade) || b.maxDays - a.maxDays || byCode(a, b))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), grade: g.grade, maxDaysOverdue: g.maxDays })),
    },
    overLimit: {
      count: over.length,
      list: over
        .sort((a, b) => b.exposureFen - (b.limitFen ?? 0) - (a.exposureFen - (a.limitFen ?? 0)) || byCode(a, b))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), exposureFen: g.exposureFen, limitFen: g.limitFen ?? 0 })),
    },
    expiringTempLimits: {
      count: expiring.length,
      list: expiring
        .sort((a, b) => a.temp!.expiresOn.localeCompare(b.temp!.expiresOn) || byCode(a, b))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), ...g.temp! })),
    },
  };
}
