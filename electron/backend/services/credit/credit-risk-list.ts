import { type SQL, and, eq, inArray, like, or, sql } from 'drizzle-orm';
import { type GridColumns, escapeLike, gridOrderBy, gridWhere } from '../../../../db/grid-sql';
import { accounts, creditGrades, creditProfiles, reps } from '../../../../db/schema';
import type { CreditRiskRow } from '../../../../shared/contract/credit';
import type { GridQuery } from '../../../../shared/contract/grid';
import { TEMP_LIMIT_WARNING_DAYS } from '../../../../shared/domain/credit-limit';
import { addDays } from '../../../../shared/domain/dates';
import type { Grade } from '../../../../shared/domain/credit-grade';
import type { Core } from '../../core';

/** The risk grid: the accounts of the latest batch run with their grade, exposure, limit use and flags. */
export interface RiskFilter {
  grades?: Grade[] | undefined;
  hold?: boolean | undefined;
  overLimit?: boolean | undefined;
  suggestHold?: boolean | undefined;
  changed?: boolean | undefined;
  expiring?: boolean | undefined;
}

const USED_PCT = sql<number | null>`(case when ${creditGrades.limitFen} > 0 then round(${creditGrades.exposureFen} * 100.0 / ${creditGrades.limitFen}, 1) end)`;

const columns: GridColumns = {
  code: { kind: 'text', expr: accounts.code },
  name: { kind: 'text', expr: accounts.name },
  ownerName: { kind: 'text', expr: reps.name },
  tier: { kind: 'text', expr: accounts.tier },
  grade: { kind: 'text', expr: creditGrades.grade },
  previousGrade: { kind: 'text', expr: creditGrades.previousGrade },
  score: { kind: 'number', expr: creditGrades.score },
  exposureFen: { kind: 'number', expr: creditGrades.exposureFen },
  limitFen: { kind: 'number', expr: creditGrades.limitFen },
  usedPct: { kind: 'number', expr: USED_PCT },
  maxOverdueDays: { kind: 'number', expr: accounts.maxOverdueDays },
  overdueFen: { kind: 'number', expr: accounts.overdueFen },
  tempLimitExpiresOn: { kind: 'date', expr: creditProfiles.tempLimitExpiresOn },
};

export function latestRun(core: Core): { runId: string; at: number; asOf: string } | null {
  const r = core.sqlite.prepare('select id as runId, at, as_of as asOf from credit_runs order by at desc, id desc limit 1').get() as { runId: string; at: number; asOf: string } | undefined;
  return r ?? null;
}

function conditions(core: Core, f: RiskFilter, search: string | undefined): SQL[] {
  const today = core.today();
  const out: SQL[] = [];
  if (f.grades?.length) out.push(inArray(creditGrades.grade, f.grades));
  if (f.hold !== undefined) out.push(eq(accounts.creditHold, f.hold));
  if (f.overLimit !== undefined) out.push(eq(creditGrades.overLimit, f.overLimit));
  if (f.suggestHold !== undefined) out.push(eq(creditGrades.suggestHold, f.suggestHold));
  if (f.changed) out.push(sql`${creditGrades.previousGrade} is not null and ${creditGrades.previousGrade} <> ${creditGrades.grade}`);
  if (f.expiring) out.push(sql`${creditProfiles.tempLimitExpiresOn} between ${today} and ${addDays(today, TEMP_LIMIT_WARNING_DAYS)}`);
  const q = search?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    out.push(or(sql`${accounts.code} like ${pattern} escape '\\'`, sql`${accounts.name} like ${pattern} escape '\\'`, like(accounts.nameInitials, `${escapeLike(q.toLowerCase())}%`))!);
  }
  return out;
}

export function listRisk(core: Core, q: GridQuery & { filter: RiskFilter }): { total: number; items: CreditRiskRow[]; run: ReturnType<typeof latestRun> } {
  const run = latestRun(core);
  if (!run) return { total: 0, items: [], run: null };
  const opts = { columns, today: core.today() };
  const fast = fastPage(core, run.runId, q);
  if (fast) return { ...fast, run };
  const where = and(eq(creditGrades.runId, run.runId), ...conditions(core, q.filter, q.search), ...gridWhere(q, opts));
  const base = core.db
    .select({ n: sql<number>`count(*)` })
    .from(creditGrades)
    .innerJoin(accounts, eq(accounts.id, creditGrades.accountId))
    .leftJoin(creditProfiles, eq(creditProfiles.accountId, creditGrades.accountId))
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .where(where)
    .get();
  const order = q.sort.length ? gridOrderBy(q, opts, creditGrades.accountId) : [sql`${creditGrades.grade} desc`, sql`${creditGrades.score} asc`, sql`${accounts.code}`];
  const items = core.db
    .select({
      accountId: creditGrades.accountId,
      code: accounts.code,
      name: accounts.name,
      ownerName: reps.name,
      tier: accounts.tier,
      grade: creditGrades.grade,
      previousGrade: creditGrades.previousGrade,
      score: creditGrades.score,
      exposureFen: creditGrades.exposureFen,
      limitFen: creditGrades.limitFen,
      usedPct: USED_PCT,
      overLimit: creditGrades.overLimit,
      suggestHold: creditGrades.suggestHold,
      hold: accounts.creditHold,
      maxOverdueDays: accounts.maxOverdueDays,
      overdueFen: accounts.overdueFen,
      tempLimitFen: creditProfiles.tempLimitFen,
      tempLimitExpiresOn: creditProfiles.tempLimitExpiresOn,
    })
    .from(creditGrades)
    .innerJoin(accounts, eq(accounts.id, creditGrades.accountId))
    .leftJoin(creditProfiles, eq(creditProfiles.accountId, creditGrades.accountId))
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset)
    .all();
  return { total: base?.n ?? 0, items, run };
}

/** Sort keys that live on credit_grades itself (usedPct is derived from two of its columns). */
const OWN_SORT: Record<string, string> = {
  grade: 'grade',
  previousGrade: 'previous_grade',
  score: 'score',
  exposureFen: 'exposure_fen',
  limitFen: 'limit_fen',
  usedPct: '(case when limit_fen > 0 then exposure_fen * 1.0 / limit_fen end)',
};

/**
 * The common case (the overview's first pages, flag filters, sorting on the run's own columns): count
 * and page on credit_grades alone, through its (run_id, …) index, and join the account, owner and
 * profile for the 100 rows shown only. Anything touching the joined tables takes the general path.
 */
function fastPage(core: Core, runId: string, q: GridQuery & { filter: RiskFilter }): { total: number; items: CreditRiskRow[] } | null {
  const f = q.filter;
  if (q.search?.trim() || f.hold !== undefined || f.expiring || Object.keys(q.filters).length > 0 || q.sort.some((x) => !OWN_SORT[x.colId])) return null;
  const parts = ['run_id = @run'];
  const p: Record<string, string | number> = { run: runId, limit: q.limit, offset: q.offset };
  if (f.grades?.length) {
    parts.push('grade in (select value from json_each(@grades))');
    p.grades = JSON.stringify(f.grades);
  }
  if (f.overLimit !== undefined) parts.push(`over_limit = ${f.overLimit ? 1 : 0}`);
  if (f.suggestHold !== undefined) parts.push(`suggest_hold = ${f.suggestHold ? 1 : 0}`);
  if (f.changed) parts.push('previous_grade is not null and previous_grade <> grade');
  const where = parts.join(' and ');
  // Worst first by default: a lower score is never a better grade.
  const order = q.sort.length ? q.sort.map((x) => `${OWN_SORT[x.colId]} ${x.sort === 'desc' ? 'desc' : 'asc'}`).join(', ') : 'score asc';
  const total = (core.sqlite.prepare(`select count(*) as n from credit_grades where ${where}`).get(p) as { n: number }).n;
  const items = core.sqlite
    .prepare(
      `select g.account_id as accountId, a.code, a.name, r.name as ownerName, a.tier, g.grade, g.previous_grade as previousGrade, g.score,
              g.exposure_fen as exposureFen, g.limit_fen as limitFen,
              case when g.limit_fen > 0 then round(g.exposure_fen * 100.0 / g.limit_fen, 1) end as usedPct,
              g.over_limit as overLimit, g.suggest_hold as suggestHold, a.credit_hold as hold, a.max_overdue_days as maxOverdueDays, a.overdue_fen as overdueFen,
              p.temp_limit_fen as tempLimitFen, p.temp_limit_expires_on as tempLimitExpiresOn
       from (select account_id, row_number() over () as k from (select account_id from credit_grades where ${where} order by ${order}, account_id limit @limit offset @offset)) pick
       cross join credit_grades g on g.run_id = @run and g.account_id = pick.account_id
       join accounts a on a.id = g.account_id left join reps r on r.id = a.owner_rep_id left join credit_profiles p on p.account_id = g.account_id
       order by pick.k`,
    )
    .all(p) as (Omit<CreditRiskRow, 'overLimit' | 'suggestHold' | 'hold'> & { overLimit: number; suggestHold: number; hold: number })[];
  return { total, items: items.map((r) => ({ ...r, overLimit: r.overLimit === 1, suggestHold: r.suggestHold === 1, hold: r.hold === 1 })) };
}
