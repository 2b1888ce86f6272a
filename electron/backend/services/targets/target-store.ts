/** Targets as stored: listing for the grid, loading for attainment, and the bulk upsert the grid saves with. */
import { and, eq, isNull, like, or, type SQL } from 'drizzle-orm';
import { reps, targets, territories } from '../../../../db/schema';
import type { TargetRow, TargetUpsertItem } from '../../../../shared/contract/targets';
import { parsePeriodKey } from '../../../../shared/domain/periods';
import type { TargetEntry } from '../../../../shared/domain/target-split';
import type { Measure } from '../../../../shared/domain/target-measures';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { recordAudit } from '../audit';

export function listTargets(core: Core, filter: { year?: number | undefined; repId?: string | undefined; territoryId?: string | undefined; measure?: Measure | undefined }): TargetRow[] {
  const conditions: SQL[] = [];
  if (filter.year) conditions.push(like(targets.period, `${filter.year}%`));
  if (filter.repId) conditions.push(eq(targets.repId, filter.repId));
  if (filter.territoryId) conditions.push(eq(targets.territoryId, filter.territoryId));
  if (filter.measure) conditions.push(eq(targets.measure, filter.measure));
  return core.db
    .select({
      id: targets.id,
      repId: targets.repId,
      repName: reps.name,
      territoryId: targets.territoryId,
      territoryName: territories.name,
      periodKind: targets.periodKind,
      period: targets.period,
      measure: targets.measure,
      value: targets.value,
      split: targets.split,
      version: targets.version,
      updatedAt: targets.updatedAt,
    })
    .from(targets)
    .leftJoin(reps, eq(reps.id, targets.repId))
    .leftJoin(territories, eq(territories.id, targets.territoryId))
    .where(and(...conditions))
    .orderBy(reps.name, territories.name, targets.measure, targets.period)
    .all();
}

/** "rep:<id>" or "territory:<id>" → measure → the entries set for it. */
export type TargetBook = Map<string, Map<Measure, TargetEntry[]>>;

export const repKey = (id: string) => `rep:${id}`;
export const territoryKey = (id: string) => `territory:${id}`;

/** Every target of the given years (a quarter or month target is only ever read with its year). */
export function loadTargetBook(core: Core, years: readonly number[]): TargetBook {
  const book: TargetBook = new Map();
  if (years.length === 0) return book;
  const rows = core.db
    .select()
    .from(targets)
    .where(or(...[...new Set(years)].map((y) => like(targets.period, `${y}%`))))
    .all();
  for (const r of rows) {
    const owner = r.repId ? repKey(r.repId) : r.territoryId ? territoryKey(r.territoryId) : null;
    if (!owner) continue;
    let byMeasure = book.get(owner);
    if (!byMeasure) book.set(owner, (byMeasure = new Map()));
    const list = byMeasure.get(r.measure) ?? [];
    list.push({ period: r.period, value: r.value, split: r.split });
    byMeasure.set(r.measure, list);
  }
  return book;
}

export function entriesOf(book: TargetBook, owner: string, measure: Measure): TargetEntry[] {
  return book.get(owner)?.get(measure) ?? [];
}

type TargetRecord = typeof targets.$inferSelect;

function rowError(index: number, zh: string, en: string): AppError {
  return new AppError('INVALID_INPUT', msg(`第 ${index + 1} 行：${zh}`, `Row ${index + 1}: ${en}`), { row: index + 1 });
}

/** Sets, changes or removes targets in one transaction; any bad row refuses the whole batch. */
export function upsertTargets(core: Core, actor: Actor, items: TargetUpsertItem[]): { created: number; updated: number; deleted: number; unchanged: number } {
  const result = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  core.tx(() => {
    const seen = new Set<string>();
    const now = core.clock.now();
    for (const [i, item] of items.entries()) {
      const repId = item.repId ?? null;
      const territoryId = item.territoryId ?? null;
      if ((repId === null) === (territoryId === null)) throw rowError(i, '目标要么属于一个业务员，要么属于一个区域', 'a target belongs to either one rep or one territory');
      if (repId && !core.db.select({ id: reps.id }).from(reps).where(and(eq(reps.id, repId), isNull(reps.deletedAt))).get()) throw rowError(i, `业务员不存在：${repId}`, `rep not found: ${repId}`);
      if (territoryId && !core.db.select({ id: territories.id }).from(territories).where(and(eq(territories.id, territoryId), isNull(territories.deletedAt))).get()) {
        throw rowError(i, `区域不存在：${territoryId}`, `territory not found: ${territoryId}`);
      }
      const period = parsePeriodKey(item.period)!;
      const key = `${repId}|${territoryId}|${period.key}|${item.measure}`;
      if (seen.has(key)) throw rowError(i, `同一目标（${period.key} ${item.measure}）在本批中出现了两次`, `the same target (${period.key} ${item.measure}) appears twice in this batch`);
      seen.add(key);
      const existing: TargetRecord | undefined = core.db
        .select()
        .from(targets)
        .where(
          and(
            repId ? eq(targets.repId, repId) : isNull(targets.repId),
            territoryId ? eq(targets.territoryId, territoryId) : isNull(targets.territoryId),
            eq(targets.period, period.key),
            eq(targets.measure, item.measure),
          ),
        )
        .get();
      if (existing && item.version !== undefined && existing.version !== item.version) {
        throw new AppError('CONFLICT', msg(`第 ${i + 1} 行：目标已被他人修改（当前版本 ${existing.version}），请刷新后重试`, `Row ${i + 1}: the target was changed by someone else (now version ${existing.version}); refresh and retry`), {
          row: i + 1,
          current: existing.version,
        });
      }
      if (item.value === null) {
        if (!existing) {
          result.unchanged++;
          continue;
        }
        core.db.delete(targets).where(eq(targets.id, existing.id)).run();
        recordAudit(core, actor, { action: 'target.delete', entityType: 'target', entityId: existing.id, before: existing }, now);
        result.deleted++;
        continue;
      }
      const split = item.split ?? existing?.split ?? 'even';
      if (existing) {
        if (existing.value === item.value && existing.split === split) {
          result.unchanged++;
          continue;
        }
        core.db.update(targets).set({ value: item.value, split, updatedAt: now, updatedBy: actor.id, version: existing.version + 1 }).where(eq(targets.id, existing.id)).run();
        recordAudit(core, actor, { action: 'target.update', entityType: 'target', entityId: existing.id, before: { value: existing.value, split: existing.split }, after: { value: item.value, split } }, now);
        result.updated++;
      } else {
        const row = { id: newId(now), repId, territoryId, periodKind: period.kind, period: period.key, measure: item.measure, value: item.value, split, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 };
        core.db.insert(targets).values(row).run();
        recordAudit(core, actor, { action: 'target.create', entityType: 'target', entityId: row.id, after: row }, now);
        result.created++;
      }
    }
  });
  if (result.created + result.updated + result.deleted > 0) core.events.emit('data.changed', { entities: ['targets'] });
  return result;
}
