import type { SeedContext } from './context';
import { AUDIT_COLUMNS, prepareInsert } from './insert';
import { NO_FOLLOWUP_DAYS } from './ownership';
import type { RepPool, SeedRep } from './reps';
import type { TerritoryTree } from './territories';

/**
 * 公海 rules by tier (the follow-up thresholds the demo's follow-up history is built around), with
 * reminders, protection after a claim, the previous owner's cooldown and claim caps.
 */
export function seedPoolRules(ctx: SeedContext, pool: RepPool): number {
  const insert = prepareInsert(ctx.sqlite, 'pool_rules', [
    'id',
    'name',
    'enabled',
    'sort_order',
    'territory_id',
    'tier',
    'no_followup_days',
    'no_deal_days',
    'protection_days',
    'reminder_days',
    'claim_daily_cap',
    'holding_cap',
    'cooldown_days',
    ...AUDIT_COLUMNS,
  ]);
  const at = ctx.stamp(ctx.startDay);
  const a = ctx.actor.id;
  const capacities = pool.reps.map((r) => r.capacity).sort((x, y) => x - y);
  const medianCapacity = capacities[Math.floor(capacities.length / 2)] ?? 100;
  const rows: [string, 'A' | 'B' | 'C' | null, number | null, number | null, number | null, number, number | null, number | null, number][] = [
    [`C 类客户：${NO_FOLLOWUP_DAYS.C} 天未跟进或一年未成交回收公海`, 'C', NO_FOLLOWUP_DAYS.C, 365, 30, 7, 10, Math.round(medianCapacity * 0.6), 30],
    [`B 类客户：${NO_FOLLOWUP_DAYS.B} 天未跟进回收公海`, 'B', NO_FOLLOWUP_DAYS.B, null, 30, 7, 5, null, 30],
    [`A 类客户：${NO_FOLLOWUP_DAYS.A} 天未跟进回收公海`, 'A', NO_FOLLOWUP_DAYS.A, null, 60, 14, 3, null, 60],
  ];
  rows.forEach(([name, tier, noFollowup, noDeal, protection, reminder, claimCap, holdingCap, cooldown], i) => {
    insert.run(ctx.id(at), name, 1, i + 1, null, tier, noFollowup, noDeal, protection, reminder, claimCap, holdingCap, cooldown, at, at, a, a, 1);
  });
  return insert.count;
}

/**
 * Ordered auto-allocation rules (first match wins): strategic A accounts to senior reps by capacity,
 * one round-robin rule per region over its active reps, an industry rule, and a catch-all default.
 * match lists every territory of a region (region, provinces, cities), so matching on the account's
 * own territory works whichever level it is filed under.
 */
export function seedAllocationRules(ctx: SeedContext, tree: TerritoryTree, pool: RepPool): number {
  const insert = prepareInsert(ctx.sqlite, 'allocation_rules', ['id', 'name', 'enabled', 'sort_order', 'match', 'target_rep_ids', 'strategy', 'rr_cursor', ...AUDIT_COLUMNS]);
  const at = ctx.stamp(ctx.startDay);
  const a = ctx.actor.id;
  const active = (reps: readonly SeedRep[]) => reps.filter((r) => r.status === 'active');
  let order = 0;
  const add = (name: string, match: object, reps: readonly SeedRep[], strategy: string, enabled = true) => {
    if (reps.length === 0) return;
    insert.run(ctx.id(at), name, enabled ? 1 : 0, ++order, JSON.stringify(match), JSON.stringify(reps.map((r) => r.id)), strategy, 0, at, at, a, a, 1);
  };
  const seniors = active(pool.reps)
    .slice()
    .sort((x, y) => y.capacity - x.capacity || x.idx - y.idx)
    .slice(0, Math.max(1, Math.round(pool.reps.length / 8)));
  add('A 类客户 → 资深业务员（按剩余容量）', { tiers: ['A'] }, seniors, 'capacity');
  const medical = active(pool.reps).filter((r) => r.specialities.includes('医药医疗'));
  add('医药医疗行业 → 行业专员（最少客户优先）', { industries: ['医药医疗'] }, medical, 'least_accounts');
  for (const region of tree.regions) {
    const territoryIds = [region.id, ...region.provinces.flatMap((p) => [p.id, ...p.cities.map((c) => c.id)])];
    add(`${region.geo.name}区域轮询`, { territoryIds }, active(pool.byRegion.get(region.id) ?? []), 'round_robin');
  }
  add('展会线索 → 最少应收优先（试运行）', { sources: ['展会'] }, active(pool.reps).slice(0, 5), 'least_receivables', false);
  const fallback = active(pool.reps)[0];
  if (fallback) add('默认分配人', {}, [fallback], 'single');
  return insert.count;
}
