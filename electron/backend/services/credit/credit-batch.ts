import { territorySubtree } from '../../../../db/repositories/orders';
import type { CreditRunFilter, CreditRunSummary } from '../../../../shared/contract/credit';
import { exposureOf } from '../../../../shared/domain/credit-exposure';
import { type Grade, gradeAccount, gradeRank, GRADES } from '../../../../shared/domain/credit-grade';
import { resolveCredit } from '../../../../shared/domain/credit-limit';
import { addDays } from '../../../../shared/domain/dates';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { advanceFacts, collectionFacts, inputDates, instalmentFacts, orderFacts, returnFacts, SCOPE_TABLE, type Scope } from './credit-inputs';
import { gradeInputsOf, packFactors } from './credit-grading';
import { type LevelRow, levelsOf } from './credit-levels';

/**
 * 批量信用评级: grades every account (or those of a filter) in one pass per source table (orders,
 * instalments, allocations, returns, payments: GROUP BY account, never a query per account), then
 * writes the run, one credit_grades row per account and the changed accounts.credit_grade in one
 * transaction. Only the latest `creditRunsKept` runs keep their per-account rows.
 */
const LIST_MAX = 200;

type AccountRow = [id: string, code: string, name: string, tier: string, group: string | null, grade: string | null, hold: number, limitFen: number | null, tempFen: number | null, tempExpires: string | null, tempReason: string | null, terms: number | null, policy: LevelRow['policy'], profileHold: number | null];

function fillScope(core: Core, f: CreditRunFilter): Scope {
  const parts: string[] = ['deleted_at is null'];
  const p: Record<string, string> = {};
  if (f.tiers?.length) parts.push(`tier in (${f.tiers.map((t) => `'${t}'`).join(',')})`);
  if (f.repId) {
    parts.push('owner_rep_id = @rep');
    p.rep = f.repId;
  }
  if (f.accountGroup) {
    parts.push('account_group = @grp');
    p.grp = f.accountGroup;
  }
  if (f.territoryId) {
    parts.push('territory_id in (select value from json_each(@terr))');
    p.terr = JSON.stringify(territorySubtree(core.db, f.territoryId));
  }
  if (f.accountIds) {
    parts.push('id in (select value from json_each(@ids))');
    p.ids = JSON.stringify(f.accountIds);
  }
  core.sqlite.exec(`drop table if exists ${SCOPE_TABLE}; create temp table credit_scope (account_id text primary key)`);
  core.sqlite.prepare(`insert into ${SCOPE_TABLE} (account_id) select id from accounts where ${parts.join(' and ')}`).run(p);
  return { kind: 'temp' };
}

interface Graded {
  id: string;
  code: string;
  name: string;
  grade: Grade;
  previous: string | null;
  score: number;
  factors: string;
  exposureFen: number;
  limitFen: number | null;
  overLimit: boolean;
  suggestHold: boolean;
  maxDays: number;
  temp: { limitFen: number; expiresOn: string; reason: string | null } | null;
}

export function runCreditBatch(core: Core, actor: Actor, filter?: CreditRunFilter): CreditRunSummary {
  const t0 = performance.now();
  const s = core.settings();
  const today = core.today();
  const now = core.clock.now();
  const runId = newId(now);
  const d = inputDates(today, s.creditOverdueRule.days, s.creditGrading);
  const scope = filter && Object.keys(filter).length > 0 ? fillScope(core, filter) : ({ kind: 'all' } as const);
  try {
    core.events.emit('task.progress', { taskId: runId, label: '信用评级 / credit grading', done: 0, total: null });
    const orders = orderFacts(core, d, scope);
    const inst = instalmentFacts(core, d, scope);
    const coll = collectionFacts(core, d, scope);
    const rets = returnFacts(core, d, scope);
    const adv = advanceFacts(core, scope);
    const rows = core.sqlite
      .prepare(
        `select a.id, a.code, a.name, a.tier, a.account_group, a.credit_grade, a.credit_hold, p.limit_fen, p.temp_limit_fen, p.temp_limit_expires_on, p.temp_limit_reason, p.payment_terms_days, p.policy, p.hold
         from accounts a left join credit_profiles p on p.account_id = a.id
         where a.deleted_at is null${scope.kind === 'temp' ? ` and a.id in (select account_id from ${SCOPE_TABLE})` : ''}`,
      )
      .raw()
      .all() as AccountRow[];

    const soon = addDays(today, 7);
    const suggestGrades = new Set<string>(s.creditHoldSuggestion.grades);
    const graded: Graded[] = new Array<Graded>(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const [id, code, name, tier, group, previous, hold, limitFen, tempFen, tempExpires, tempReason, terms, policy, profileHold] = rows[k]!;
      const credit = resolveCredit(levelsOf({ tier, accountGroup: group, limitFen, tempLimitFen: tempFen, tempLimitExpiresOn: tempExpires, tempLimitReason: tempReason, paymentTermsDays: terms, policy }, s), today);
      const o = orders.get(id);
      const i = inst.get(id);
      const open = o?.openFen ?? 0;
      const unbilled = o?.unbilledFen ?? 0;
      const exposure = exposureOf({ receivableFen: open - unbilled, unbilledFen: unbilled, advanceFen: adv.get(id) ?? 0, thisOrderFen: 0 }).totalFen;
      const inputs = gradeInputsOf({ order: o, inst: i, coll: coll.get(id), returnsFen: rets.get(id), exposureFen: exposure, limitFen: credit.limitFen });
      const r = gradeAccount(inputs, s.creditGrading);
      const held = hold === 1 || profileHold === 1;
      const maxDays = i?.maxDays ?? 0;
      graded[k] = {
        id,
        code,
        name,
        grade: r.grade,
        previous,
        score: r.score,
        factors: packFactors(inputs, r),
        exposureFen: exposure,
        limitFen: credit.limitFen,
        overLimit: credit.limitFen !== null && exposure > credit.limitFen,
        suggestHold: !held && (suggestGrades.has(r.grade) || (s.creditHoldSuggestion.overdueDays > 0 && maxDays > s.creditHoldSuggestion.overdueDays)),
        maxDays,
        temp: tempFen !== null && tempExpires !== null && tempExpires >= today && tempExpires <= soon ? { limitFen: tempFen, expiresOn: tempExpires, reason: tempReason } : null,
      };
    }

    const previousRunId = (core.sqlite.prepare('select id from credit_runs order by at desc, id desc limit 1').get() as { id: string } | undefined)?.id ?? null;
    const summary = summarize(graded, { runId, now, today, by: actor.name, filtered: scope.kind === 'temp', previousRunId });
    core.tx(() => {
      const stored = { ...summary, changes: { ...summary.changes, list: summary.changes.list.slice(0, 50) }, suggestedHolds: { ...summary.suggestedHolds, list: summary.suggestedHolds.list.slice(0, 50) }, overLimit: { ...summary.overLimit, list: summary.overLimit.list.slice(0, 50) } };
      core.sqlite.prepare('insert into credit_runs (id, at, by, as_of, account_count, summary) values (?, ?, ?, ?, ?, ?)').run(runId, now, actor.name, today, graded.length, JSON.stringify(stored));
      const ins = core.sqlite.prepare(
        'insert into credit_grades (id, run_id, account_id, grade, score, previous_grade, factors, exposure_fen, limit_fen, over_limit, suggest_hold) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const upd = core.sqlite.prepare('update accounts set credit_grade = ? where id = ?');
      for (const g of graded) {
        ins.run(newId(now), runId, g.id, g.grade, g.score, g.previous, g.factors, g.exposureFen, g.limitFen, g.overLimit ? 1 : 0, g.suggestHold ? 1 : 0);
        if (g.previous !== g.grade) upd.run(g.grade, g.id);
      }
      const old = core.sqlite.prepare('select id from credit_runs order by at desc, id desc limit -1 offset ?').all(s.creditRunsKept) as { id: string }[];
      if (old.length) core.sqlite.prepare('delete from credit_grades where run_id in (select value from json_each(?))').run(JSON.stringify(old.map((r) => r.id)));
    });
    summary.ms = Math.round(performance.now() - t0);
    core.events.emit('task.progress', { taskId: runId, label: '信用评级 / credit grading', done: graded.length, total: graded.length });
    core.events.emit('data.changed', { entities: ['credit', 'accounts'] });
    return summary;
  } finally {
    if (scope.kind === 'temp') core.sqlite.exec(`drop table if exists ${SCOPE_TABLE}`);
  }
}

function summarize(graded: readonly Graded[], run: { runId: string; now: number; today: string; by: string; filtered: boolean; previousRunId: string | null }): CreditRunSummary {
  const distribution: Record<string, number> = Object.fromEntries(GRADES.map((g) => [g, 0]));
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
  const brief = (g: Graded) => ({ accountId: g.id, code: g.code, name: g.name });
  const rankDelta = (g: Graded) => gradeRank(g.grade) - gradeRank(g.previous);
  return {
    runId: run.runId,
    at: run.now,
    asOf: run.today,
    by: run.by,
    ms: 0,
    accountCount: graded.length,
    filtered: run.filtered,
    previousRunId: run.previousRunId,
    distribution,
    changes: {
      upgrades,
      downgrades,
      list: changes
        .sort((a, b) => rankDelta(b) - rankDelta(a) || a.code.localeCompare(b.code))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), from: g.previous, to: g.grade })),
    },
    suggestedHolds: {
      count: holds.length,
      list: holds
        .sort((a, b) => gradeRank(b.grade) - gradeRank(a.grade) || b.maxDays - a.maxDays || a.code.localeCompare(b.code))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), grade: g.grade, maxDaysOverdue: g.maxDays })),
    },
    overLimit: {
      count: over.length,
      list: over
        .sort((a, b) => b.exposureFen - (b.limitFen ?? 0) - (a.exposureFen - (a.limitFen ?? 0)) || a.code.localeCompare(b.code))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), exposureFen: g.exposureFen, limitFen: g.limitFen ?? 0 })),
    },
    expiringTempLimits: {
      count: expiring.length,
      list: expiring
        .sort((a, b) => a.temp!.expiresOn.localeCompare(b.temp!.expiresOn) || a.code.localeCompare(b.code))
        .slice(0, LIST_MAX)
        .map((g) => ({ ...brief(g), ...g.temp! })),
    },
  };
}
