import { and, asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { poolRules, territories } from '../../../db/schema';
import type { PoolRule, poolRuleInputSchema } from '../../../shared/contract/pool';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { changedFields, recordAudit } from './audit';
import { refreshReclaimSchedule } from './pool-schedule';
import { staleVersion } from './users';

type Input = z.output<typeof poolRuleInputSchema>;
type Record_ = typeof poolRules.$inferSelect;

export function listPoolRules(core: Core): PoolRule[] {
  return core.db
    .select({ r: poolRules, territoryName: territories.name })
    .from(poolRules)
    .leftJoin(territories, eq(territories.id, poolRules.territoryId))
    .orderBy(asc(poolRules.sortOrder), asc(poolRules.id))
    .all()
    .map(({ r, territoryName }) => ({
      id: r.id,
      name: r.name,
      enabled: r.enabled,
      sortOrder: r.sortOrder,
      territoryId: r.territoryId,
      territoryName,
      tier: r.tier,
      noFollowupDays: r.noFollowupDays,
      noDealDays: r.noDealDays,
      protectionDays: r.protectionDays,
      reminderDays: r.reminderDays,
      claimDailyCap: r.claimDailyCap,
      holdingCap: r.holdingCap,
      cooldownDays: r.cooldownDays,
      version: r.version,
    }));
}

function requirePoolRule(core: Core, id: string): Record_ {
  const r = core.db.select().from(poolRules).where(eq(poolRules.id, id)).get();
  if (!r) throw new AppError('NOT_FOUND', msg(`公海规则不存在：${id}`, `Pool rule not found: ${id}`));
  return r;
}

function checkTerritory(core: Core, id: string | null | undefined): void {
  if (!id) return;
  const t = core.db.select({ id: territories.id, deletedAt: territories.deletedAt }).from(territories).where(eq(territories.id, id)).get();
  if (!t || t.deletedAt !== null) throw new AppError('INVALID_INPUT', msg('区域不存在', 'Territory does not exist'), { field: 'territoryId' });
}

function byId(core: Core, id: string): PoolRule {
  return listPoolRules(core).find((r) => r.id === id)!;
}

/** Any rule change moves reclaim dates: the stored schedule is recomputed for all accounts. */
function afterChange(core: Core): void {
  refreshReclaimSchedule(core);
  core.events.emit('data.changed', { entities: ['pool_rules', 'accounts'] });
}

export function createPoolRule(core: Core, actor: Actor, input: Input): PoolRule {
  const rule = core.tx(() => {
    checkTerritory(core, input.territoryId);
    const now = core.clock.now();
    const last = core.db.select({ m: max(poolRules.sortOrder) }).from(poolRules).get()?.m ?? 0;
    const row = { ...input, id: newId(now), sortOrder: last + 10, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 };
    core.db.insert(poolRules).values(row).run();
    recordAudit(core, actor, { action: 'pool_rule.create', entityType: 'pool_rule', entityId: row.id, after: row });
    return byId(core, row.id);
  });
  afterChange(core);
  return rule;
}

export function updatePoolRule(core: Core, actor: Actor, input: { id: string; version: number; patch: Partial<Input> }): PoolRule {
  const rule = core.tx(() => {
    const before = requirePoolRule(core, input.id);
    if (before.version !== input.version) throw staleVersion('pool rule', before.version);
    checkTerritory(core, input.patch.territoryId);
    const diff = changedFields(before, input.patch as Partial<Record_>);
    if (!diff) return byId(core, input.id);
    const r = core.db
      .update(poolRules)
      .set({ ...diff.after, updatedAt: core.clock.now(), updatedBy: actor.id, version: before.version + 1 })
      .where(and(eq(poolRules.id, input.id), eq(poolRules.version, input.version)))
      .run();
    if (r.changes !== 1) throw staleVersion('pool rule', before.version);
    recordAudit(core, actor, { action: 'pool_rule.update', entityType: 'pool_rule', entityId: input.id, ...diff });
    return byId(core, input.id);
  });
  afterChange(core);
  return rule;
}

export function deletePoolRule(core: Core, actor: Actor, input: { id: string; version: number }): { ok: true } {
  core.tx(() => {
    const before = requirePoolRule(core, input.id);
    if (before.version !== input.version) throw staleVersion('pool rule', before.version);
    core.db.delete(poolRules).where(eq(poolRules.id, input.id)).run();
    recordAudit(core, actor, { action: 'pool_rule.delete', entityType: 'pool_rule', entityId: input.id, before });
  });
  afterChange(core);
  return { ok: true };
}

export function reorderPoolRules(core: Core, actor: Actor, ids: string[]): PoolRule[] {
  const rules = core.tx(() => {
    const all = listPoolRules(core);
    const known = new Set(all.map((r) => r.id));
    if (ids.length !== all.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new AppError('INVALID_INPUT', msg(`排序须包含全部 ${all.length} 条公海规则，各一次`, `The order must list all ${all.length} pool rules, each once`), { field: 'ids' });
    }
    const set = core.sqlite.prepare('update pool_rules set sort_order = ?, updated_at = ?, updated_by = ?, version = version + 1 where id = ? and sort_order <> ?');
    const now = core.clock.now();
    ids.forEach((id, i) => set.run((i + 1) * 10, now, actor.id, id, (i + 1) * 10));
    recordAudit(core, actor, { action: 'pool_rule.reorder', entityType: 'pool_rule', entityId: null, before: all.map((r) => r.id), after: ids });
    return listPoolRules(core);
  });
  afterChange(core);
  return rules;
}
