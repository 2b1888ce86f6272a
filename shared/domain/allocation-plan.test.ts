import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleMatches, type Tier } from './allocation-match';
import { type AllocatableAccount, type AllocationRuleSpec, type Fallback, type RepLoad, STRATEGIES, planAllocation } from './allocation-plan';
import { ancestorIndex } from './territory-tree';

const territories = ancestorIndex([
  { id: 'east', parentId: null },
  { id: 'sh', parentId: 'east' },
  { id: 'pd', parentId: 'sh' },
  { id: 'south', parentId: null },
]);

function acct(id: string, over: Partial<AllocatableAccount> = {}): AllocatableAccount {
  return { id, territoryId: null, industry: null, tier: 'C', source: null, tags: [], ownerRepId: null, openReceivableFen: 0, ...over };
}
function rep(id: string, over: Partial<RepLoad> = {}): RepLoad {
  return { id, status: 'active', capacity: null, accountCount: 0, openReceivableFen: 0, ...over };
}
function rule(id: string, over: Partial<AllocationRuleSpec> = {}): AllocationRuleSpec {
  return { id, name: id, enabled: true, match: {}, targetRepIds: [], strategy: 'round_robin', rrCursor: 0, ...over };
}
const pool: Fallback = { kind: 'pool' };

describe('rule matching', () => {
  it('a territory matches its descendants, and every criterion must hold', () => {
    const a = { territoryId: 'pd', industry: ' Manufacturing ', tier: 'A' as Tier, source: '展会', tags: ['VIP', '老客户'] };
    expect(ruleMatches({ territoryIds: ['east'] }, a, territories)).toBe(true);
    expect(ruleMatches({ territoryIds: ['south'] }, a, territories)).toBe(false);
    expect(ruleMatches({ industries: ['manufacturing'] }, a, territories)).toBe(true);
    expect(ruleMatches({ tiers: ['B', 'C'] }, a, territories)).toBe(false);
    expect(ruleMatches({ sources: ['展会', '官网'] }, a, territories)).toBe(true);
    expect(ruleMatches({ tags: ['vip'] }, a, territories)).toBe(true);
    expect(ruleMatches({ tags: ['黑名单'] }, a, territories)).toBe(false);
    expect(ruleMatches({ territoryIds: ['east'], tiers: ['B'] }, a, territories)).toBe(false);
    expect(ruleMatches({}, a, territories)).toBe(true);
    expect(ruleMatches({ territoryIds: ['east'] }, { ...a, territoryId: null }, territories)).toBe(false);
  });
});

describe('planAllocation', () => {
  it('first match wins, in rule order', () => {
    const plan = planAllocation({
      accounts: [acct('a1', { tier: 'A', territoryId: 'pd' }), acct('a2', { territoryId: 'south' })],
      rules: [rule('r1', { match: { tiers: ['A'] }, targetRepIds: ['x'], strategy: 'single' }), rule('r2', { match: { territoryIds: ['east'] }, targetRepIds: ['y'] })],
      reps: [rep('x'), rep('y')],
      fallback: pool,
      territories,
    });
    expect(plan.assignments).toEqual([
      { accountId: 'a1', fromRepId: null, toRepId: 'x', ruleId: 'r1', via: 'rule', miss: null },
      { accountId: 'a2', fromRepId: null, toRepId: null, ruleId: null, via: 'pool', miss: 'no_rule' },
    ]);
    expect(plan.unmatched).toEqual(['a2']);
  });

  it('disabled rules are skipped', () => {
    const plan = planAllocation({ accounts: [acct('a1')], rules: [rule('r1', { enabled: false, targetRepIds: ['x'] }), rule('r2', { targetRepIds: ['y'] })], reps: [rep('x'), rep('y')], fallback: pool, territories });
    expect(plan.assignments[0]!.toRepId).toBe('y');
  });

  it('round-robin continues from the persisted cursor and skips paused, left and full reps', () => {
    const plan = planAllocation({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => acct(id)),
      rules: [rule('r', { targetRepIds: ['p', 'q', 'paused', 'left', 'full', 's'], rrCursor: 1 })],
      reps: [rep('p'), rep('q'), rep('paused', { status: 'paused' }), rep('left', { status: 'left' }), rep('full', { capacity: 3, accountCount: 3 }), rep('s')],
      fallback: pool,
      territories,
    });
    expect(plan.assignments.map((a) => a.toRepId)).toEqual(['q', 's', 'p', 'q']);
    expect(plan.cursors).toEqual({ r: 2 });
  });

  it('least-load picks the fewest accounts, or the least receivables, ties by list order', () => {
    const reps = [rep('x', { accountCount: 5, openReceivableFen: 100 }), rep('y', { accountCount: 3, openReceivableFen: 900 }), rep('z', { accountCount: 3, openReceivableFen: 900 })];
    const byCount = planAllocation({ accounts: [acct('a1'), acct('a2'), acct('a3')], rules: [rule('r', { targetRepIds: ['x', 'y', 'z'], strategy: 'least_accounts' })], reps, fallback: pool, territories });
    expect(byCount.assignments.map((a) => a.toRepId)).toEqual(['y', 'z', 'y']);
    const byMoney = planAllocation({
      accounts: [acct('a1', { openReceivableFen: 1000 }), acct('a2', { openReceivableFen: 10 })],
      rules: [rule('r', { targetRepIds: ['x', 'y', 'z'], strategy: 'least_receivables' })],
      reps,
      fallback: pool,
      territories,
    });
    expect(byMoney.assignments.map((a) => a.toRepId)).toEqual(['x', 'y']);
    const loads = Object.fromEntries(byMoney.loads.map((l) => [l.repId, l]));
    expect(loads.x).toMatchObject({ accountsBefore: 5, accountsAfter: 6, receivableBefore: 100, receivableAfter: 1100 });
  });

  it('capacity-aware fills in proportion to capacity', () => {
    const plan = planAllocation({
      accounts: Array.from({ length: 30 }, (_, i) => acct(`a${String(i).padStart(2, '0')}`)),
      rules: [rule('r', { targetRepIds: ['big', 'small'], strategy: 'capacity' })],
      reps: [rep('big', { capacity: 20 }), rep('small', { capacity: 10 })],
      fallback: pool,
      territories,
    });
    const count = (id: string) => plan.assignments.filter((a) => a.toRepId === id).length;
    expect(count('big')).toBe(20);
    expect(count('small')).toBe(10);
  });

  it('falls back to the default rep, or to the pool when that rep is unavailable; owned accounts keep their owner', () => {
    const args = { rules: [rule('r', { match: { tiers: ['A' as Tier] }, targetRepIds: ['busy'], strategy: 'single' as const })], territories };
    const reps = [rep('busy', { status: 'paused' }), rep('dflt'), rep('old')];
    const p1 = planAllocation({ ...args, accounts: [acct('a1', { tier: 'A' }), acct('a2'), acct('a3', { ownerRepId: 'old' })], reps, fallback: { kind: 'rep', repId: 'dflt' } });
    expect(p1.assignments.map((a) => [a.toRepId, a.via, a.miss])).toEqual([
      ['dflt', 'fallback', 'no_available_rep'],
      ['dflt', 'fallback', 'no_rule'],
      ['old', 'kept', 'no_rule'],
    ]);
    expect(p1.changeCount).toBe(2);
    const p2 = planAllocation({ ...args, accounts: [acct('a1')], reps: [rep('dflt', { status: 'left' })], fallback: { kind: 'rep', repId: 'dflt' } });
    expect(p2.assignments[0]).toMatchObject({ toRepId: null, via: 'pool' });
  });

  it('an owned account competes as if released (least-load does not move it for its own weight)', () => {
    const plan = planAllocation({
      accounts: [acct('a1', { ownerRepId: 'x' })],
      rules: [rule('r', { targetRepIds: ['x', 'y'], strategy: 'least_accounts' })],
      reps: [rep('x', { accountCount: 3 }), rep('y', { accountCount: 2 })],
      fallback: pool,
      territories,
    });
    expect(plan.assignments[0]!.toRepId).toBe('x');
    expect(plan.changeCount).toBe(0);
  });
});

// ---- properties ----
const repIds = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
const arbRep = (id: string) =>
  fc.record({
    id: fc.constant(id),
    status: fc.constantFrom<'active' | 'paused' | 'left'>('active', 'active', 'active', 'paused', 'left'),
    capacity: fc.option(fc.nat(12), { nil: null }),
    accountCount: fc.nat(10),
    openReceivableFen: fc.nat(100_000),
  });
const arbTier = fc.constantFrom<Tier>('A', 'B', 'C');
const arbAccount = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  territoryId: fc.option(fc.constantFrom('east', 'sh', 'pd', 'south'), { nil: null }),
  industry: fc.option(fc.constantFrom('制造', '零售', '医药'), { nil: null }),
  tier: arbTier,
  source: fc.option(fc.constantFrom('展会', '官网'), { nil: null }),
  tags: fc.subarray(['VIP', '老客户', '重点']),
  ownerRepId: fc.option(fc.constantFrom(...repIds), { nil: null }),
  openReceivableFen: fc.nat(50_000),
});
const arbRule = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  name: fc.constant('r'),
  enabled: fc.boolean(),
  match: fc.record(
    {
      territoryIds: fc.subarray(['east', 'sh', 'pd', 'south']),
      industries: fc.subarray(['制造', '零售', '医药']),
      tiers: fc.subarray<Tier>(['A', 'B', 'C']),
      sources: fc.subarray(['展会', '官网']),
      tags: fc.subarray(['VIP', '老客户', '重点']),
    },
    { requiredKeys: [] },
  ),
  targetRepIds: fc.array(fc.constantFrom(...repIds, 'ghost'), { maxLength: 5 }),
  strategy: fc.constantFrom(...STRATEGIES),
  rrCursor: fc.nat(10),
});
const arbInput = fc.record({
  accounts: fc.uniqueArray(arbAccount, { selector: (a) => a.id, maxLength: 40 }),
  rules: fc.uniqueArray(arbRule, { selector: (r) => r.id, maxLength: 5 }),
  reps: fc.tuple(...repIds.map(arbRep)),
  fallback: fc.oneof(fc.constant<Fallback>({ kind: 'pool' }), fc.constantFrom(...repIds).map((repId): Fallback => ({ kind: 'rep', repId }))),
});

describe('planAllocation properties', () => {
  it('never assigns to a paused, left or full rep', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const plan = planAllocation({ ...input, territories });
        const byId = new Map(input.reps.map((r) => [r.id, r]));
        const gained = new Set(plan.assignments.filter((a) => a.toRepId !== null && a.toRepId !== a.fromRepId).map((a) => a.toRepId!));
        for (const id of gained) {
          const r = byId.get(id)!;
          expect(r.status).toBe('active');
          const after = plan.loads.find((l) => l.repId === id)!.accountsAfter;
          if (r.capacity !== null) expect(after).toBeLessThanOrEqual(r.capacity);
        }
      }),
    );
  });

  it('never loses or duplicates an account, and loads add up', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const plan = planAllocation({ ...input, territories });
        const ids = [...new Set(input.accounts.map((a) => a.id))].sort();
        expect(plan.assignments.map((a) => a.accountId).sort()).toEqual(ids);
        const delta = plan.loads.reduce((s, l) => s + l.accountsAfter - l.accountsBefore, 0);
        const expected = plan.assignments.reduce((s, a) => s + (a.toRepId !== null ? 1 : 0) - (a.fromRepId !== null ? 1 : 0), 0);
        expect(delta).toBe(expected);
      }),
    );
  });

  it('respects rule order: no earlier enabled rule matches an account a later rule took', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const plan = planAllocation({ ...input, territories });
        const byId = new Map(input.accounts.map((a) => [a.id, a]));
        for (const a of plan.assignments) {
          const acc = byId.get(a.accountId)!;
          const firstMatch = input.rules.findIndex((r) => r.enabled && ruleMatches(r.match, acc, territories));
          if (a.via === 'rule') {
            expect(input.rules[firstMatch]!.id).toBe(a.ruleId);
            expect(input.rules[firstMatch]!.targetRepIds).toContain(a.toRepId);
          }
          if (a.miss === 'no_rule') expect(firstMatch).toBe(-1);
        }
      }),
    );
  });

  it('is deterministic: the same data in any order gives the same plan', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const a = planAllocation({ ...input, territories });
        const b = planAllocation({ ...input, accounts: [...input.accounts].reverse(), territories });
        expect(b).toEqual(a);
      }),
    );
  });

  it('round-robin spreads within ±1 over available reps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(200), fc.nat(20), (n, count, cursor) => {
        const reps = Array.from({ length: n }, (_, i) => rep(`r${i}`, { accountCount: i * 3 }));
        const plan = planAllocation({
          accounts: Array.from({ length: count }, (_, i) => acct(`a${String(i).padStart(4, '0')}`)),
          rules: [rule('rr', { targetRepIds: reps.map((r) => r.id), rrCursor: cursor })],
          reps,
          fallback: pool,
          territories,
        });
        const counts = reps.map((r) => plan.assignments.filter((a) => a.toRepId === r.id).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('round-robin continued across runs through the cursor still spreads within ±1', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(9), { minLength: 1, maxLength: 6 }), (batches) => {
        const reps = ['p', 'q', 'r'].map((id) => rep(id));
        let cursor = 0;
        const totals = new Map<string, number>();
        let k = 0;
        for (const size of batches) {
          const plan = planAllocation({
            accounts: Array.from({ length: size }, () => acct(`a${String(k++).padStart(4, '0')}`)),
            rules: [rule('rr', { targetRepIds: ['p', 'q', 'r'], rrCursor: cursor })],
            reps,
            fallback: pool,
            territories,
          });
          cursor = plan.cursors.rr ?? cursor;
          for (const a of plan.assignments) totals.set(a.toRepId!, (totals.get(a.toRepId!) ?? 0) + 1);
        }
        const counts = ['p', 'q', 'r'].map((id) => totals.get(id) ?? 0);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
