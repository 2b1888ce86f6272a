import type { Tier } from '../../../shared/domain/allocation-match';
import { localDateFn } from '../../../shared/domain/local-date';
import type { Core } from '../core';
import { type StoredSchedule, scheduleFn } from './pool-schedule';

/** The owner columns a journal item remembers; undo writes them back exactly. */
export interface OwnerState {
  ownerRepId: string | null;
  ownedSince: number | null;
  previousOwnerRepId: string | null;
  pooledAt: number | null;
  updatedAt: number;
  updatedBy: string | null;
  version: number;
}

/**
 * An account as an owner change reads it: its owner columns, what its reclaim schedule depends on,
 * and the schedule stored now (raw row: positional for speed over 100,000 rows).
 */
export type OwnerRow = [
  id: string,
  ownerRepId: string | null,
  ownedSince: number | null,
  previousOwnerRepId: string | null,
  pooledAt: number | null,
  updatedAt: number,
  updatedBy: string | null,
  version: number,
  deletedAt: number | null,
  createdAt: number,
  territoryId: string | null,
  tier: Tier,
  lastFollowupOn: string | null,
  lastDealOn: string | null,
  protectedUntil: string | null,
  reclaimOn: string | null,
  reclaimRemindOn: string | null,
  reclaimTrigger: string | null,
];

export function loadOwnerRows(core: Core, ids: readonly string[]): Map<string, OwnerRow> {
  const rows = core.sqlite
    .prepare(
      `select id, owner_rep_id, owned_since, previous_owner_rep_id, pooled_at, updated_at, updated_by, version, deleted_at,
         created_at, territory_id, tier, last_followup_on, last_deal_on, protected_until, reclaim_on, reclaim_remind_on, reclaim_trigger
       from accounts where id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(ids)) as OwnerRow[];
  return new Map(rows.map((r) => [r[0], r]));
}

export function ownerStateOf(r: OwnerRow): OwnerState {
  return { ownerRepId: r[1], ownedSince: r[2], previousOwnerRepId: r[3], pooledAt: r[4], updatedAt: r[5], updatedBy: r[6], version: r[7] };
}

const NO_SCHEDULE: StoredSchedule = [null, null, null];

/**
 * Writes a live account's owner columns (optimistic: only if its version is still `expectVersion`)
 * and, in the same UPDATE, the reclaim schedule the new owner state gives under the pool rules, the
 * value refreshReclaimSchedule would store. A second pass over the same accounts (as it was) cost
 * as much as the owner write itself; when the schedule does not change it is left out of the SET,
 * so its indexes are not rewritten. Returns whether the row was written.
 */
export function ownerWriter(core: Core): (row: OwnerRow, next: OwnerState, expectVersion: number) => boolean {
  const schedule = scheduleFn(core);
  const local = localDateFn(core.settings().timeZone);
  const owner = 'owner_rep_id = ?, owned_since = ?, previous_owner_rep_id = ?, pooled_at = ?, updated_at = ?, updated_by = ?, version = ?';
  const ownerOnly = core.sqlite.prepare(`update accounts set ${owner} where id = ? and version = ?`);
  const withSchedule = core.sqlite.prepare(`update accounts set ${owner}, reclaim_on = ?, reclaim_remind_on = ?, reclaim_trigger = ? where id = ? and version = ?`);
  return (row, s, expectVersion) => {
    const next =
      s.ownerRepId === null || !schedule
        ? NO_SCHEDULE
        : schedule({ territoryId: row[10], tier: row[11], ownedOn: local(s.ownedSince ?? row[9]), lastFollowupOn: row[12], lastDealOn: row[13], protectedUntil: row[14] });
    const r =
      next[0] === row[15] && next[1] === row[16] && next[2] === row[17]
        ? ownerOnly.run(s.ownerRepId, s.ownedSince, s.previousOwnerRepId, s.pooledAt, s.updatedAt, s.updatedBy, s.version, row[0], expectVersion)
        : withSchedule.run(s.ownerRepId, s.ownedSince, s.previousOwnerRepId, s.pooledAt, s.updatedAt, s.updatedBy, s.version, next[0], next[1], next[2], row[0], expectVersion);
    return r.changes === 1;
  };
}
