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

/** What an account's reclaim schedule depends on, then the schedule stored now: the tail of an OwnerRow and a MoveRow. */
export type ScheduleColumns = [
  territoryId: string | null,
  tier: Tier,
  lastFollowupOn: string | null,
  lastDealOn: string | null,
  protectedUntil: string | null,
  reclaimOn: string | null,
  reclaimRemindOn: string | null,
  reclaimTrigger: string | null,
];

export const SCHEDULE_COLUMNS = 'territory_id, tier, last_followup_on, last_deal_on, protected_until, reclaim_on, reclaim_remind_on, reclaim_trigger';

/**
 * An account as undo reads it: its owner columns, what its reclaim schedule depends on, and the
 * schedule stored now (raw row: positional for speed over 100,000 rows).
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
  ...ScheduleColumns,
];

const OWNER_ROW_COLUMNS = `id, owner_rep_id, owned_since, previous_owner_rep_id, pooled_at, updated_at, updated_by, version, deleted_at, created_at, ${SCHEDULE_COLUMNS}`;

export function loadOwnerRows(core: Core, ids: readonly string[]): Map<string, OwnerRow> {
  const rows = core.sqlite.prepare(`select ${OWNER_ROW_COLUMNS} from accounts where id in (select value from json_each(?))`).raw().all(JSON.stringify(ids)) as OwnerRow[];
  return new Map(rows.map((r) => [r[0], r]));
}

export function ownerStateOf(r: OwnerRow): OwnerState {
  return { ownerRepId: r[1], ownedSince: r[2], previousOwnerRepId: r[3], pooledAt: r[4], updatedAt: r[5], updatedBy: r[6], version: r[7] };
}

const NO_SCHEDULE: StoredSchedule = [null, null, null];

const OWNER_SET = `owner_rep_id = m.value->>1, owned_since = m.value->>2, previous_owner_rep_id = m.value->>3, pooled_at = m.value->>4,
  updated_at = m.value->>5, updated_by = m.value->>6, version = m.value->>7`;
const SCHEDULE_SET = 'reclaim_on = m.value->>9, reclaim_remind_on = m.value->>10, reclaim_trigger = m.value->>11';
/** One UPDATE for all rows: [id, …owner state, expected version, …schedule] per element, each row found by its id. */
const WHERE = 'from json_each(?) m where accounts.id = m.value->>0 and accounts.version = m.value->>8';

/** Owner writes gathered by `add` and applied together by `flush`. */
export interface OwnerWrites {
  add(row: OwnerRow, next: OwnerState, expectVersion: number): void;
  /** Writes everything added so far; returns how many rows were written (fewer: a version moved on). */
  flush(): number;
}

/**
 * Writes live accounts' owner columns (optimistic: only where the version is still the expected one)
 * and the reclaim schedule the new owner state gives under the pool rules, the value
 * refreshReclaimSchedule would store.
 *
 * Why set-based: 80,000 owner changes as one UPDATE per account spent most of their time going
 * back and forth between JS and SQLite and jumping between tables; one UPDATE … FROM json_each per
 * kind of write finds the same rows by id at a fraction of the cost. Rows whose schedule does not
 * change leave it out of the SET, so its two indexes are not rewritten.
 */
export function ownerWrites(core: Core): OwnerWrites {
  const schedule = scheduleFn(core);
  const local = localDateFn(core.settings().timeZone);
  const ownerOnly: unknown[][] = [];
  const withSchedule: unknown[][] = [];
  const run = (set: string, rows: unknown[][]) => (rows.length === 0 ? 0 : core.sqlite.prepare(`update accounts set ${set} ${WHERE}`).run(JSON.stringify(rows)).changes);
  return {
    add(row, s, expectVersion) {
      const next =
        s.ownerRepId === null || !schedule
          ? NO_SCHEDULE
          : schedule({ territoryId: row[10], tier: row[11], ownedOn: local(s.ownedSince ?? row[9]), lastFollowupOn: row[12], lastDealOn: row[13], protectedUntil: row[14] });
      const values = [row[0], s.ownerRepId, s.ownedSince, s.previousOwnerRepId, s.pooledAt, s.updatedAt, s.updatedBy, s.version, expectVersion];
      if (next[0] === row[15] && next[1] === row[16] && next[2] === row[17]) ownerOnly.push(values);
      else withSchedule.push([...values, ...next]);
    },
    flush() {
      const written = run(OWNER_SET, ownerOnly) + run(`${OWNER_SET}, ${SCHEDULE_SET}`, withSchedule);
      ownerOnly.length = 0;
      withSchedule.length = 0;
      return written;
    },
  };
}

/** After a short flush: the code of an account that was not written (its version is not the one expected after the write). */
export function unwrittenAccount(core: Core, written: readonly { id: string; version: number }[]): string | null {
  const row = core.sqlite
    .prepare('select coalesce(a.code, m.value->>0) as code from json_each(?) m left join accounts a on a.id = m.value->>0 where a.version is not m.value->>1 limit 1')
    .get(JSON.stringify(written.map((w) => [w.id, w.version]))) as { code: string } | undefined;
  return row?.code ?? null;
}
