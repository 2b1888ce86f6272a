import { asc } from 'drizzle-orm';
import { poolRules } from '../../../db/schema';
import type { Tier } from '../../../shared/domain/allocation-match';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ReclaimBound } from '../../../shared/domain/pool-reclaim-bound';
import { localDateFn } from '../../../shared/domain/local-date';
import { type PoolAccount, type PoolRuleSpec, poolRuleFor, reclaimSchedule } from '../../../shared/domain/pool-rules';
import type { Core } from '../core';
import { loadTerritoryIndex } from './territory-index';

export function loadPoolRuleSpecs(core: Core): (PoolRuleSpec & { name: string })[] {
  return core.db
    .select()
    .from(poolRules)
    .orderBy(asc(poolRules.sortOrder), asc(poolRules.id))
    .all()
    .map((r) => ({
      id: r.id,
      name: r.name,
      enabled: r.enabled,
      territoryId: r.territoryId,
      tier: r.tier,
      noFollowupDays: r.noFollowupDays,
      noDealDays: r.noDealDays,
      protectionDays: r.protectionDays,
      reminderDays: r.reminderDays,
      claimDailyCap: r.claimDailyCap,
      holdingCap: r.holdingCap,
      cooldownDays: r.cooldownDays,
    }));
}

/** An owned account as the pool rules see it (raw row: positional for speed over 100,000 rows). */
export type OwnedRow = [
  id: string,
  ownerRepId: string,
  ownedSince: number | null,
  createdAt: number,
  lastFollowupOn: string | null,
  lastDealOn: string | null,
  protectedUntil: string | null,
  territoryId: string | null,
  tier: Tier,
  openReceivableFen: number,
  openCases: number,
  reclaimOn: string | null,
  reclaimRemindOn: string | null,
  reclaimTrigger: string | null,
];

const OWNED_COLUMNS = `id, owner_rep_id, owned_since, created_at, last_followup_on, last_deal_on, protected_until, territory_id, tier,
  open_receivable_fen, open_cases, reclaim_on, reclaim_remind_on, reclaim_trigger`;

export const OWNED_WIDTH = OWNED_COLUMNS.split(',').length;

export function loadOwnedRows(core: Core, ids?: readonly string[]): OwnedRow[] {
  const where = 'deleted_at is null and owner_rep_id is not null';
  if (ids) {
    return core.sqlite
      .prepare(`select ${OWNED_COLUMNS} from accounts where ${where} and id in (select value from json_each(?))`)
      .raw()
      .all(JSON.stringify(ids)) as OwnedRow[];
  }
  return core.sqlite.prepare(`select ${OWNED_COLUMNS} from accounts where ${where}`).raw().all() as OwnedRow[];
}

/** Midnight UTC two days after `date`: every instant whose local date is `date` or earlier, in any time zone, is before it. */
function afterLocalDate(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 2);
}

/**
 * The owned accounts that could be due for reclaim today (see ReclaimBound): the bound in SQL, a
 * little looser on the owned date (time zones), so that no due account is left out; the caller
 * evaluates each in full. A day's run reads the accounts near or past their date, not all of them.
 * `more`: columns to select after the OwnedRow's (each row then carries them from index OWNED_WIDTH on).
 */
export function loadReclaimCandidates(core: Core, bound: ReclaimBound, more?: string): OwnedRow[] {
  const owned = 'coalesce(owned_since, created_at)';
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  for (const [key, last] of [
    ['followup', 'last_followup_on'],
    ['deal', 'last_deal_on'],
    ['protection', null],
  ] as const) {
    const limit = bound[key];
    if (limit === null) continue;
    params[key] = limit;
    params[`${key}Ms`] = afterLocalDate(limit);
    clauses.push(`(${owned} < @${key}Ms${last ? ` and (${last} is null or ${last} <= @${key})` : ''})`);
  }
  if (clauses.length === 0) return [];
  return core.sqlite
    .prepare(`select ${OWNED_COLUMNS}${more ? `, ${more}` : ''} from accounts where deleted_at is null and owner_rep_id is not null and (${clauses.join(' or ')})`)
    .raw()
    .all(params) as OwnedRow[];
}

/** The date the owner got the account; imported accounts without one count from their creation. */
export function ownedOnFn(core: Core): (row: OwnedRow) => string {
  const local = localDateFn(core.settings().timeZone);
  return (row) => local(row[2] ?? row[3]);
}

/** The stored reclaim columns of one account: [reclaim_on, reclaim_remind_on, reclaim_trigger]. */
export type StoredSchedule = [dueOn: string | null, remindOn: string | null, trigger: string | null];

const NO_SCHEDULE: StoredSchedule = [null, null, null];

/**
 * The stored reclaim columns an owned account should have under the current pool rules, with the
 * rules and the territory tree loaded once (null: no enabled rule, so no account has a schedule).
 * Owner changes use it to write the schedule in the same UPDATE as the owner instead of a second pass.
 */
export function scheduleFn(core: Core): ((a: PoolAccount) => StoredSchedule) | null {
  const rules = loadPoolRuleSpecs(core);
  if (!rules.some((r) => r.enabled)) return null;
  const territories = loadTerritoryIndex(core).ancestors;
  return (a) => {
    const rule = poolRuleFor(rules, a, territories);
    const s = rule ? reclaimSchedule(a, rule) : null;
    return s ? [s.dueOn, s.remindOn, s.trigger] : NO_SCHEDULE;
  };
}

/**
 * Recomputes the stored reclaim dates (accounts.reclaim_on / reclaim_remind_on / reclaim_trigger)
 * from the pool rules: for the given accounts, or all. Writes only rows whose value changed and never
 * bumps the version: the columns are derived, like the receivable aggregates.
 */
export function refreshReclaimSchedule(core: Core, ids?: readonly string[]): number {
  const schedule = scheduleFn(core);
  if (!schedule) {
    // No rule, no reclaim date: one statement instead of evaluating every account.
    const clear = `update accounts set reclaim_on = null, reclaim_remind_on = null, reclaim_trigger = null
      where (reclaim_on is not null or reclaim_remind_on is not null or reclaim_trigger is not null)`;
    return core.tx(() => (ids ? core.sqlite.prepare(`${clear} and id in (select value from json_each(?))`).run(JSON.stringify(ids)) : core.sqlite.prepare(clear).run()).changes);
  }
  const ownedOn = ownedOnFn(core);
  const update = core.sqlite.prepare('update accounts set reclaim_on = ?, reclaim_remind_on = ?, reclaim_trigger = ? where id = ?');
  let changed = 0;
  core.tx(() => {
    for (const row of loadOwnedRows(core, ids)) {
      const next = schedule({ territoryId: row[7], tier: row[8], ownedOn: ownedOn(row), lastFollowupOn: row[4], lastDealOn: row[5], protectedUntil: row[6] });
      if (next[0] !== row[11] || next[1] !== row[12] || next[2] !== row[13]) {
        update.run(next[0], next[1], next[2], row[0]);
        changed++;
      }
    }
    const unowned = `update accounts set reclaim_on = null, reclaim_remind_on = null, reclaim_trigger = null
      where (owner_rep_id is null or deleted_at is not null) and (reclaim_on is not null or reclaim_remind_on is not null or reclaim_trigger is not null)`;
    changed += ids ? core.sqlite.prepare(`${unowned} and id in (select value from json_each(?))`).run(JSON.stringify(ids)).changes : core.sqlite.prepare(unowned).run().changes;
  });
  return changed;
}
