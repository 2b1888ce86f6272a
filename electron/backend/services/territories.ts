import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { territories } from '../../../db/schema';
import type { Territory } from '../../../shared/contract/reference';
import type { territoryInputSchema } from '../../../shared/contract/territories';
import { wouldCreateCycle } from '../../../shared/domain/territory-tree';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { listAllocationRules } from './allocation-rules';
import { changedFields, recordAudit } from './audit';
import { refreshReclaimSchedule } from './pool-schedule';
import { listTerritories } from './reference';
import { staleVersion } from './users';

type Input = z.output<typeof territoryInputSchema>;
type TerritoryRecord = typeof territories.$inferSelect;

export function territoryUsage(core: Core) {
  const counts = (sql: string) => new Map((core.sqlite.prepare(sql).raw().all() as [string, number][]).map(([id, n]) => [id, n]));
  const accounts = counts('select territory_id, count(*) from accounts where deleted_at is null and territory_id is not null group by territory_id');
  const reps = counts(`select t, count(distinct rep) from (
      select territory_id as t, id as rep from reps where deleted_at is null and status <> 'left' and territory_id is not null
      union all select rt.territory_id, rt.rep_id from rep_territories rt join reps r on r.id = rt.rep_id where r.deleted_at is null and r.status <> 'left') group by t`);
  const children = counts('select parent_id, count(*) from territories where deleted_at is null and parent_id is not null group by parent_id');
  return listTerritories(core).map((t) => ({ ...t, accountCount: accounts.get(t.id) ?? 0, repCount: reps.get(t.id) ?? 0, childCount: children.get(t.id) ?? 0 }));
}

function requireTerritory(core: Core, id: string): TerritoryRecord {
  const t = core.db.select().from(territories).where(eq(territories.id, id)).get();
  if (!t || t.deletedAt !== null) throw new AppError('NOT_FOUND', msg(`区域不存在：${id}`, `Territory not found: ${id}`));
  return t;
}

function byId(core: Core, id: string): Territory {
  return listTerritories(core).find((t) => t.id === id)!;
}

function checkParentAndCode(core: Core, input: Partial<Input>, selfId: string | null): void {
  if (input.parentId) requireTerritory(core, input.parentId);
  if (selfId && input.parentId !== undefined && wouldCreateCycle(listTerritories(core), selfId, input.parentId)) {
    throw new AppError('RULE_VIOLATION', msg('不能把区域移到它自己或它的下级区域之下', 'A territory cannot move under itself or one of its descendants'), { field: 'parentId' });
  }
  if (input.code) {
    const other = core.db.select({ id: territories.id, name: territories.name }).from(territories).where(eq(territories.code, input.code)).get();
    if (other && other.id !== selfId) throw new AppError('CONFLICT', msg(`区域编码 ${input.code} 已被“${other.name}”使用`, `Territory code ${input.code} is already used by "${other.name}"`), { field: 'code' });
  }
  if (input.name !== undefined) {
    // Siblings with the same name make "华东 / 上海" ambiguous in rules files and filters.
    const parentId = input.parentId !== undefined ? input.parentId : selfId ? requireTerritory(core, selfId).parentId : null;
    const sibling = core.db
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.name, input.name), parentId === null ? isNull(territories.parentId) : eq(territories.parentId, parentId), isNull(territories.deletedAt)))
      .all()
      .find((s) => s.id !== selfId);
    if (sibling) throw new AppError('CONFLICT', msg(`同一上级下已有区域“${input.name}”`, `There is already a territory "${input.name}" under the same parent`), { field: 'name' });
  }
}

export function createTerritory(core: Core, actor: Actor, input: Input): Territory {
  const id = core.tx(() => {
    checkParentAndCode(core, input, null);
    const now = core.clock.now();
    const row = { ...input, id: newId(now), createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 };
    core.db.insert(territories).values(row).run();
    recordAudit(core, actor, { action: 'territory.create', entityType: 'territory', entityId: row.id, after: row });
    return row.id;
  });
  core.events.emit('data.changed', { entities: ['territories'] });
  return byId(core, id);
}

export function updateTerritory(core: Core, actor: Actor, input: { id: string; version: number; patch: Partial<Input> }): Territory {
  let moved = false;
  core.tx(() => {
    const before = requireTerritory(core, input.id);
    if (before.version !== input.version) throw staleVersion('territory', before.version);
    checkParentAndCode(core, { ...input.patch, ...(input.patch.parentId === undefined && input.patch.name !== undefined ? { parentId: before.parentId } : {}) }, input.id);
    const diff = changedFields(before, input.patch as Partial<TerritoryRecord>);
    if (!diff) return;
    moved = 'parentId' in diff.after;
    const r = core.db
      .update(territories)
      .set({ ...diff.after, updatedAt: core.clock.now(), updatedBy: actor.id, version: before.version + 1 })
      .where(and(eq(territories.id, input.id), eq(territories.version, input.version)))
      .run();
    if (r.changes !== 1) throw staleVersion('territory', before.version);
    recordAudit(core, actor, { action: moved ? 'territory.move' : 'territory.update', entityType: 'territory', entityId: input.id, ...diff });
  });
  // A move changes which pool rule (by territory subtree) covers the accounts below it.
  if (moved) refreshReclaimSchedule(core);
  core.events.emit('data.changed', { entities: ['territories'] });
  return byId(core, input.id);
}

/** Only an empty territory can go: no sub-territories, accounts, reps or rules attached to it. */
export function deleteTerritory(core: Core, actor: Actor, input: { id: string; version: number }): { ok: true } {
  core.tx(() => {
    const before = requireTerritory(core, input.id);
    if (before.version !== input.version) throw staleVersion('territory', before.version);
    const one = (sql: string) => (core.sqlite.prepare(sql.replaceAll('?', '@id')).get({ id: input.id }) as { n: number }).n;
    const uses: [number, string, string][] = [
      [one('select count(*) as n from territories where parent_id = ? and deleted_at is null'), '个下级区域', 'sub-territories'],
      [one('select count(*) as n from accounts where territory_id = ? and deleted_at is null'), '个客户', 'accounts'],
      [one(`select count(*) as n from (select id from reps where territory_id = @id and deleted_at is null union select rep_id from rep_territories where territory_id = @id)`), '个业务员', 'reps'],
      [one('select count(*) as n from pool_rules where territory_id = ?'), '条公海规则', 'pool rules'],
      [listAllocationRules(core).filter((r) => r.match.territoryIds?.includes(input.id)).length, '条分配规则', 'allocation rules'],
    ];
    const used = uses.filter(([n]) => n > 0);
    if (used.length > 0) {
      throw new AppError(
        'RULE_VIOLATION',
        msg(`区域“${before.name}”仍在使用：${used.map(([n, zh]) => `${n} ${zh}`).join('、')}`, `Territory "${before.name}" is still in use: ${used.map(([n, , en]) => `${n} ${en}`).join(', ')}`),
        { uses: Object.fromEntries(used.map(([n, , en]) => [en, n])) },
      );
    }
    const now = core.clock.now();
    // The code is freed so that a new territory may take it; the audit entry keeps the old one.
    core.db.update(territories).set({ deletedAt: now, code: null, updatedAt: now, updatedBy: actor.id, version: before.version + 1 }).where(eq(territories.id, input.id)).run();
    recordAudit(core, actor, { action: 'territory.delete', entityType: 'territory', entityId: input.id, before });
  });
  core.events.emit('data.changed', { entities: ['territories'] });
  return { ok: true };
}
