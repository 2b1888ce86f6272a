import { territorySubtree } from '../../../../db/repositories/orders';
import type { CreditRunFilter } from '../../../../shared/contract/credit';
import { exposureOf } from '../../../../shared/domain/credit-exposure';
import { type GradeResult, gradeAccount } from '../../../../shared/domain/credit-grade';
import { type CreditLevel, resolveCredit } from '../../../../shared/domain/credit-limit';
import type { Core } from '../../core';
import { ByAccount } from './by-account';
import { advanceFacts, type CollectionFacts, collectionFacts, inputDates, instalmentFacts, orderFacts, type OrderFacts, returnFacts, SCOPE_TABLE, type Scope } from './credit-inputs';
import { gradeInputsOf, packFactors } from './credit-grading';
import { type LevelRow, levelsOf } from './credit-levels';

/**
 * Grades every account in a scope, reading only: one pass per source table with GROUP BY account
 * (orders, instalments, allocations, returns, payments), never a query per account. The batch run
 * writes what this returns; the credit-risk report and the profile page read it as is.
 */
/** The account columns the grade reads (accounts_credit_idx), first in a row that may have more. */
type AccountCols = [id: string, tier: string, group: string | null, grade: string | null, hold: number, ...more: unknown[]];
/** An all-accounts slice row: the graded columns and the rowid (the batch writes the new grade by it). */
type SliceRow = [id: string, tier: string, group: string | null, grade: string | null, hold: number, rowid: number];

/** The credit profile columns the grade reads, hasProfile first (0 and nulls: no profile), first in a row that may have more. */
type ProfileTail = [hasProfile: number, limitFen: number | null, tempFen: number | null, tempExpires: string | null, tempReason: string | null, terms: number | null, policy: LevelRow['policy'], hold: number | null, holdReason: string | null, ...more: unknown[]];
/** Accounts read per statement in an all-accounts run (see gradeAll). */
const ACCOUNT_SLICE = 5000;

const NO_PROFILE: ProfileTail = [0, null, null, null, null, null, null, null, null];

/** One row of a scoped run: the account columns, then the profile's, then the rowid (ACCOUNT_COLUMNS). */
type AccountRow = [
  id: string,
  tier: string,
  group: string | null,
  grade: string | null,
  hold: number,
  hasProfile: number,
  limitFen: number | null,
  tempFen: number | null,
  tempExpires: string | null,
  tempReason: string | null,
  terms: number | null,
  policy: LevelRow['policy'],
  profileHold: number | null,
  holdReason: string | null,
  rowid: number,
];

export interface GradedAccount {
  id: string;
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

export interface GradedSet {
  /** Accounts with something to grade (every account of a one-account or filtered scope); empty with a sink. */
  graded: GradedAccount[];
  /**
   * All-accounts runs: accounts with no orders, payments, returns, credit profile or hold. Their inputs
   * are all zero, so their grade is A with score 100 without reading them one by one.
   */
  idle: number;
  /** All-accounts runs: those idle accounts whose stored grade is not A (or none yet), with that grade; empty with a sink. */
  idleNotA: [id: string, grade: string | null][];
}

const ACCOUNT_COLUMNS = `a.id, a.tier, a.account_group, a.credit_grade, a.credit_hold, p.account_id is not null,
  p.limit_fen, p.temp_limit_fen, p.temp_limit_expires_on, p.temp_limit_reason, p.payment_terms_days, p.policy, p.hold, p.hold_reason, a.rowid`;

/** Marks the end of a phase (the batch run times its phases; see credit-batch.lastRunPhases). */
export type PhaseMark = (phase: string) => void;

/**
 * Where a run's accounts go as they are graded, in account-id order, instead of into the returned set:
 * the batch writes each at once rather than keeping tens of thousands of them alive until the end.
 */
export interface GradeSink {
  /** rowid: the account row's, for writing its new grade without a lookup by id. */
  graded(g: GradedAccount, rowid: number): void;
  /** An idle account (all-accounts runs) whose stored grade is not A, or none yet. */
  idleNotA(id: string, grade: string | null, rowid: number): void;
}

export function gradeAll(core: Core, scope: Scope, mark: PhaseMark = () => {}, sink?: GradeSink): GradedSet {
  const s = core.settings();
  const today = core.today();
  const d = inputDates(today, s.creditOverdueRule.days, s.creditGrading);
  const orders = orderFacts(core, d, scope);
  mark('orders');
  const inst = instalmentFacts(core, d, scope);
  mark('instalments');
  const coll = collectionFacts(core, d, scope);
  mark('collections');
  const rets = returnFacts(core, d, scope);
  const adv = advanceFacts(core, scope);
  mark('returns+advances');
  const suggestGrades = new Set<string>(s.creditHoldSuggestion.grades);
  // The sources are asked in account order (see ByAccount): o, c, returnsFen and advanceFen are the
  // caller's lookups for this account, the instalments are looked up here.
  const grade = (a: AccountCols, p: ProfileTail, o: OrderFacts | undefined, c: CollectionFacts | undefined, returnsFen: number | undefined, advanceFen: number | undefined): GradedAccount => {
    const id = a[0];
    const [, limitFen, tempFen, tempExpires, tempReason, terms, policy, profileHold, holdReason] = p;
    const credit = resolveCredit(levelsOf({ tier: a[1], accountGroup: a[2], limitFen, tempLimitFen: tempFen, tempLimitExpiresOn: tempExpires, tempLimitReason: tempReason, paymentTermsDays: terms, policy }, s), today);
    const i = inst.get(id);
    const open = o?.openFen ?? 0;
    const unbilled = o?.unbilledFen ?? 0;
    const exposure = exposureOf({ receivableFen: open - unbilled, unbilledFen: unbilled, advanceFen: advanceFen ?? 0, thisOrderFen: 0 }).totalFen;
    const inputs = gradeInputsOf({ order: o, inst: i, coll: c, returnsFen, exposureFen: exposure, limitFen: credit.limitFen });
    const result = gradeAccount(inputs, s.creditGrading);
    const held = a[4] === 1 || profileHold === 1;
    const maxDays = i?.maxDays ?? 0;
    return {
      id,
      hasProfile: p[0] === 1,
      grade: result.grade,
      score: result.score,
      previous: a[3],
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
  };

  const out: GradedAccount[] = [];
  let idle = 0;
  const idleNotA: [string, string | null][] = [];
  const take = sink ? (g: GradedAccount, rowid: number) => sink.graded(g, rowid) : (g: GradedAccount) => void out.push(g);
  const takeIdle = sink ? (id: string, g: string | null, rowid: number) => sink.idleNotA(id, g, rowid) : (id: string, g: string | null) => void idleNotA.push([id, g]);
  if (scope.kind === 'all') {
    // Profiles in one sequential scan (a per-account lookup by their text key costs more); a hold always
    // comes with a profile (credit-profile.setCreditHold), so profiles and activity make the active set.
    // Each row is kept as read (the account id last), no copy: the batch keeps tens of thousands of them.
    // They come in table order, which is account order when profiles were made in it; ByAccount sorts them if not.
    const profileRows = core.sqlite
      .prepare('select 1, limit_fen, temp_limit_fen, temp_limit_expires_on, temp_limit_reason, payment_terms_days, policy, hold, hold_reason, account_id from credit_profiles')
      .raw()
      .all() as ProfileTail[];
    const profiles = new ByAccount(
      profileRows.map((r) => r[9] as string),
      profileRows,
    );
    mark('profiles');
    // One scan of the live accounts through their narrow covering index (accounts_credit_idx, in id
    // order), graded as they come: the active ones graded, the idle ones only counted (and listed if
    // their grade is not A). Read in slices of the id range: all 100,000 rows at once would live, with
    // everything else, through the young generation's collections until the whole scan is in; row by
    // row (iterate) costs a native call each.
    const slice = core.sqlite
      .prepare('select id, tier, account_group, credit_grade, credit_hold, rowid from accounts indexed by accounts_credit_idx where deleted_at is null and id > ? order by id limit ?')
      .raw();
    for (let after = ''; ; ) {
      const rows = slice.all(after, ACCOUNT_SLICE) as SliceRow[];
      for (const a of rows) {
        const id = a[0];
        const p = profiles.get(id);
        const o = orders.get(id);
        const c = coll.get(id);
        const r = rets.get(id);
        const v = adv.get(id);
        if (p !== undefined || o !== undefined || c !== undefined || r !== undefined || v !== undefined) take(grade(a, p ?? NO_PROFILE, o, c, r, v), a[5]);
        else {
          idle++;
          if (a[3] !== 'A') takeIdle(id, a[3], a[5]);
        }
      }
      if (rows.length < ACCOUNT_SLICE) break;
      after = rows[rows.length - 1]![0];
    }
  } else {
    for (const r of core.sqlite
      .prepare(
        `select ${ACCOUNT_COLUMNS} from accounts a left join credit_profiles p on p.account_id = a.id
         where a.deleted_at is null${scope.kind === 'temp' ? ` and a.id in (select account_id from ${SCOPE_TABLE})` : ' and a.id = @account'} order by a.id`,
      )
      .raw()
      .all(scope.kind === 'account' ? { account: scope.accountId } : {}) as AccountRow[]) {
      const id = r[0];
      take(grade(r, r.slice(5) as unknown as ProfileTail, orders.get(id), coll.get(id), rets.get(id), adv.get(id)), r[14]);
    }
  }
  mark('accounts+grade');
  return { graded: out, idle, idleNotA };
}

/** Codes, names and owners of some accounts (the listed ones), in one statement. */
export function accountNames(core: Core, ids: readonly string[]): Map<string, { code: string; name: string; ownerRepId: string | null }> {
  if (ids.length === 0) return new Map();
  const rows = core.sqlite.prepare('select a.id, a.code, a.name, a.owner_rep_id from json_each(?) j join accounts a on a.id = j.value').raw().all(JSON.stringify(ids)) as [string, string, string, string | null][];
  return new Map(rows.map(([id, code, name, ownerRepId]) => [id, { code, name, ownerRepId }]));
}
