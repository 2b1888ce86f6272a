import type { Journal } from '../../../shared/contract/journals';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { undoImport } from './import/commit/undo-import';
import { newId } from '../ids';
import { ownerJson, ownerStateAfter, ownerStateBefore, TRANSFER_UNDO_COLUMNS, type TransferUndoRow } from './owner-changes';
import { loadOwnerRows, type OwnerState, ownerWrites } from './owner-write';

interface JournalRow {
  id: string;
  kind: Journal['kind'];
  summary: string;
  item_count: number;
  created_at: number;
  created_by_name: string | null;
  undone_at: number | null;
  undone_by_name: string | null;
  conflicts: number;
}

/**
 * Items whose row moved on since the operation (accounts by version; reps by version): an owner
 * change's accounts are its transfer rows, everything else (reps, an import's rows) journal items.
 */
const CONFLICTS = `(
  select count(*) from account_transfers t left join accounts a on a.id = t.account_id
  where t.journal_id = j.id and t.after_version is not null and (a.id is null or a.deleted_at is not null or a.version <> t.after_version)) + (
  select count(*) from journal_items ji
  left join accounts a on ji.entity_type = 'account' and a.id = ji.entity_id
  left join reps r on ji.entity_type = 'rep' and r.id = ji.entity_id
  where ji.journal_id = j.id and ji.after_version is not null
    and ((ji.entity_type = 'account' and (a.id is null or a.deleted_at is not null or a.version <> ji.after_version))
      or (ji.entity_type = 'rep' and (r.id is null or r.version <> ji.after_version))))`;

const SELECT = `select j.id, j.kind, j.summary, j.item_count, j.created_at, j.undone_at,
    coalesce(cu.display_name, j.created_by) as created_by_name, coalesce(uu.display_name, j.undone_by) as undone_by_name,
    case when j.undone_at is null then ${CONFLICTS} else 0 end as conflicts
  from journals j left join users cu on cu.id = j.created_by left join users uu on uu.id = j.undone_by`;

function toJournal(r: JournalRow): Journal {
  return { id: r.id, kind: r.kind, summary: r.summary, itemCount: r.item_count, createdAt: r.created_at, createdBy: r.created_by_name, undoneAt: r.undone_at, undoneBy: r.undone_by_name, conflicts: r.conflicts };
}

export function listJournals(core: Core, q: { kind?: Journal['kind'] | undefined; offset: number; limit: number }): { total: number; items: Journal[] } {
  const where = q.kind ? 'where j.kind = @kind' : '';
  const params = q.kind ? { kind: q.kind } : {};
  const total = (core.sqlite.prepare(`select count(*) as n from journals j ${where}`).get(params) as { n: number }).n;
  const rows = core.sqlite.prepare(`${SELECT} ${where} order by j.created_at desc, j.id desc limit @limit offset @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as JournalRow[];
  return { total, items: rows.map(toJournal) };
}

function requireJournal(core: Core, id: string): Journal {
  const row = core.sqlite.prepare(`${SELECT} where j.id = ?`).get(id) as JournalRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', msg(`操作记录不存在：${id}`, `No such journal entry: ${id}`));
  return toJournal(row);
}

interface ItemRow {
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  after_version: number | null;
  label: string | null;
  changed_since: number;
}

type DetailRow = ItemRow & Partial<TransferUndoRow> & { src: number };

export function getJournal(core: Core, id: string, limit: number) {
  const j = requireJournal(core, id);
  const rows = core.sqlite
    .prepare(
      `select * from (
         select 0 as src, t.rowid as seq, 'account' as entity_type, t.account_id as entity_id, null as before, null as after, t.after_version,
           a.code || ' ' || a.name as label, (a.id is null or a.version <> t.after_version) as changed_since, ${TRANSFER_UNDO_COLUMNS.replaceAll(/(\w+)/g, 't.$1')}
         from account_transfers t left join accounts a on a.id = t.account_id
         where t.journal_id = @id and t.after_version is not null
         union all
         select 1, ji.rowid, ji.entity_type, ji.entity_id, ji.before, ji.after, ji.after_version,
           case ji.entity_type when 'account' then a.code || ' ' || a.name when 'rep' then r.name when 'allocation_rule' then ar.name end,
           case when ji.after_version is null then 0
                when ji.entity_type = 'account' then (a.id is null or a.version <> ji.after_version)
                when ji.entity_type = 'rep' then (r.id is null or r.version <> ji.after_version) else 0 end,
           ${TRANSFER_UNDO_COLUMNS.replaceAll(/\w+/g, 'null')}
         from journal_items ji
         left join accounts a on ji.entity_type = 'account' and a.id = ji.entity_id
         left join reps r on ji.entity_type = 'rep' and r.id = ji.entity_id
         left join allocation_rules ar on ji.entity_type = 'allocation_rule' and ar.id = ji.entity_id
         where ji.journal_id = @id)
       order by changed_since desc, src, seq limit @limit`,
    )
    .all({ id, limit }) as DetailRow[];
  return {
    ...j,
    items: rows.map((r) => {
      const transfer = r.src === 0 ? (r as unknown as TransferUndoRow) : null;
      return {
        entityType: r.entity_type,
        entityId: r.entity_id,
        label: r.label ?? r.entity_id,
        before: transfer ? JSON.stringify(ownerStateBefore(transfer)) : r.before,
        after: transfer ? JSON.stringify(ownerStateAfter(transfer)) : r.after,
        changedSince: j.undoneAt === null && r.changed_since === 1,
      };
    }),
  };
}

function changedDuringUndo(): AppError {
  return new AppError('CONFLICT', msg('撤销期间数据被修改，请重试', 'The data changed during the undo; try again'));
}

function parse<T>(text: string | null): T {
  return JSON.parse(text ?? 'null') as T;
}

/**
 * Undoes a whole journal entry, or nothing. Refused when any account (or rep) it touched changed
 * since (its version moved on): undoing would silently throw that later change away.
 *
 * What "exactly" means: every account row it touched gets back the owner columns, updated_at/by and
 * version it had before, so the accounts table is identical to before the operation; the transfer
 * rows the operation wrote are marked undone_at (the active owner history is as before); the audit
 * log, being append-only, keeps the operation's entries and gains one mirror entry per account
 * (before and after swapped) plus a journal.undo entry.
 */
export function undoJournal(core: Core, actor: Actor, id: string): { journalId: string; restored: number } {
  const journal = requireJournal(core, id);
  // An import's items also create and delete rows of many tables; its batch knows how to undo them.
  if (journal.kind === 'import') return undoImportJournal(core, actor, journal);
  const result = core.tx(() => {
    const j = journal;
    if (j.undoneAt !== null) throw new AppError('CONFLICT', msg(`该操作已于之前撤销：${j.summary}`, `This operation was already undone: ${j.summary}`));
    if (j.conflicts > 0) {
      const changed = core.sqlite
        .prepare(
          `select a.code, a.name, a.version, t.after_version from account_transfers t join accounts a on a.id = t.account_id
           where t.journal_id = ? and t.after_version is not null and (a.version <> t.after_version or a.deleted_at is not null) limit 5`,
        )
        .all(id) as { code: string; name: string; version: number; after_version: number }[];
      const shown = changed.map((c) => `${c.code} ${c.name}`).join('、');
      throw new AppError(
        'CONFLICT',
        msg(
          `无法撤销“${j.summary}”：其中 ${j.conflicts} 条记录在此之后又被修改（${shown || '业务员资料'}），撤销会丢失这些修改`,
          `Cannot undo "${j.summary}": ${j.conflicts} of its records changed since (${shown || 'rep details'}); undoing would lose those changes`,
        ),
        { conflicts: j.conflicts, accounts: changed.map((c) => c.code) },
      );
    }
    // The accounts' owner columns before come from the operation's transfer rows; its other rows
    // (a leaving rep's status, round-robin cursors) from journal items. Each account's state after is
    // the current row (the conflict check above made sure nothing changed it since).
    const moves = core.sqlite.prepare(`select ${TRANSFER_UNDO_COLUMNS} from account_transfers where journal_id = ? and after_version is not null order by rowid`).all(id) as TransferUndoRow[];
    const items = core.sqlite.prepare('select entity_type, entity_id, before, after, after_version from journal_items where journal_id = ? order by rowid').all(id) as Omit<ItemRow, 'label' | 'changed_since'>[];
    const accountBefore = new Map<string, OwnerState>(moves.map((t) => [t.account_id, ownerStateBefore(t)]));

    // Undo must not hand accounts back to a rep who has left since (unless this journal itself set "left").
    const restoredRepStatus = new Map<string, string>();
    for (const it of items) if (it.entity_type === 'rep') restoredRepStatus.set(it.entity_id, parse<{ status: string }>(it.before).status);
    const owners = new Set([...accountBefore.values()].map((b) => b.ownerRepId).filter((x): x is string => x !== null));
    const leftOwners = [...owners].filter((repId) => {
      const status = restoredRepStatus.get(repId) ?? (core.sqlite.prepare('select status from reps where id = ?').get(repId) as { status: string } | undefined)?.status;
      return status === 'left';
    });
    if (leftOwners.length > 0) {
      const names = leftOwners.map((r) => (core.sqlite.prepare('select name from reps where id = ?').get(r) as { name: string } | undefined)?.name ?? r).join('、');
      throw new AppError('RULE_VIOLATION', msg(`无法撤销“${j.summary}”：原负责人已离职（${names}）`, `Cannot undo "${j.summary}": the previous owner has left (${names})`));
    }

    const now = core.clock.now();
    // Owner columns and reclaim schedule restored together, set-based (see ownerWrites).
    const rows = loadOwnerRows(core, [...accountBefore.keys()]);
    const restore = ownerWrites(core);
    const restoreRep = core.sqlite.prepare('update reps set status = ?, left_on = ?, updated_at = ?, updated_by = ?, version = ? where id = ? and version = ?');
    const restoreCursor = core.sqlite.prepare('update allocation_rules set rr_cursor = ? where id = ? and rr_cursor = ?');
    const reason = `撤销：${j.summary}`;
    const audits: unknown[][] = [];
    for (const t of moves) {
      const b = accountBefore.get(t.account_id)!;
      const row = rows.get(t.account_id);
      if (!row || row[7] !== t.after_version) throw changedDuringUndo();
      restore.add(row, b, t.after_version);
      audits.push([newId(now), 'account.undo', 'account', t.account_id, ownerJson(row[1]), ownerJson(b.ownerRepId)]);
    }
    const restored = moves.length;
    for (const it of items) {
      if (it.entity_type === 'rep') {
        const b = parse<{ status: string; leftOn: string | null; updatedAt: number; updatedBy: string | null; version: number }>(it.before);
        const a = parse<{ status: string }>(it.after);
        const r = restoreRep.run(b.status, b.leftOn, b.updatedAt, b.updatedBy, b.version, it.entity_id, it.after_version);
        if (r.changes !== 1) throw new AppError('CONFLICT', msg('撤销期间业务员资料被修改，请重试', 'The rep changed during the undo; try again'));
        audits.push([newId(now), 'rep.undo', 'rep', it.entity_id, JSON.stringify({ status: a.status }), JSON.stringify({ status: b.status })]);
      } else if (it.entity_type === 'allocation_rule') {
        // The round-robin cursor is a fairness hint, not data: put it back only if nobody moved it since.
        restoreCursor.run(parse<{ rrCursor: number }>(it.before).rrCursor, it.entity_id, parse<{ rrCursor: number }>(it.after).rrCursor);
      }
    }
    if (restore.flush() !== restored) throw changedDuringUndo();
    audits.push([newId(now), 'journal.undo', 'journal', id, null, JSON.stringify({ summary: j.summary, restored })]);
    core.sqlite
      .prepare(
        `insert into audit_log (id, at, user_id, user_name, action, entity_type, entity_id, before, after, reason, journal_id)
         select m.value->>0, @now, @userId, @userName, m.value->>1, m.value->>2, m.value->>3, m.value->>4, m.value->>5, @reason, @journalId from json_each(@rows) m`,
      )
      .run({ rows: JSON.stringify(audits), now, userId: actor.id, userName: actor.name, reason, journalId: id });
    core.sqlite.prepare('update account_transfers set undone_at = ? where journal_id = ?').run(now, id);
    core.sqlite.prepare('update journals set undone_at = ?, undone_by = ? where id = ?').run(now, actor.id, id);
    return { journalId: id, restored };
  });
  core.events.emit('data.changed', { entities: ['accounts', 'reps', 'journals'] });
  return result;
}

function undoImportJournal(core: Core, actor: Actor, j: Journal): { journalId: string; restored: number } {
  const batch = core.sqlite.prepare('select id from import_batches where journal_id = ?').get(j.id) as { id: string } | undefined;
  if (!batch) throw new AppError('NOT_FOUND', msg(`找不到该操作对应的导入批次：${j.summary}`, `No import batch for this operation: ${j.summary}`));
  const r = undoImport(core, actor, batch.id);
  return { journalId: j.id, restored: r.restored + r.deleted };
}
