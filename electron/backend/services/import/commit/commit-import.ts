import { msg } from '../../../../../shared/i18n/text';
import { AppError } from '../../../../../shared/rpc/errors';
import { importBatches, journals } from '../../../../../db/schema';
import type { Actor, Core } from '../../../core';
import { newId } from '../../../ids';
import { refreshAccountAggregates } from '../../aggregates';
import { recordAudit } from '../../audit';
import { refreshReclaimSchedule } from '../../pool-schedule';
import type { PlannedOwner } from '../kinds/accounts';
import { planImportOwners } from '../owner-allocation';
import { KINDS } from '../kinds';
import type { CommitContext, Existing, FieldChange, Rec } from '../kinds/kind';
import type { ImportSession } from '../session/import-session';
import { RefResolver } from '../validate/refs';
import { commitPageSql } from './commit-pages';
import { JournalWriter, type Row } from './journal-writer';

export interface CommitResult {
  batchId: string;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  warnings: { code: string; zh: string; en: string }[];
}

const KIND_TABLE: Record<string, string> = { accounts: 'accounts', reps: 'reps', followups: 'followups', orders: 'orders', payments: 'payments', targets: 'targets' };

/**
 * What grids to refresh after an import of a kind (or its undo): the rows written and what derives
 * from them (accounts carry receivables and follow-up dates; reps show loads; payments move orders'
 * collected amounts; owner assignment moves round-robin cursors).
 */
export function importChangedEntities(kind: string): string[] {
  const also: Record<string, string[]> = {
    accounts: ['reps', 'allocation_rules'],
    reps: ['accounts'],
    followups: ['accounts'],
    orders: ['accounts', 'payments'],
    payments: ['orders', 'accounts'],
    targets: [],
  };
  return [KIND_TABLE[kind] ?? kind, ...(also[kind] ?? ['accounts']), 'import_batches', 'journals'];
}

/**
 * Writes a validated session in ONE transaction: every create and update, the journal items that make
 * it undoable, the import batch and an audit entry. Any failure rolls everything back. Rows with
 * errors are refused unless the caller chose to skip them.
 */
export function commitImport(core: Core, actor: Actor, session: ImportSession, opts: { skipInvalid: boolean }): CommitResult {
  const summary = session.summary;
  if (!summary || !session.kind) throw new AppError('RULE_VIOLATION', msg('请先校验再导入', 'Validate before importing'));
  if (session.committedBatchId) throw new AppError('CONFLICT', msg('这个文件已经导入过了（同一会话）', 'This file was already imported in this session'));
  if (summary.errorRows > 0 && !opts.skipInvalid) {
    throw new AppError('RULE_VIOLATION', msg(`还有 ${summary.errorRows} 行有错误：请修正、跳过这些行，或选择“跳过有错误的行”`, `${summary.errorRows} rows still have errors: fix or skip them, or choose to skip rows with errors`), { errorRows: summary.errorRows });
  }
  const kind = session.kind;
  const impl = KINDS[kind];
  const sx = session.staging.schema;
  const now = core.clock.now();
  const journalId = newId(now);
  const batchId = newId(now);
  const ctx: CommitContext = {
    core,
    refs: new RefResolver(core),
    fields: [],
    mapped: new Set(),
    policy: session.options.onDuplicate,
    fileName: session.fileName,
    today: core.today(),
    batchLabel: `导入 ${session.fileName}（批次 ${batchId}）`,
    row: null,
  };
  const warnings: CommitResult['warnings'] = [];
  let created = 0;
  let updated = 0;
  try {
    core.tx(() => {
      // Owner assignment by the allocation rules, planned over the same rows as the dry run, before any write.
      const owners = session.options.assignOwners && kind === 'accounts' ? planImportOwners(core, session) : null;
      if (owners && summary.allocation && owners.plan.fingerprint !== summary.allocation.fingerprint) {
        warnings.push({ code: 'ALLOCATION_CHANGED', zh: '分配规则或业务员负荷在校验之后有变化：业务员按当前规则分配，与预览略有不同', en: 'The allocation rules or rep loads changed after the validation: owners follow the current rules and differ a little from the preview' });
      }
      core.db.insert(journals).values({ id: journalId, kind: 'import', summary: `导入 ${session.fileName}（${kind}）`, itemCount: 0, createdAt: now, createdBy: actor.id }).run();
      const w = new JournalWriter(core, actor, journalId, now);
      // Numbers the sheet takes from the app's own series (SO-2026-000123) are reserved before the commit
      // hands out any, so that a generated number never collides with one further down the sheet.
      const numbered = core.sqlite
        .prepare(`select record from ${sx}.results where action = 'create' and (record like '%"orderNo":"SO-%' or record like '%"paymentNo":"PAY-%' or record like '%"paymentNo":"RF-%' or record like '%"code":"KH-%')`)
        .pluck()
        .all() as string[];
      for (const text of numbered) {
        const rec = JSON.parse(text) as Rec;
        for (const v of [rec.orderNo, rec.paymentNo, rec.code]) if (typeof v === 'string') w.reserveNumber(v);
      }
      const page = core.sqlite.prepare(commitPageSql(sx, impl.grouped ?? false));
      let last = 0;
      for (;;) {
        const batch = page.all(last) as { idx: number; row: number; action: string; target: string | null; record: string; changes: string | null }[];
        if (batch.length === 0) break;
        last = batch[batch.length - 1]!.idx;
        for (const r of batch) {
          const rec = JSON.parse(r.record) as Rec;
          ctx.row = r.row;
          if (r.action === 'create') {
            const planned = owners?.byIdx.get(r.idx);
            if (planned) rec.plannedOwner = { repId: planned.toRepId, note: planned.note } satisfies PlannedOwner;
            impl.create(w, rec, ctx);
            created++;
          } else {
            const existing = reload(ctx, kind, r.target!, rec);
            const changes = impl.changes(rec, existing, ctx) as FieldChange[];
            if (changes.length === 0) continue;
            const refused = impl.refuseUpdate?.(rec, existing, ctx);
            if (refused) throw new AppError('CONFLICT', msg(`${refused.zh}（校验之后有变化，没有写入任何内容）`, `${refused.en} (it changed after the validation; nothing was written)`));
            impl.update(w, rec, existing, changes, ctx);
            recordAudit(core, actor, { action: `import.update`, entityType: kind, entityId: existing.id, before: Object.fromEntries(changes.map((c) => [c.field, c.before])), after: Object.fromEntries(changes.map((c) => [c.field, c.after])), journalId });
            updated++;
          }
        }
      }
      // Round-robin turns move on as in an auto-allocation apply; journaled, so undo puts them back.
      for (const c of owners?.plan.cursors ?? []) w.update('allocation_rules', c.ruleId, { rr_cursor: c.after }, { bumpVersion: false });
      w.finish();
      const paid = w.notices.get('ORDER_ALREADY_PAID');
      if (paid) warnings.push({ code: 'ORDER_ALREADY_PAID', zh: `${paid} 笔回款对应的订单已经收清，这些金额留作客户的未分配余额（可在回款页分配）`, en: `${paid} payment(s) name an order that is already paid in full: the money stays on the account as unallocated credit (allocate it on the payments page)` });
      if (w.touchedAccounts.size) refreshAccountAggregates(core, [...w.touchedAccounts]);
      if (w.ownerChanged.size) refreshReclaimSchedule(core, [...w.ownerChanged]);
      const s = session.summary!;
      const skipped = s.plan.skip + (opts.skipInvalid ? s.plan.error : 0);
      core.sqlite.prepare(`update journals set item_count = ? where id = ?`).run(w.items, journalId);
      core.db
        .insert(importBatches)
        .values({
          id: batchId,
          journalId,
          kind,
          fileName: session.fileName,
          fileSha256: session.fileSha256,
          sheet: session.sheet,
          headerRow: session.headerRow,
          encoding: session.source.encoding,
          mapping: JSON.stringify({ headers: session.headers, mapping: session.mapping, options: session.options }),
          onDuplicate: session.options.onDuplicate,
          rowCount: s.rows,
          createdCount: created,
          updatedCount: updated,
          skippedCount: skipped,
          errorCount: s.errorRows,
          createdAt: now,
          createdBy: actor.id,
        })
        .run();
      recordAudit(core, actor, { action: 'import.commit', entityType: 'import_batch', entityId: batchId, after: { file: session.fileName, kind, created, updated, skipped }, journalId });
    });
  } catch (error) {
    throw commitError(error);
  }
  session.committedBatchId = batchId;
  core.events.emit('data.changed', { entities: importChangedEntities(kind) });
  const s = session.summary!;
  return { batchId, created, updated, unchanged: s.plan.unchanged, skipped: s.plan.skip + (opts.skipInvalid ? s.plan.error : 0), errors: s.errorRows, warnings };
}

/** The row to update, as it is now (it may have changed since validation). */
function reload(ctx: CommitContext, kind: string, id: string, rec: Rec): Existing {
  if (kind === 'targets') {
    const found = KINDS.targets.findExisting(rec, ctx);
    if (found) return found;
  }
  const table = KIND_TABLE[kind]!;
  const row = ctx.core.sqlite.prepare(`select * from ${table} where id = ?`).get(id) as Row | undefined;
  if (!row) throw new AppError('CONFLICT', msg('要更新的记录在校验之后被删除了，请重新校验', 'A record to update was deleted after validation; validate again'));
  return { id, label: id, row, unique: false };
}

function commitError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; message?: string };
  if (e?.code?.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', msg(`导入与数据库中的数据冲突（校验之后数据有变化），没有写入任何内容，请重新校验：${e.message ?? ''}`, `The import conflicts with the database (it changed after validation); nothing was written. Validate again: ${e.message ?? ''}`));
  }
  return error;
}
