import { and, asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { allocationRules } from '../../../db/schema';
import { type AllocationRule, type allocationRuleInputSchema, ruleMatchSchema } from '../../../shared/contract/allocation';
import type { AllocationRuleSpec } from '../../../shared/domain/allocation-plan';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { changedFields, recordAudit } from './audit';
import { writeSettings } from './settings';
import { requireRep } from './rep-lookup';
import { loadTerritoryIndex } from './territory-index';
import { staleVersion } from './users';

type RuleInput = z.output<typeof allocationRuleInputSchema>;
type RuleRecord = typeof allocationRules.$inferSelect;

function parseTargets(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function parseMatch(text: string): AllocationRule['match'] {
  try {
    const parsed = ruleMatchSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  // A corrupt match must not match everything: an impossible tier list matches nothing.
  return { industries: ['\u0000corrupt'] };
}

export function toRule(r: RuleRecord): AllocationRule {
  return { id: r.id, name: r.name, enabled: r.enabled, sortOrder: r.sortOrder, match: parseMatch(r.match), targetRepIds: parseTargets(r.targetRepIds), strategy: r.strategy, rrCursor: r.rrCursor, version: r.version };
}

export function listAllocationRules(core: Core): AllocationRule[] {
  return core.db.select().from(allocationRules).orderBy(asc(allocationRules.sortOrder), asc(allocationRules.id)).all().map(toRule);
}

export function ruleSpecs(rules: readonly AllocationRule[]): AllocationRuleSpec[] {
  return rules.map((r) => ({ id: r.id, name: r.name, enabled: r.enabled, match: r.match, targetRepIds: r.targetRepIds, strategy: r.strategy, rrCursor: r.rrCursor }));
}

function validate(core: Core, input: Partial<RuleInput>): void {
  for (const id of input.targetRepIds ?? []) {
    const rep = requireRep(core, id);
    if (rep.status === 'left') throw new AppError('INVALID_INPUT', msg(`业务员${rep.name}已离职，不能作为分配对象`, `${rep.name} has left and cannot be a target`), { field: 'targetRepIds' });
  }
  if (input.match?.territoryIds?.length) {
    const idx = loadTerritoryIndex(core);
    for (const t of input.match.territoryIds) if (!idx.byId.has(t)) throw new AppError('INVALID_INPUT', msg(`区域不存在：${t}`, `Territory does not exist: ${t}`), { field: 'match.territoryIds' });
  }
  if (input.strategy === 'single' && (input.targetRepIds?.length ?? 1) > 1) {
    throw new AppError('INVALID_INPUT', msg('“指定业务员”策略只能有一个业务员', 'The "single" strategy takes exactly one rep'), { field: 'targetRepIds' });
  }
}

function requireRule(core: Core, id: string): RuleRecord {
  const r = core.db.select().from(allocationRules).where(eq(allocationRules.id, id)).get();
  if (!r) throw new AppError('NOT_FOUND', msg(`分配规则不存在：${id}`, `Allocation rule not found: ${id}`));
  return r;
}

export function createAllocationRule(core: Core, actor: Actor, input: RuleInput): AllocationRule {
  const rule = core.tx(() => {
    validate(core, input);
    const now = core.clock.now();
    const last = core.db.select({ m: max(allocationRules.sortOrder) }).from(allocationRules).get()?.m ?? 0;
    const row = {
      id: newId(now),
      name: input.name,
      enabled: input.enabled,
      sortOrder: last + 10,
      match: JSON.stringify(input.match),
      targetRepIds: JSON.stringify([...new Set(input.targetRepIds)]),
      strategy: input.strategy,
      rrCursor: 0,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    };
    core.db.insert(allocationRules).values(row).run();
    recordAudit(core, actor, { action: 'allocation_rule.create', entityType: 'allocation_rule', entityId: row.id, after: row });
    return toRule(requireRule(core, row.id));
  });
  core.events.emit('data.changed', { entities: ['allocation_rules'] });
  return rule;
}

export function updateAllocationRule(core: Core, actor: Actor, input: { id: string; version: number; patch: Partial<RuleInput> }): AllocationRule {
  const rule = core.tx(() => {
    const before = requireRule(core, input.id);
    if (before.version !== input.version) throw staleVersion('allocation rule', before.version);
    const current = toRule(before);
    validate(core, { ...input.patch, strategy: input.patch.strategy ?? current.strategy, targetRepIds: input.patch.targetRepIds ?? current.targetRepIds });
    const patch: Partial<RuleRecord> = {};
    if (input.patch.name !== undefined) patch.name = input.patch.name;
    if (input.patch.enabled !== undefined) patch.enabled = input.patch.enabled;
    if (input.patch.match !== undefined) patch.match = JSON.stringify(input.patch.match);
    if (input.patch.targetRepIds !== undefined) patch.targetRepIds = JSON.stringify([...new Set(input.patch.targetRepIds)]);
    if (input.patch.strategy !== undefined) patch.strategy = input.patch.strategy;
    const diff = changedFields(before, patch);
    if (!diff) return current;
    // A new list of reps restarts the round-robin walk.
    const extra = patch.targetRepIds !== undefined ? { rrCursor: 0 } : {};
    const r = core.db
      .update(allocationRules)
      .set({ ...diff.after, ...extra, updatedAt: core.clock.now(), updatedBy: actor.id, version: before.version + 1 })
      .where(and(eq(allocationRules.id, input.id), eq(allocationRules.version, input.version)))
      .run();
    if (r.changes !== 1) throw staleVersion('allocation rule', before.version);
    recordAudit(core, actor, { action: 'allocation_rule.update', entityType: 'allocation_rule', entityId: input.id, ...diff });
    return toRule(requireRule(core, input.id));
  });
  core.events.emit('data.changed', { entities: ['allocation_rules'] });
  return rule;
}

export function deleteAllocationRule(core: Core, actor: Actor, input: { id: string; version: number }): { ok: true } {
  core.tx(() => {
    const before = requireRule(core, input.id);
    if (before.version !== input.version) throw staleVersion('allocation rule', before.version);
    // Journals may still point at the rule (its cursor); those items simply stop restoring anything.
    core.db.delete(allocationRules).where(eq(allocationRules.id, input.id)).run();
    recordAudit(core, actor, { action: 'allocation_rule.delete', entityType: 'allocation_rule', entityId: input.id, before });
  });
  core.events.emit('data.changed', { entities: ['allocation_rules'] });
  return { ok: true };
}

export function reorderAllocationRules(core: Core, actor: Actor, ids: string[]): AllocationRule[] {
  const rules = core.tx(() => {
    const all = listAllocationRules(core);
    const known = new Set(all.map((r) => r.id));
    if (ids.length !== all.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new AppError('INVALID_INPUT', msg(`排序须包含全部 ${all.length} 条规则，各一次`, `The order must list all ${all.length} rules, each once`), { field: 'ids' });
    }
    const before = all.map((r) => r.id);
    const set = core.sqlite.prepare('update allocation_rules set sort_order = ?, updated_at = ?, updated_by = ?, version = version + 1 where id = ? and sort_order <> ?');
    const now = core.clock.now();
    ids.forEach((id, i) => set.run((i + 1) * 10, now, actor.id, id, (i + 1) * 10));
    recordAudit(core, actor, { action: 'allocation_rule.reorder', entityType: 'allocation_rule', entityId: null, before, after: ids });
    return listAllocationRules(core);
  });
  core.events.emit('data.changed', { entities: ['allocation_rules'] });
  return rules;
}

export function setAllocationFallback(core: Core, actor: Actor, repId: string | null, invalidateSettings: () => void): { fallbackRepId: string | null } {
  core.tx(() => {
    if (repId !== null) {
      const rep = requireRep(core, repId);
      if (rep.status === 'left') throw new AppError('INVALID_INPUT', msg(`业务员${rep.name}已离职，不能作为默认接收人`, `${rep.name} has left and cannot be the default assignee`));
    }
    const before = core.settings().allocationFallbackRepId;
    writeSettings(core.db, { allocationFallbackRepId: repId }, actor, core.clock.now());
    recordAudit(core, actor, { action: 'settings.allocation_fallback', entityType: 'settings', entityId: 'allocationFallbackRepId', before, after: repId });
  });
  invalidateSettings();
  return { fallbackRepId: core.settings().allocationFallbackRepId };
}
