import { msg } from '../../../shared/i18n/text';
import { localDateFn } from '../../../shared/domain/local-date';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { SCHEDULE_COLUMNS, type ScheduleColumns, unwrittenAccount } from './owner-write';
import { type StoredSchedule, scheduleFn } from './pool-schedule';

/**
 * An account as a move reads it: what the checks and its new reclaim schedule need (raw row,
 * positional for speed over 100,000 rows). The rest of its state before is read in SQL.
 */
export type MoveRow = [
  id: string,
  ownerRepId: string | null,
  version: number,
  deletedAt: number | null,
  /** Set-based writes find the row by rowid: one lookup instead of the text key's two. */
  rowid: number,
  ...ScheduleColumns,
];

/** The columns of a MoveRow, in order; a query may select more after them and still pass its rows as MoveRows. */
export const MOVE_ROW_COLUMNS = `id, owner_rep_id, version, deleted_at, rowid, ${SCHEDULE_COLUMNS}`;

export function loadMoveRows(core: Core, ids: readonly string[]): Map<string, MoveRow> {
  const rows = core.sqlite.prepare(`select ${MOVE_ROW_COLUMNS} from accounts where id in (select value from json_each(?))`).raw().all(JSON.stringify(ids)) as MoveRow[];
  return new Map(rows.map((r) => [r[0], r]));
}

export interface OwnerMoveRow {
  /** The account as read in this transaction. */
  row: MoveRow;
  /** null = the pool (公海). */
  toRepId: string | null;
  reason: string;
}

export interface OwnerMoveContext {
  actor: Actor;
  journalId: string;
  kind: string;
  now: number;
}

const NO_SCHEDULE: StoredSchedule = [null, null, null];

/**
 * The new owner columns, written from the row's own values: SQLite evaluates every right-hand side
 * on the row before the update, so previous_owner_rep_id takes the outgoing owner.
 */
const MOVE_SET = `owner_rep_id = m.value->>1,
  owned_since = case when m.value->>1 is null then null else @now end,
  previous_owner_rep_id = coalesce(owner_rep_id, previous_owner_rep_id),
  pooled_at = case when m.value->>1 is null then @now else null end,
  updated_at = @now, updated_by = @byUserId, version = version + 1`;
const SCHEDULE_SET = 'reclaim_on = m.value->>3, reclaim_remind_on = m.value->>4, reclaim_trigger = m.value->>5';

function conflict(core: Core, moves: readonly OwnerMoveRow[], versionOf: (m: OwnerMoveRow) => number): AppError {
  const code = unwrittenAccount(core, moves.map((m) => ({ id: m.row[0], version: versionOf(m) }))) ?? '';
  return new AppError('CONFLICT', msg(`客户 ${code} 正被同时修改，请重试`, `Account ${code} is being changed at the same time; try again`));
}

/**
 * Moves accounts to a new owner (or the pool) inside the caller's transaction: for each, an
 * account_transfers row (with the owner columns before, for undo), an audit entry, and the account's
 * owner columns, version and reclaim schedule. Optimistic: every row must still be at the version
 * it was read with, or the whole move is refused (CONFLICT, naming the account).
 *
 * Why this shape: a 100,000-account allocation spends its time passing values from JS to SQLite.
 * The state before is in the account row and the state after follows from the move, so each
 * statement takes only the account, the new owner and the reason, and reads the rest from the row
 * itself: the transfer and audit rows are written before the UPDATE, while the row still holds the
 * state before. Ids are made in the same order as one statement per row would (transfer, audit).
 */
export function writeOwnerMoves(core: Core, ctx: OwnerMoveContext, moves: readonly OwnerMoveRow[]): void {
  const { actor, now } = ctx;
  const schedule = scheduleFn(core);
  const ownedOn = localDateFn(core.settings().timeZone)(now);
  const log: unknown[][] = [];
  const ownerOnly: unknown[][] = [];
  const withSchedule: unknown[][] = [];
  for (const { row, toRepId, reason } of moves) {
    log.push([row[4], toRepId, reason, row[2], newId(now), newId(now)]);
    const next =
      toRepId === null || !schedule
        ? NO_SCHEDULE
        : schedule({ territoryId: row[5], tier: row[6], ownedOn, lastFollowupOn: row[7], lastDealOn: row[8], protectedUntil: row[9] });
    // Rows whose schedule stays leave it out of the SET, so its indexes are not rewritten.
    if (next[0] === row[10] && next[1] === row[11] && next[2] === row[12]) ownerOnly.push([row[4], toRepId, row[2]]);
    else withSchedule.push([row[4], toRepId, row[2], ...next]);
  }
  const params = { now, journalId: ctx.journalId, kind: ctx.kind, byName: actor.name, byUserId: actor.id, action: `account.${ctx.kind}`, rows: JSON.stringify(log) };
  const transfers = core.sqlite
    .prepare(
      `insert into account_transfers (id, account_id, from_rep_id, to_rep_id, kind, reason, journal_id, at, by, by_user_id,
         after_version, before_owned_since, before_previous_owner_rep_id, before_pooled_at, before_updated_at, before_updated_by)
       select m.value->>4, a.id, a.owner_rep_id, m.value->>1, @kind, m.value->>2, @journalId, @now, @byName, @byUserId,
         a.version + 1, a.owned_since, a.previous_owner_rep_id, a.pooled_at, a.updated_at, a.updated_by
       from json_each(@rows) m join accounts a on a.rowid = m.value->>0 and a.version = m.value->>3 order by m.key`,
    )
    .run(params);
  if (transfers.changes !== moves.length) throw conflict(core, moves, (m) => m.row[2]);
  core.sqlite
    .prepare(
      `insert into audit_log (id, at, user_id, user_name, action, entity_type, entity_id, before, after, reason, journal_id)
       select m.value->>5, @now, @byUserId, @byName, @action, 'account', a.id, json_object('ownerRepId', a.owner_rep_id), json_object('ownerRepId', m.value->>1), m.value->>2, @journalId
       from json_each(@rows) m join accounts a on a.rowid = m.value->>0 order by m.key`,
    )
    .run(params);
  let written = 0;
  for (const [set, rows] of [
    [MOVE_SET, ownerOnly],
    [`${MOVE_SET}, ${SCHEDULE_SET}`, withSchedule],
  ] as const) {
    if (rows.length === 0) continue;
    const sql = `update accounts set ${set} from json_each(@rows) m where accounts.rowid = m.value->>0 and accounts.version = m.value->>2`;
    written += core.sqlite.prepare(sql).run({ now, byUserId: actor.id, rows: JSON.stringify(rows) }).changes;
  }
  if (written !== moves.length) throw conflict(core, moves, (m) => m.row[2] + 1);
}
