import type { JOURNAL_KINDS } from '../../../db/schema/journals';
import type { TRANSFER_KINDS } from '../../../db/schema/allocation';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { loadMoveRows, type MoveRow, type OwnerMoveRow, writeOwnerMoves } from './owner-moves';
import { loadOwnerRows, type OwnerState, ownerStateOf } from './owner-write';

export type { OwnerState } from './owner-write';

export type TransferKind = (typeof TRANSFER_KINDS)[number];
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export interface OwnerMove {
  accountId: string;
  /** null = the pool (公海). */
  toRepId: string | null;
  /** Per-account reason (a rule's name, a reclaim trigger); default: the operation's reason. */
  reason?: string;
}

/** Another row the same journal changes (a rule's round-robin cursor, a leaving rep's status). */
export interface ExtraJournalItem {
  entityType: 'rep' | 'allocation_rule';
  entityId: string;
  before: unknown;
  after: unknown;
  afterVersion: number | null;
}

export interface OwnerChangeOptions {
  kind: TransferKind;
  reason: string;
  journalKind: JournalKind;
  summary: string;
  extraItems?: readonly ExtraJournalItem[];
  /**
   * The moved accounts' rows, when the caller already read them in this same transaction
   * (an allocation's scope, a reclaim run's candidates): saves reading 100,000 rows again by id.
   */
  loaded?: { get(accountId: string): MoveRow | undefined };
}

/** The undo columns of a transfer row an owner change wrote (after_version not null). */
export interface TransferUndoRow {
  account_id: string;
  from_rep_id: string | null;
  to_rep_id: string | null;
  at: number;
  by_user_id: string | null;
  after_version: number;
  before_owned_since: number | null;
  before_previous_owner_rep_id: string | null;
  before_pooled_at: number | null;
  before_updated_at: number;
  before_updated_by: string | null;
}

export const TRANSFER_UNDO_COLUMNS =
  'account_id, from_rep_id, to_rep_id, at, by_user_id, after_version, before_owned_since, before_previous_owner_rep_id, before_pooled_at, before_updated_at, before_updated_by';

export function ownerStateBefore(t: TransferUndoRow): OwnerState {
  return { ownerRepId: t.from_rep_id, ownedSince: t.before_owned_since, previousOwnerRepId: t.before_previous_owner_rep_id, pooledAt: t.before_pooled_at, updatedAt: t.before_updated_at, updatedBy: t.before_updated_by, version: t.after_version - 1 };
}

/** The owner columns applyOwnerChanges wrote, from its transfer row. */
export function ownerStateAfter(t: TransferUndoRow): OwnerState {
  return {
    ownerRepId: t.to_rep_id,
    ownedSince: t.to_rep_id === null ? null : t.at,
    previousOwnerRepId: t.from_rep_id ?? t.before_previous_owner_rep_id,
    pooledAt: t.to_rep_id === null ? t.at : null,
    updatedAt: t.at,
    updatedBy: t.by_user_id,
    version: t.after_version,
  };
}

/** An audit entry's before/after of an owner change (written the same way in SQL by writeOwnerMoves). */
export function ownerJson(ownerRepId: string | null): string {
  return JSON.stringify({ ownerRepId });
}

export function loadOwnerStates(core: Core, ids: readonly string[]): Map<string, OwnerState & { deleted: boolean }> {
  return new Map([...loadOwnerRows(core, ids)].map(([id, r]) => [id, { ...ownerStateOf(r), deleted: r[8] !== null }]));
}

/** Refuses ids that are not (or no longer) accounts, naming a few of them. */
export function requireAccountsExist(ids: readonly string[], isLive: (id: string) => boolean): void {
  refuseMissing(ids.filter((id) => !isLive(id)));
}

function refuseMissing(missing: readonly string[]): void {
  if (missing.length === 0) return;
  const shown = missing.slice(0, 5).join('、') + (missing.length > 5 ? ` …（共 ${missing.length} 个）` : '');
  throw new AppError('NOT_FOUND', msg(`客户不存在：${shown}`, `No such account: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` … (${missing.length} in all)` : ''}`), { missing: missing.slice(0, 100) });
}

/**
 * The one place owners change. In one transaction, for every account whose owner really changes:
 * bump its version (and store its new reclaim schedule), write an account_transfers row (from, to,
 * by, when, reason, and the owner columns before, for undo) and an audit entry; plus one journals
 * row for the whole operation, so that it can be undone as a whole. The state after is not stored:
 * it is what this function writes, `ownerStateAfter` of the transfer row.
 *
 * The accounts' rows are written set-based by writeOwnerMoves.
 */
export function applyOwnerChanges(core: Core, actor: Actor, moves: readonly OwnerMove[], opts: OwnerChangeOptions): { journalId: string | null; changed: number } {
  return core.tx(() => {
    const rows = opts.loaded ?? loadMoveRows(core, [...new Set(moves.map((m) => m.accountId))]);
    // One pass (an allocation moves 100,000 accounts): the first move of each account counts; a missing
    // or deleted account refuses the whole operation; a move to the current owner is no change.
    const seen = new Set<string>();
    const missing: string[] = [];
    const effective: OwnerMoveRow[] = [];
    for (const m of moves) {
      if (seen.has(m.accountId)) continue;
      seen.add(m.accountId);
      const row = rows.get(m.accountId);
      if (row === undefined || row[3] !== null) missing.push(m.accountId);
      else if (row[1] !== m.toRepId) effective.push({ row, toRepId: m.toRepId, reason: m.reason ?? opts.reason });
    }
    refuseMissing(missing);
    if (effective.length === 0) return { journalId: null, changed: 0 };
    const now = core.clock.now();
    const journalId = newId(now);
    const extras = opts.extraItems ?? [];
    core.sqlite
      .prepare('insert into journals (id, kind, summary, item_count, created_at, created_by) values (?, ?, ?, ?, ?, ?)')
      .run(journalId, opts.journalKind, opts.summary, effective.length + extras.length, now, actor.id);
    writeOwnerMoves(core, { actor, journalId, kind: opts.kind, now }, effective);
    const item = core.sqlite.prepare("insert into journal_items (id, journal_id, entity_type, entity_id, action, before, after, after_version) values (?, ?, ?, ?, 'update', ?, ?, ?)");
    for (const x of extras) item.run(newId(now), journalId, x.entityType, x.entityId, JSON.stringify(x.before), JSON.stringify(x.after), x.afterVersion);
    core.sqlite
      .prepare('insert into audit_log (id, at, user_id, user_name, action, entity_type, entity_id, before, after, reason, journal_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(newId(now), now, actor.id, actor.name, `journal.${opts.journalKind}`, 'journal', journalId, null, JSON.stringify({ summary: opts.summary, items: effective.length }), opts.reason, journalId);
    return { journalId, changed: effective.length };
  });
}
