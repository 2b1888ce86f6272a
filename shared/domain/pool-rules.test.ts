import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { type PoolAccount, type PoolRuleSpec, claimRefusal, poolRuleFor, reclaimNeedsConfirmation, reclaimSchedule, reclaimStatus } from './pool-rules';
import { ancestorIndex } from './territory-tree';

const territories = ancestorIndex([
  { id: 'east', parentId: null },
  { id: 'sh', parentId: 'east' },
]);

function rule(over: Partial<PoolRuleSpec> = {}): PoolRuleSpec {
  return { id: 'p', enabled: true, territoryId: null, tier: null, noFollowupDays: null, noDealDays: null, protectionDays: null, reminderDays: 3, claimDailyCap: null, holdingCap: null, cooldownDays: 0, ...over };
}
function account(over: Partial<PoolAccount> = {}): PoolAccount {
  return { territoryId: null, tier: 'C', ownedOn: '2026-01-01', lastFollowupOn: null, lastDealOn: null, protectedUntil: null, ...over };
}

describe('pool rule scope', () => {
  it('takes the first enabled rule whose territory subtree and tier hold', () => {
    const rules = [rule({ id: 'off', enabled: false }), rule({ id: 'eastA', territoryId: 'east', tier: 'A' }), rule({ id: 'east', territoryId: 'east' }), rule({ id: 'all' })];
    expect(poolRuleFor(rules, { territoryId: 'sh', tier: 'A' }, territories)?.id).toBe('eastA');
    expect(poolRuleFor(rules, { territoryId: 'sh', tier: 'B' }, territories)?.id).toBe('east');
    expect(poolRuleFor(rules, { territoryId: null, tier: 'A' }, territories)?.id).toBe('all');
    expect(poolRuleFor([rule({ territoryId: 'sh' })], { territoryId: 'east', tier: 'A' }, territories)).toBeNull();
  });
});

describe('reclaim schedule', () => {
  it('no follow-up for N days: still owned on day N − 1, due on day N exactly', () => {
    const r = rule({ noFollowupDays: 30, reminderDays: 5 });
    const s = reclaimSchedule(account({ lastFollowupOn: '2026-03-01', ownedOn: '2026-01-01' }), r)!;
    expect(s).toEqual({ dueOn: '2026-03-31', trigger: 'no_followup', remindOn: '2026-03-26' });
    expect(reclaimStatus(s, '2026-03-25')).toBe('ok');
    expect(reclaimStatus(s, '2026-03-26')).toBe('remind');
    expect(reclaimStatus(s, '2026-03-30')).toBe('remind');
    expect(reclaimStatus(s, '2026-03-31')).toBe('due');
  });

  it('the clock never starts before the owner got the account', () => {
    const s = reclaimSchedule(account({ lastFollowupOn: '2020-01-01', ownedOn: '2026-06-10' }), rule({ noFollowupDays: 10 }))!;
    expect(s.dueOn).toBe('2026-06-20');
  });

  it('no deal for M days, the earlier trigger wins', () => {
    const s = reclaimSchedule(account({ lastFollowupOn: '2026-02-20', lastDealOn: '2026-01-10' }), rule({ noFollowupDays: 30, noDealDays: 45 }))!;
    expect(s).toMatchObject({ dueOn: '2026-02-24', trigger: 'no_deal' });
  });

  it('protection period: nothing reclaims meanwhile; at its end the account goes back unless a deal was made', () => {
    const r = rule({ noFollowupDays: 5, protectionDays: 20 });
    expect(reclaimSchedule(account(), r)).toMatchObject({ dueOn: '2026-01-21', trigger: 'no_followup' });
    expect(reclaimSchedule(account({ lastFollowupOn: '2026-01-19' }), r)).toMatchObject({ dueOn: '2026-01-21', trigger: 'protection_ended' });
    const dealt = reclaimSchedule(account({ lastDealOn: '2026-01-15', lastFollowupOn: '2026-01-19' }), r)!;
    expect(dealt).toMatchObject({ dueOn: '2026-01-24', trigger: 'no_followup' });
    // A deal before the current owner got the account does not count.
    expect(reclaimSchedule(account({ lastDealOn: '2025-12-31' }), rule({ protectionDays: 20 }))).toMatchObject({ trigger: 'protection_ended' });
  });

  it('a protected account is excluded until the day after its protection', () => {
    const s = reclaimSchedule(account({ protectedUntil: '2026-05-01' }), rule({ noFollowupDays: 10 }))!;
    expect(s.dueOn).toBe('2026-05-02');
    expect(reclaimStatus(s, '2026-05-01')).not.toBe('due');
    expect(reclaimStatus(s, '2026-05-02')).toBe('due');
  });

  it('a rule without triggers schedules nothing', () => {
    expect(reclaimSchedule(account(), rule())).toBeNull();
    expect(reclaimStatus(null, '2030-01-01')).toBe('none');
  });

  it('open receivables or cases need a confirmation', () => {
    expect(reclaimNeedsConfirmation({ openReceivableFen: 1, openCases: 0 })).toBe(true);
    expect(reclaimNeedsConfirmation({ openReceivableFen: 0, openCases: 2 })).toBe(true);
    expect(reclaimNeedsConfirmation({ openReceivableFen: 0, openCases: 0 })).toBe(false);
  });

  it('property: never due before N days of silence since the later of ownership and last follow-up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 800 }), (owned, followed, n, t) => {
        const ownedOn = addDays('2025-01-01', owned);
        const lastFollowupOn = addDays('2025-01-01', followed);
        const today = addDays('2025-01-01', t);
        const s = reclaimSchedule(account({ ownedOn, lastFollowupOn }), rule({ noFollowupDays: n }))!;
        const base = ownedOn > lastFollowupOn ? ownedOn : lastFollowupOn;
        expect(reclaimStatus(s, today) === 'due').toBe(today >= addDays(base, n));
      }),
    );
  });
});

describe('claim checks', () => {
  const ctx = {
    rep: { id: 'me', status: 'active' as const, capacity: null },
    holding: 0,
    claimedToday: 0,
    account: { ownerRepId: null, previousOwnerRepId: null, pooledOn: '2026-03-01' },
    rule: rule({ claimDailyCap: 2, holdingCap: 10, cooldownDays: 7 }),
    today: '2026-03-05',
  };
  it('allows a normal claim', () => expect(claimRefusal(ctx)).toBeNull());
  it('refuses an owned account and an inactive rep', () => {
    expect(claimRefusal({ ...ctx, account: { ...ctx.account, ownerRepId: 'x' } })).toEqual({ code: 'not_in_pool' });
    expect(claimRefusal({ ...ctx, rep: { ...ctx.rep, status: 'paused' } })).toEqual({ code: 'rep_inactive' });
  });
  it('enforces the daily cap, the holding cap and the rep capacity', () => {
    expect(claimRefusal({ ...ctx, claimedToday: 2 })).toEqual({ code: 'daily_cap', cap: 2 });
    expect(claimRefusal({ ...ctx, holding: 10 })).toEqual({ code: 'holding_cap', cap: 10 });
    expect(claimRefusal({ ...ctx, holding: 4, rep: { ...ctx.rep, capacity: 4 } })).toEqual({ code: 'capacity', cap: 4 });
  });
  it('keeps the previous owner out for K days: refused on day K − 1, allowed on day K', () => {
    const prev = { ...ctx, account: { ...ctx.account, previousOwnerRepId: 'me' } };
    expect(claimRefusal({ ...prev, today: '2026-03-07' })).toEqual({ code: 'cooldown', until: '2026-03-08' });
    expect(claimRefusal({ ...prev, today: '2026-03-08' })).toBeNull();
    expect(claimRefusal({ ...prev, rep: { ...ctx.rep, id: 'other' } })).toBeNull();
  });
});
