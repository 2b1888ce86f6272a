import { eq } from 'drizzle-orm';
import { importBatches } from '../../../../../db/schema';
import { msg } from '../../../../../shared/i18n/text';
import { AppError } from '../../../../../shared/rpc/errors';
import type { Actor, Core } from '../../../core';
import { refreshAccountAggregates } from '../../aggregates';
import { recordAudit } from '../../audit';
import { refreshReclaimSchedule } from '../../pool-schedule';
import { importChangedEntities } from './commit-import';
import { JOURNALED_TABLES, type JournaledTable, type Row } from './journal-writer';

interface Item {
  id: string;
  entity_type: string;
  entity_id: string;
  action: 'create' | 'update' | 'delete';
  before: string | null;
  after: string | null;
  after_version: number | null;
}

const LABELS: Record<string, [string, string]> = {
  accounts: ['客户', 'account'],
  contacts: ['联系人', 'contact'],
  credit_profiles: ['信用设置', 'credit profile'],
  reps: ['业务员', 'rep'],
  followups: ['跟进记录', 'follow-up'],
  orders: ['订单', 'order'],
  order_lines: ['订单明细', 'order line'],
  payments: ['回款', 'payment'],
  instalments: ['回款计划', 'instalment'],
  targets: ['目标', 'target'],
  shipments: ['发货单', 'shipment'],
  counters: ['编号计数器', 'number counter'],
  allocation_rules: ['分配规则', 'allocation rule'],
};

function describe(table: string, row: Row | null, id: string): { zh: string; en: string } {
  const [zh, en] = LABELS[table] ?? [table, table];
  const name = row ? String(row.name ?? row.order_no ?? row.payment_no ?? row.code ?? row.period ?? id) : id;
  return { zh: `${zh}“${name}”`, en: `${en} "${name}"` };
}

/** The table of the kind imported: the counts reported are of these records (not contacts, counters …). */
const MAIN_TABLE: Record<string, string> = { accounts: 'accounts', reps: 'reps', followups: 'followups', orders: 'orders', payments: 'payments', targets: 'targets' };

function same(a: Row | null, b: Row | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Undoes an import batch: every row it created is deleted, every row it updated gets its exact
 * previous content back, in reverse order, in one transaction. Refused, with the rows named, when a
 * row was edited or deleted after the import (undo would lose that work) or is now referenced by
 * newer data.
 */
export function undoImport(core: Core, actor: Actor, batchId: string): { batchId: string; deleted: number; restored: number } {
  const batch = core.db.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
  if (!batch || !batch.journalId) throw new AppError('NOT_FOUND', msg(`找不到导入批次 ${batchId}`, `Import batch ${batchId} not found`));
  if (batch.undoneAt) throw new AppError('CONFLICT', msg(`导入批次“${batch.fileName}”已经撤销过了`, `Import batch "${batch.fileName}" was already undone`));
  const items = core.sqlite.prepare(`select id, entity_type, entity_id, action, before, after, after_version from journal_items where journal_id = ? order by id desc`).all(batch.journalId) as Item[];
  const conflicts: { zh: string; en: string }[] = [];
  const current = (table: string, id: string): Row | null => {
    const spec = JOURNALED_TABLES[table as JournaledTable];
    return (core.sqlite.prepare(`select * from ${table} where ${spec.pk} = ?`).get(id) as Row | undefined) ?? null;
  };
  // A row the import touched several times (an order two payments were allocated to) is checked once,
  // against its last journal item; the earlier items are undone in turn from that state.
  const checked = new Set<string>();
  for (const it of items) {
    const spec = JOURNALED_TABLES[it.entity_type as JournaledTable];
    if (!spec) throw new AppError('INTERNAL', msg(`未知的日志项类型 ${it.entity_type}`, `Unknown journal item type ${it.entity_type}`));
    const entityKey = `${it.entity_type}:${it.entity_id}`;
    if (checked.has(entityKey)) continue;
    checked.add(entityKey);
    const now = current(it.entity_type, it.entity_id);
    const after = it.after ? (JSON.parse(it.after) as Row) : null;
    const before = it.before ? (JSON.parse(it.before) as Row) : null;
    const d = describe(it.entity_type, now ?? after, it.entity_id);
    if (it.entity_type === 'allocation_rules') {
      // The round-robin cursor is a fairness hint, not data (as in undoing an auto-allocation): it is put
      // back only if nobody moved it since, and a later move or a deleted rule never blocks the undo.
      if (!now || now.rr_cursor !== after?.rr_cursor) it.action = 'delete';
      continue;
    }
    if (!now) {
      conflicts.push({ zh: `${d.zh}在导入之后被删除了`, en: `${d.en} was deleted after the import` });
      continue;
    }
    // An update that left the version alone maintained a derived column (last follow-up date): only
    // the columns it wrote matter, later edits of other fields do not block the undo.
    const derived = before !== null && after !== null && before.version === after.version;
    if (spec.versioned) {
      if (!derived && it.after_version !== null && Number(now.version) !== it.after_version) {
        conflicts.push({ zh: `${d.zh}在导入之后被修改过（版本 ${it.after_version} → ${String(now.version)}）`, en: `${d.en} was edited after the import (version ${it.after_version} → ${String(now.version)})` });
        continue;
      }
      // Columns the import changed must still hold what it wrote (catches unversioned derived updates).
      if (before && after) {
        for (const col of Object.keys(after)) {
          if (before[col] !== after[col] && now[col] !== after[col] && col !== 'updated_at' && col !== 'updated_by') {
            conflicts.push({ zh: `${d.zh}的 ${col} 在导入之后又变了`, en: `${d.en}: ${col} changed again after the import` });
            break;
          }
        }
      }
    } else if (it.entity_type === 'counters') {
      if (Number(now.value) !== Number(after?.value)) {
        // Numbers handed out after the import stay handed out: only this counter is left as it is.
        it.action = 'delete';
      }
    } else if (!same(now, after)) {
      conflicts.push({ zh: `${d.zh}在导入之后被修改过`, en: `${d.en} was changed after the import` });
    }
  }
  if (conflicts.length) {
    const head = conflicts.slice(0, 5);
    const more = conflicts.length > 5 ? { zh: ` 等 ${conflicts.length} 处`, en: ` and ${conflicts.length - 5} more` } : { zh: '', en: '' };
    throw new AppError(
      'CONFLICT',
      msg(`不能撤销导入“${batch.fileName}”：${head.map((c) => c.zh).join('；')}${more.zh}。撤销会丢失这些之后的修改。`, `Cannot undo the import of "${batch.fileName}": ${head.map((c) => c.en).join('; ')}${more.en}. Undoing would lose those later changes.`),
      { conflicts },
    );
  }
  let deleted = 0;
  let restored = 0;
  const accounts = new Set<string>();
  const restoredAccounts = new Set<string>();
  const nowMs = core.clock.now();
  core.tx(() => {
    for (const it of items) {
      const spec = JOURNALED_TABLES[it.entity_type as JournaledTable];
      const after = it.after ? (JSON.parse(it.after) as Row) : null;
      if ((it.entity_type === 'orders' || it.entity_type === 'payments') && after?.account_id) accounts.add(String(after.account_id));
      if (it.entity_type === 'accounts' && it.action === 'update') restoredAccounts.add(it.entity_id);
      if (it.action === 'delete') continue;
      try {
        const main = it.entity_type === MAIN_TABLE[batch.kind];
        if (it.action === 'create') {
          core.sqlite.prepare(`delete from ${it.entity_type} where ${spec.pk} = ?`).run(it.entity_id);
          if (main) deleted++;
        } else {
          const before = JSON.parse(it.before!) as Row;
          // Only the columns the import changed (for a versioned row nothing else moved since).
          const cols = Object.keys(before).filter((c) => !after || before[c] !== after[c]);
          if (cols.length === 0) continue;
          core.sqlite.prepare(`update ${it.entity_type} set ${cols.map((c) => `${c} = ?`).join(', ')} where ${spec.pk} = ?`).run(...cols.map((c) => before[c] ?? null), it.entity_id);
          if (main && before.version !== after?.version) restored++;
        }
      } catch (error) {
        const e = error as { code?: string };
        if (e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          const d = describe(it.entity_type, after, it.entity_id);
          throw new AppError('CONFLICT', msg(`不能撤销导入“${batch.fileName}”：${d.zh}在导入之后被其他记录引用（例如新的跟进、订单或回款）`, `Cannot undo the import of "${batch.fileName}": ${d.en} is referenced by newer records (a follow-up, order or payment)`));
        }
        throw error;
      }
    }
    core.sqlite.prepare(`update journals set undone_at = ?, undone_by = ? where id = ?`).run(nowMs, actor.id, batch.journalId);
    core.sqlite.prepare(`update import_batches set undone_at = ?, undone_by = ? where id = ?`).run(nowMs, actor.id, batch.id);
    if (accounts.size) refreshAccountAggregates(core, [...accounts]);
    // Owners and deal dates are back as they were: so are the pool reclaim dates derived from them.
    if (restoredAccounts.size) refreshReclaimSchedule(core, [...restoredAccounts]);
    recordAudit(core, actor, { action: 'import.undo', entityType: 'import_batch', entityId: batch.id, before: { file: batch.fileName, created: batch.createdCount, updated: batch.updatedCount }, journalId: batch.journalId });
  });
  core.events.emit('data.changed', { entities: importChangedEntities(batch.kind) });
  return { batchId, deleted, restored };
}
