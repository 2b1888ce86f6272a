import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPlan, formatPlan, generateInstalments, parsePlanText, planProblem } from './instalment-plan';

describe('instalment plans', () => {
  it('reads "30% on confirmation, 70% net 60"', () => {
    const p = parsePlanText('30% on confirmation, 70% net 60');
    expect(p).toEqual({ ok: true, terms: [{ shareBp: 3000, days: 0 }, { shareBp: 7000, days: 60 }] });
  });

  it('reads the Chinese way of saying it', () => {
    expect(parsePlanText('30% 确认时，70% 60天')).toEqual({ ok: true, terms: [{ shareBp: 3000, days: 0 }, { shareBp: 7000, days: 60 }] });
    expect(parsePlanText('33.33% 预付; 33.33% 30天; 33.34% 确认后60天')).toEqual({
      ok: true,
      terms: [
        { shareBp: 3333, days: 0 },
        { shareBp: 3333, days: 30 },
        { shareBp: 3334, days: 60 },
      ],
    });
  });

  it('refuses shares that do not add up to 100 % and terms it cannot read', () => {
    const a = parsePlanText('30% on confirmation, 60% net 60');
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason.en).toBe('The shares must add up to 100 %, they add up to 90 %');
    const b = parsePlanText('30% next tuesday, 70% net 60');
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.reason.zh).toContain('next tuesday');
    expect(parsePlanText('').ok).toBe(false);
    expect(parsePlanText('half now').ok).toBe(false);
  });

  it('generates due dates from the confirmation date and exact amounts', () => {
    const plan = generateInstalments(100_001, '2026-11-23', [
      { shareBp: 3000, days: 0 },
      { shareBp: 7000, days: 60 },
    ]);
    expect(plan).toEqual([
      { seq: 1, label: '30% 确认时', dueOn: '2026-11-23', amountFen: 30_000 },
      { seq: 2, label: '70% 60天', dueOn: '2027-01-22', amountFen: 70_001 },
    ]);
    expect(formatPlan([{ shareBp: 3000, days: 0 }, { shareBp: 7000, days: 60 }])).toBe('30% on confirmation, 70% net 60');
    expect(generateInstalments(5000, '2026-01-31', defaultPlan(30))).toEqual([{ seq: 1, label: '100% 30天', dueOn: '2026-03-02', amountFen: 5000 }]);
  });

  it('always sums exactly to the total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const terms = weights.map((w, i) => ({ shareBp: w, days: i * 30 }));
        const plan = generateInstalments(total, '2026-01-01', terms);
        expect(plan.reduce((a, x) => a + x.amountFen, 0)).toBe(total);
      }),
    );
  });

  it('checks a hand-edited plan', () => {
    expect(planProblem(1000, [{ label: 'a', dueOn: '2026-02-30', amountFen: 1000 }])?.en).toMatch(/not a valid date/);
    expect(planProblem(1000, [{ label: 'a', dueOn: '2026-02-28', amountFen: 999 }])?.en).toMatch(/must equal the order total 10 yuan/);
    expect(planProblem(1000, [{ label: 'a', dueOn: '2026-02-28', amountFen: -1 }, { label: 'b', dueOn: '2026-03-28', amountFen: 1001 }])?.en).toMatch(/Instalment 1: the amount must be above 0/);
    expect(planProblem(1000, [])).not.toBeNull();
    expect(planProblem(1000, [{ label: 'a', dueOn: '2026-02-28', amountFen: 1000 }])).toBeNull();
  });
});
