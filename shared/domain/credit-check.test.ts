import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckFacts, type CreditOutcome, evaluateCredit, type OverdueAction, refusalText } from './credit-check';
import { exposureOf } from './credit-exposure';
import { type CreditPolicy, resolveCredit } from './credit-limit';

const TODAY = '2025-06-15';

function facts(o: { policy: CreditPolicy; limitFen: number | null; usedFen?: number; thisOrderFen?: number; overdue?: { maxDays: number; beyondFen: number; overdueFen?: number }; hold?: boolean; action?: OverdueAction; temp?: { limitFen: number; expiresOn: string } }): CheckFacts {
  const credit = resolveCredit(
    {
      account: { limitFen: o.limitFen, policy: o.policy, temp: o.temp ? { ...o.temp, reason: '旺季备货' } : null },
      group: null,
      tier: null,
      company: { limitFen: null, policy: 'needs_approval', paymentTermsDays: 30 },
    },
    TODAY,
  );
  const od = o.overdue;
  return {
    credit,
    exposure: exposureOf({ receivableFen: o.usedFen ?? 0, unbilledFen: 0, advanceFen: 0, thisOrderFen: o.thisOrderFen ?? 0 }),
    overdue: od
      ? { overdueFen: od.overdueFen ?? od.beyondFen, maxDays: od.maxDays, beyondFen: od.beyondFen, worst: { orderNo: 'SO-2025-0193', dueOn: '2025-04-29', days: od.maxDays, openFen: 3_200_000 } }
      : { overdueFen: 0, maxDays: 0, beyondFen: 0, worst: null },
    hold: o.hold ? { on: true, reason: '客户经营异常', since: '2025-06-01', by: '王经理' } : { on: false, reason: null, since: null, by: null },
    rule: { days: 30, minFen: 100_000, action: o.action ?? 'policy' },
    warnAtPct: 90,
    orderNo: 'SO-2025-0200',
  };
}

const POLICIES: CreditPolicy[] = ['warn', 'needs_approval', 'block'];
const BY_POLICY: Record<CreditPolicy, CreditOutcome> = { warn: 'warn', needs_approval: 'needs_approval', block: 'blocked' };

describe('the credit check: every outcome × policy', () => {
  it('writes the issue’s example reasons word for word', () => {
    const e = evaluateCredit({
      ...facts({ policy: 'block', limitFen: 50_000_000, usedFen: 46_820_000, thisOrderFen: 6_000_000, overdue: { maxDays: 47, beyondFen: 3_200_000 }, hold: true }),
    });
    const zh = e.reasons.map((r) => r.text.zh);
    expect(zh).toContain('额度 500,000.00 元（客户档案），占用 468,200.00 元 + 本单 60,000.00 元 = 105.6%，超出 28,200.00 元');
    expect(zh.some((t) => t.startsWith('最长逾期 47 天（订单 SO-2025-0193，32,000.00 元）'))).toBe(true);
    expect(zh).toContain('信用冻结：2025-06-01 王经理，原因：客户经营异常');
    expect(e.reasons.map((r) => r.text.en)).toContain('Limit 500,000.00 (account profile), used 468,200.00 + this order 60,000.00 = 105.6%, 28,200.00 over the limit');
    expect(e.outcome).toBe('blocked');
    expect(e.usedPct).toBe(105.6);
    expect(refusalText(e).zh).toMatch(/^订单 SO-2025-0200 信用检查未通过/);
  });

  for (const policy of POLICIES) {
    describe(`policy ${policy}`, () => {
      it('passes within the limit, with the usage written out', () => {
        const e = evaluateCredit(facts({ policy, limitFen: 50_000_000, usedFen: 10_000_000, thisOrderFen: 6_000_000 }));
        expect(e.outcome).toBe('pass');
        expect(e.reasons.find((r) => r.code === 'within_limit')!.text.zh).toBe('额度 500,000.00 元（客户档案），占用 100,000.00 元 + 本单 60,000.00 元 = 32.0%，在额度内');
        expect(e.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['within_limit', 'exposure', 'no_overdue', 'policy']));
      });

      it('warns at the warning line whatever the policy', () => {
        const e = evaluateCredit(facts({ policy, limitFen: 50_000_000, usedFen: 40_000_000, thisOrderFen: 5_000_000 }));
        expect(e.outcome).toBe('warn');
        expect(e.reasons[0]!.code).toBe('near_limit');
      });

      it('exactly at the limit is within it; one fen over follows the policy', () => {
        expect(evaluateCredit(facts({ policy, limitFen: 50_000_000, usedFen: 44_000_000, thisOrderFen: 6_000_000 })).outcome).toBe('warn');
        const over = evaluateCredit(facts({ policy, limitFen: 50_000_000, usedFen: 44_000_001, thisOrderFen: 6_000_000 }));
        expect(over.outcome).toBe(BY_POLICY[policy]);
        expect(over.reasons[0]).toMatchObject({ code: 'limit', outcome: BY_POLICY[policy] });
      });

      it('limit 0 is cash in advance: any exposure follows the policy', () => {
        const e = evaluateCredit(facts({ policy, limitFen: 0, thisOrderFen: 100 }));
        expect(e.outcome).toBe(BY_POLICY[policy]);
        expect(e.reasons[0]!.text.zh).toBe('无信用额度（款到发货，客户档案），占用 0.00 元 + 本单 1.00 元 = 1.00 元未付');
        expect(evaluateCredit(facts({ policy, limitFen: 0 })).outcome).toBe('pass');
      });

      it('no limit anywhere: the limit is not checked', () => {
        const e = evaluateCredit(facts({ policy, limitFen: null, usedFen: 1e12 }));
        expect(e.outcome).toBe('pass');
        expect(e.reasons[0]!.code).toBe('no_limit');
      });

      it('the overdue rule follows the policy by default, or its own action', () => {
        const rule = { maxDays: 47, beyondFen: 3_200_000 };
        expect(evaluateCredit(facts({ policy, limitFen: 50_000_000, overdue: rule })).outcome).toBe(BY_POLICY[policy]);
        for (const action of ['warn', 'needs_approval', 'block'] as const) {
          expect(evaluateCredit(facts({ policy, limitFen: 50_000_000, overdue: rule, action })).outcome).toBe(BY_POLICY[action]);
        }
        // Not more than D days, or not above X: only an informative line.
        const shortOverdue = evaluateCredit(facts({ policy, limitFen: 50_000_000, overdue: { maxDays: 30, beyondFen: 0, overdueFen: 3_200_000 } }));
        expect(shortOverdue.outcome).toBe('pass');
        expect(shortOverdue.reasons.find((r) => r.code === 'overdue')!.text.zh).toContain('未触发逾期规则');
        expect(evaluateCredit(facts({ policy, limitFen: 50_000_000, overdue: { maxDays: 90, beyondFen: 100_000 } })).outcome).toBe('pass');
        expect(evaluateCredit(facts({ policy, limitFen: 50_000_000, overdue: { maxDays: 90, beyondFen: 100_001 } })).outcome).toBe(BY_POLICY[policy]);
      });

      it('a credit hold blocks whatever the policy and comes first', () => {
        const e = evaluateCredit(facts({ policy, limitFen: 50_000_000, hold: true }));
        expect(e.outcome).toBe('blocked');
        expect(e.reasons[0]!.code).toBe('hold');
      });
    });
  }

  it('names the temporary limit while it applies and after it expired', () => {
    const on = evaluateCredit(facts({ policy: 'block', limitFen: 50_000_000, usedFen: 60_000_000, temp: { limitFen: 80_000_000, expiresOn: TODAY } }));
    expect(on.outcome).toBe('pass');
    expect(on.reasons.find((r) => r.code === 'temp_limit')!.text.zh).toBe('临时额度 800,000.00 元有效至 2025-06-15（含当日，原因：旺季备货），常规额度 500,000.00 元');
    expect(on.reasons.find((r) => r.code === 'within_limit')!.text.zh).toMatch(/^临时额度 800,000.00 元（至 2025-06-15），占用 600,000.00 元 = 75.0%/);
    const off = evaluateCredit(facts({ policy: 'block', limitFen: 50_000_000, usedFen: 60_000_000, temp: { limitFen: 80_000_000, expiresOn: '2025-06-14' } }));
    expect(off.outcome).toBe('blocked');
    expect(off.reasons.find((r) => r.code === 'temp_limit')!.text.zh).toBe('临时额度 800,000.00 元已于 2025-06-14 到期，按常规额度 500,000.00 元检查');
  });

  it('the outcome is the worst single reason, and that reason is listed first (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CreditPolicy>('warn', 'needs_approval', 'block'),
        fc.option(fc.integer({ min: 0, max: 1e8 }), { nil: null }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.boolean(),
        (policy, limitFen, usedFen, thisOrderFen, maxDays, beyondFen, hold) => {
          const e = evaluateCredit(facts({ policy, limitFen, usedFen, thisOrderFen, overdue: maxDays ? { maxDays, beyondFen } : undefined, hold }));
          const rank = ['pass', 'warn', 'needs_approval', 'blocked'];
          const worst = Math.max(...e.reasons.map((r) => rank.indexOf(r.outcome)));
          return rank.indexOf(e.outcome) === worst && e.reasons[0]!.outcome === e.outcome && e.reasons.every((r) => r.text.zh && r.text.en);
        },
      ),
    );
  });
});
