import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { mayBeDue, reclaimBound } from './pool-reclaim-bound';
import { type PoolAccount, type PoolRuleSpec, poolRuleFor, reclaimSchedule, reclaimStatus } from './pool-rules';
import { ancestorIndex } from './territory-tree';

const territories = ancestorIndex([
  { id: 'east', parentId: null },
  { id: 'sh', parentId: 'east' },
]);
const day = (n: number) => addDays('2026-01-01', n);
const days = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null });

const ruleArb = fc.record({
  enabled: fc.boolean(),
  territoryId: fc.constantFrom(null, 'east', 'sh'),
  tier: fc.constantFrom(null, 'A' as const, 'C' as const),
  noFollowupDays: days,
  noDealDays: days,
  protectionDays: days,
});

const accountArb = fc.record({
  territoryId: fc.constantFrom(null, 'east', 'sh'),
  tier: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
  owned: fc.integer({ min: 0, max: 300 }),
  followup: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  deal: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  protectedUntil: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
});

describe('reclaimBound', () => {
  it('is null without an enabled rule; takes the smallest days of each trigger over the enabled rules', () => {
    const base: PoolRuleSpec = { id: 'x', enabled: true, territoryId: null, tier: null, noFollowupDays: null, noDealDays: null, protectionDays: null, reminderDays: 0, claimDailyCap: null, holdingCap: null, cooldownDays: 0 };
    expect(reclaimBound([{ ...base, enabled: false, noFollowupDays: 30 }], '2026-03-01')).toBeNull();
    const bound = reclaimBound(
      [
        { ...base, noFollowupDays: 45, noDealDays: 90 },
        { ...base, noFollowupDays: 30, tier: 'A' },
        { ...base, enabled: false, noFollowupDays: 1, protectionDays: 1 },
      ],
      '2026-03-01',
    );
    expect(bound).toEqual({ followup: '2026-01-30', deal: '2025-12-01', protection: null });
  });

  it('property: an account the rules make due today is never outside the bound', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 4 }), fc.array(accountArb, { maxLength: 40 }), fc.integer({ min: 0, max: 400 }), (ruleRows, accountRows, t) => {
        const rules: PoolRuleSpec[] = ruleRows.map((r, i) => ({ ...r, id: `r${i}`, reminderDays: 3, claimDailyCap: null, holdingCap: null, cooldownDays: 0 }));
        const today = day(t);
        const bound = reclaimBound(rules, today);
        for (const row of accountRows) {
          const a: PoolAccount = {
            territoryId: row.territoryId,
            tier: row.tier,
            ownedOn: day(row.owned),
            lastFollowupOn: row.followup === null ? null : day(row.followup),
            lastDealOn: row.deal === null ? null : day(row.deal),
            protectedUntil: row.protectedUntil === null ? null : day(row.protectedUntil),
          };
          const rule = poolRuleFor(rules, a, territories);
          const due = rule !== null && reclaimStatus(reclaimSchedule(a, rule), today) === 'due';
          if (due) expect(bound !== null && mayBeDue(bound, a)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
