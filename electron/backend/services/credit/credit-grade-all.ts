import { territorySubtree } from '../../../../db/repositories/orders';
import type { CreditRunFilter } from '../../../../shared/contract/credit';
import { exposureOf } from '../../../../shared/domain/credit-exposure';
import { type GradeResult, gradeAccount } from '../../../../shared/domain/credit-grade';
import { type CreditLevel, resolveCredit } from '../../../../shared/domain/credit-limit';
import type { Core } from '../../core';
import { advanceFacts, collectionFacts, inputDates, instalmentFacts, orderFacts, returnFacts, SCOPE_TABLE, type Scope } from './credit-inputs';
import { gradeInputsOf, packFactors } from './credit-grading';
import { type LevelRow, levelsOf } from './credit-levels';

/**
 * Grades every account in a scope, reading only: one pass per source table with GROUP BY account
 * (orders, instalments, allocations, returns, payments), never a query per account. The batch run
 * writes what this returns; the credit-risk report and the profile page read it as is.
 */
type AccountRow = [
  id: string,
  tier: string,
  group: string | null,
  grade: string | null,
  hold: number,
  ownerRepId: string | null,
  hasProfile: number,
  limitFen: number | null,
  tempFen: number | null,
  tempExpires: string | null,
  tempReason: string | null,
  terms: number | null,
  policy: LevelRow['policy'],
  profileHold: number | null,
  holdReason: string | null,
];

export interface GradedAccount {
  id: string;
  ownerRepId: string | null;
  hasProfile: boolean;
  grade: GradeResult['grade'];
  score: number;
  previous: string | null;
  /** The inputs and each factor's points, packed (credit-grading.packFactors). */
  factors: string;
  exposureFen: number;
  limitFen: number | null;
  baseLimitFen: number | null;
  baseSource: CreditLevel | null;
  overLimit: boolean;
  hold: boolean;
  holdReason: string | null;
  suggestHold: boolean;
  maxDays: number;
  overdueFen: number;
  /** The temporary limit while it still applies (today ≤ its expiry). */
  temp: { limitFen: number; expiresOn: string; reason: string | null } | null;
}

/** Fills the temp scope table with the accounts a filter selects. */
export function fillScope(core: Core, f: CreditRunFilter): Scope {
  const parts: string[] = ['deleted_at is null'];
  const p: Record<string, string> = {};
  if (f.tiers?.length) {
    parts.push('tier in (select value from json_each(@tiers))');
    p.tiers = JSON.stringify(f.tiers);
  }
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

export function dropScope(core: Core, scope: Scope): void {
  if (scope.kind === 'temp') core.sqlite.exec(`drop table if exists ${SCOPE_TABLE}`);
}

/** The temp table of accounts with something to grade in an all-accounts run. */
export const ACTIVE_TABLE = 'temp.credit_active';

export interface GradedSet {
  /** Accounts with something to grade (every account of a one-account or filtered scope). */
  graded: GradedAccount[];
  /**
   * All-accounts runs: accounts with no orders, payments, returns, credit profile or hold. Their inputs
   * are all zero, so their grade is A with score 100 without reading them one by one; they stay listed
   * in ACTIVE_TABLE's complement until dropActive().
   */
  idle: number;
}

const ACCOUNT_COLUMNS = `a.id, a.tier, a.account_group, a.credit_grade, a.credit_hold, a.owner_rep_id, p.account_id is not null,
  p.limit_fen, p.temp_limit_fen, p.temp_limit_expires_on, p.temp_limit_reason, p.payment_terms_days, p.policy, p.hold, p.hold_reason`;

export function dropActive(core: Core): void {
  core.sqlite.exec(`drop table if exists ${ACTIVE_TABLE}`);
}

export function gradeAll(core: Core, scope: Scope): GradedSet {
  const s = core.settings();
  const today = core.today();
  const d = inputDates(today, s.creditOverdueRule.days, s.creditGrading);
  const orders = orderFacts(core, d, scope);
  const inst = instalmentFacts(core, d, scope);
  const coll = collectionFacts(core, d, scope);
  const rets = returnFacts(core, d, scope);
  const adv = advanceFacts(core, scope);
  let rows: AccountRow[];
  let idle = 0;
  if (scope.kind === 'all') {
    // Profiles in one sequential scan (a per-account lookup by their text key costs more); a hold always
    // comes with a profile (credit-profile.setCreditHold), so profiles and activity make the active set.
    type ProfileTail = [hasProfile: number, limitFen: number | null, tempFen: number | null, tempExpires: string | null, tempReason: string | null, terms: number | null, policy: LevelRow['policy'], hold: number | null, holdReason: string | null];
    const profiles = new Map<string, ProfileTail>();
    for (const [id, ...tail] of core.sqlite
      .prepare('select account_id, 1, limit_fen, temp_limit_fen, temp_limit_expires_on, temp_limit_reason, payment_terms_days, policy, hold, hold_reason from credit_profiles')
      .raw()
      .all() as [string, ...ProfileTail][])
      profiles.set(id, tail);
    const active = new Set<string>([...orders.keys(), ...coll.keys(), ...rets.keys(), ...adv.keys(), ...profiles.keys()]);
    core.sqlite.exec(`drop table if exists ${ACTIVE_TABLE}; create temp table credit_active (account_id text primary key) without rowid`);
    core.sqlite.prepare(`insert or ignore into ${ACTIVE_TABLE} (account_id) select value from json_each(?)`).run(JSON.stringify([...active]));
    const none: ProfileTail = [0, null, null, null, null, null, null, null, null];
    rows = (
      core.sqlite
        .prepare(`select a.id, a.tier, a.account_group, a.credit_grade, a.credit_hold, a.owner_rep_id from ${ACTIVE_TABLE} t cross join accounts a on a.id = t.account_id where a.deleted_at is null order by t.account_id`)
        .raw()
        .all() as [string, string, string | null, string | null, number, string | null][]
    ).map((a): AccountRow => [...a, ...(profiles.get(a[0]) ?? none)]);
    const total = (core.sqlite.prepare('select count(*) as n from accounts where deleted_at is null').get() as { n: number }).n;
    idle = total - rows.length;
  } else {
    rows = core.sqlite
      .prepare(
        `select ${ACCOUNT_COLUMNS} from accounts a left join credit_profiles p on p.account_id = a.id
         where a.deleted_at is null${scope.kind === 'temp' ? ` and a.id in (select account_id from ${SCOPE_TABLE})` : ' and a.id = @account'} order by a.id`,
      )
      .raw()
      .all(scope.kind === 'account' ? { account: scope.accountId } : {}) as AccountRow[];
  }

  const suggestGrades = new Set<string>(s.creditHoldSuggestion.grades);
  const out = new Array<GradedAccount>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const [id, tier, group, previous, hold, ownerRepId, hasProfile, limitFen, tempFen, tempExpires, tempReason, terms, policy, profileHold, holdReason] = rows[k]!;
    const credit = resolveCredit(levelsOf({ tier, accountGroup: group, limitFen, tempLimitFen: tempFen, tempLimitExpiresOn: tempExpires, tempLimitReason: tempReason, paymentTermsDays: terms, policy }, s), today);
    const o = orders.get(id);
    const i = inst.get(id);
    const open = o?.openFen ?? 0;
    const unbilled = o?.unbilledFen ?? 0;
    const exposure = exposureOf({ receivableFen: open - unbilled, unbilledFen: unbilled, advanceFen: adv.get(id) ?? 0, thisOrderFen: 0 }).totalFen;
    const inputs = gradeInputsOf({ order: o, inst: i, coll: coll.get(id), returnsFen: rets.get(id), exposureFen: exposure, limitFen: credit.limitFen });
    const result = gradeAccount(inputs, s.creditGrading);
    const held = hold === 1 || profileHold === 1;
    const maxDays = i?.maxDays ?? 0;
    out[k] = {
      id,
      ownerRepId,
      hasProfile: hasProfile === 1,
      grade: result.grade,
      score: result.score,
      previous,
      factors: packFactors(inputs, result),
      exposureFen: exposure,
      limitFen: credit.limitFen,
      baseLimitFen: credit.baseLimitFen,
      baseSource: credit.baseSource,
      overLimit: credit.limitFen !== null && exposure > credit.limitFen,
      hold: held,
      holdReason,
      suggestHold: !held && (suggestGrades.has(result.grade) || (s.creditHoldSuggestion.overdueDays > 0 && maxDays > s.creditHoldSuggestion.overdueDays)),
      maxDays,
      overdueFen: i?.overdueFen ?? 0,
      temp: tempFen !== null && tempExpires !== null && tempExpires >= today ? { limitFen: tempFen, expiresOn: tempExpires, reason: tempReason } : null,
    };
  }
  return { graded: out, idle };
}

/** Codes and names of some accounts (the listed ones), in one statement. */
export function accountNames(core: Core, ids: readonly string[]): Map<string, { code: string; name: string }> {
  if (ids.length === 0) return new Map();
  const rows = core.sqlite.prepare('select a.id, a.code, a.name from json_each(?) j join accounts a on a.id = j.value').raw().all(JSON.stringify(ids)) as [string, string, string][];
  return new Map(rows.map(([id, code, name]) => [id, { code, name }]));
}
