import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CreditLevels, resolveCredit, tempLimitActive } from './credit-limit';

const company = { limitFen: 10_000_000, policy: 'needs_approval' as const, paymentTermsDays: 30 };

function levels(over: Partial<CreditLevels> = {}): CreditLevels {
  return {
    account: null,
    group: { name: '经销商', terms: { limitFen: 30_000_000, policy: 'warn' } },
    tier: { tier: 'A', terms: { limitFen: 20_000_000, policy: 'block', paymentTermsDays: 60 } },
    company,
    ...over,
  };
}

describe('credit limit resolution: account → group → tier → company', () => {
  it('takes each field from the first level that sets it', () => {
    const r = resolveCredit(levels({ account: { limitFen: 50_000_000 } }), '2025-06-01');
    expect(r).toMatchObject({ limitFen: 50_000_000, limitKind: 'base', baseSource: 'account', policy: 'warn', policySource: 'group', paymentTermsDays: 60, termsSource: 'tier' });
    expect(resolveCredit(levels(), '2025-06-01')).toMatchObject({ limitFen: 30_000_000, baseSource: 'group', groupName: '经销商' });
    expect(resolveCredit(levels({ group: null }), '2025-06-01')).toMatchObject({ limitFen: 20_000_000, baseSource: 'tier', policy: 'block', policySource: 'tier', tier: 'A' });
    expect(resolveCredit(levels({ group: null, tier: null }), '2025-06-01')).toMatchObject({ limitFen: 10_000_000, baseSource: 'company', policy: 'needs_approval', paymentTermsDays: 30, termsSource: 'company' });
  });

  it('treats 0 as a real limit (cash in advance) and null as "inherit"', () => {
    expect(resolveCredit(levels({ account: { limitFen: 0 } }), '2025-06-01')).toMatchObject({ limitFen: 0, baseSource: 'account', limitKind: 'base' });
    expect(resolveCredit(levels({ account: { limitFen: null, policy: null } }), '2025-06-01')).toMatchObject({ limitFen: 30_000_000, policy: 'warn' });
    expect(resolveCredit(levels({ group: { name: 'g', terms: { limitFen: 0 } } }), '2025-06-01')).toMatchObject({ limitFen: 0, baseSource: 'group' });
  });

  it('has no limit at all when no level sets one and the company default is null', () => {
    const r = resolveCredit({ account: null, group: null, tier: null, company: { ...company, limitFen: null } }, '2025-06-01');
    expect(r).toMatchObject({ limitFen: null, limitKind: 'none', baseLimitFen: null, baseSource: null });
  });

  it('applies a temporary limit up to and including its expiry day, not the day after', () => {
    const temp = { limitFen: 80_000_000, expiresOn: '2025-07-31', reason: '旺季备货' };
    const acct = { limitFen: 50_000_000, temp };
    expect(resolveCredit(levels({ account: acct }), '2025-07-01')).toMatchObject({ limitFen: 80_000_000, limitKind: 'temporary', baseLimitFen: 50_000_000 });
    expect(resolveCredit(levels({ account: acct }), '2025-07-31')).toMatchObject({ limitFen: 80_000_000, limitKind: 'temporary', temp: { active: true } });
    expect(resolveCredit(levels({ account: acct }), '2025-08-01')).toMatchObject({ limitFen: 50_000_000, limitKind: 'base', temp: { active: false, expiresOn: '2025-07-31' } });
    // A temporary limit may also tighten: it replaces the base while it applies.
    expect(resolveCredit(levels({ account: { limitFen: 50_000_000, temp: { ...temp, limitFen: 1_000 } } }), '2025-07-31').limitFen).toBe(1_000);
    // On an account with no base limit of its own, the expired temporary falls back to the inherited one.
    expect(resolveCredit(levels({ account: { temp } }), '2025-08-01')).toMatchObject({ limitFen: 30_000_000, baseSource: 'group' });
  });

  it('temporary limit activity is "today ≤ expiry" for every pair of dates (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (today, expires) => tempLimitActive(expires, today) === (today <= expires)));
  });
});
