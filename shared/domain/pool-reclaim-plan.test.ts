import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { type ReclaimCandidate, planReclaim } from './pool-reclaim-plan';
import type { PoolRuleSpec } from './pool-rules';
import { ancestorIndex } from './territory-tree';

const territories = ancestorIndex([]);
const rule: PoolRuleSpec = { id: 'p', enabled: true, territoryId: null, tier: null, noFollowupDays: 30, noDealDays: 90, protectionDays: null, reminderDays: 3, claimDailyCap: null, holdingCap: null, cooldownDays: 0 };

function cand(id: string, over: Partial<ReclaimCandidate> = {}): ReclaimCandidate {
  return { id, ownerRepId: 'r1', territoryId: null, tier: 'B', ownedOn: '2026-01-01', lastFollowupOn: null, lastDealOn: null, protectedUntil: null, openReceivableFen: 0, openCases: 0, ...over };
}

describe('planReclaim', () => {
  it('reclaims due accounts, holds those with open money or cases unless confirmed', () => {
    const accounts = [cand('a'), cand('b', { openReceivableFen: 100 }), cand('c', { openCases: 1 }), cand('d', { lastFollowupOn: '2026-01-20' }), cand('e', { ownerRepId: null })];
    const plan = planReclaim({ accounts, rules: [rule], territories, today: '2026-01-31' });
    expect(plan.reclaim.map((x) => x.accountId)).toEqual(['a']);
    expect(plan.held.map((x) => x.accountId)).toEqual(['b', 'c']);
    const confirmed = planReclaim({ accounts, rules: [rule], territories, today: '2026-01-31', confirmed: new Set(['b']) });
    expect(confirmed.reclaim.map((x) => [x.accountId, x.needsConfirmation])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('property: applying a run and running again the same day reclaims nothing', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.string({ minLength: 1, maxLength: 5 }), owned: fc.nat(100), followed: fc.option(fc.nat(100), { nil: null }), money: fc.nat(3), owner: fc.option(fc.constant('r1'), { nil: null }) }),
          { selector: (x) => x.id, maxLength: 30 },
        ),
        fc.nat(200),
        (rows, t) => {
          const accounts = rows.map((r) =>
            cand(r.id, { ownerRepId: r.owner, ownedOn: addDays('2026-01-01', r.owned), lastFollowupOn: r.followed === null ? null : addDays('2026-01-01', r.followed), openReceivableFen: r.money === 0 ? 5 : 0 }),
          );
          const today = addDays('2026-01-01', t);
          const all = new Set(accounts.map((a) => a.id));
          const first = planReclaim({ accounts, rules: [rule], territories, today, confirmed: all });
          const taken = new Set(first.reclaim.map((x) => x.accountId));
          const after = accounts.map((a) => (taken.has(a.id) ? { ...a, ownerRepId: null } : a));
          const second = planReclaim({ accounts: after, rules: [rule], territories, today, confirmed: all });
          expect(second.reclaim).toEqual([]);
          expect(second.held).toEqual([]);
        },
      ),
    );
  });
});
