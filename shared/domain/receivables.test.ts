import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from './dates';
import { daysOverdue, instalmentOpenAmounts, openAmountFen, owesMoney, returnCancellations } from './receivables';

describe('receivables', () => {
  it('owes money from confirmation until cancelled', () => {
    expect(owesMoney({ state: 'draft', confirmedOn: null })).toBe(false);
    expect(owesMoney({ state: 'confirmed', confirmedOn: '2026-01-01' })).toBe(true);
    expect(owesMoney({ state: 'on_hold', confirmedOn: null })).toBe(false);
    expect(owesMoney({ state: 'on_hold', confirmedOn: '2026-01-01' })).toBe(true);
    expect(owesMoney({ state: 'cancelled', confirmedOn: '2026-01-01' })).toBe(false);
    expect(openAmountFen({ state: 'shipped', confirmedOn: '2026-01-01', totalFen: 1000, returnedFen: 100, collectedFen: 300 })).toBe(600);
  });

  it('is overdue from the day after the due date', () => {
    expect(daysOverdue('2026-01-31', '2026-01-31', toDayNumber)).toBe(0);
    expect(daysOverdue('2026-01-31', '2026-02-01', toDayNumber)).toBe(1);
  });

  it('lets returns cancel the latest-due unpaid part first', () => {
    const plan = [
      { dueOn: '2026-01-01', seq: 1, amountFen: 300, paidFen: 300 },
      { dueOn: '2026-03-01', seq: 2, amountFen: 700, paidFen: 0 },
    ];
    expect(returnCancellations(plan, 200)).toEqual([0, 200]);
    expect(instalmentOpenAmounts(plan, 200)).toEqual([0, 500]);
    // More returned than is unpaid: the rest is an overpayment the service releases as credit.
    expect(instalmentOpenAmounts(plan, 900)).toEqual([0, 0]);
    const unpaid = [
      { dueOn: '2026-03-01', seq: 2, amountFen: 700, paidFen: 0 },
      { dueOn: '2026-01-01', seq: 1, amountFen: 300, paidFen: 100 },
    ];
    expect(instalmentOpenAmounts(unpaid, 800)).toEqual([0, 100]);
  });

  it('keeps Σ open = max(0, total − collected − returned) (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amountFen: fc.integer({ min: 1, max: 100_000 }), paidShare: fc.integer({ min: 0, max: 100 }), day: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 700_000 }),
        (rows, returned) => {
          const plan = rows.map((r, i) => ({ dueOn: `2026-01-01#${String(r.day).padStart(3, '0')}`, seq: i + 1, amountFen: r.amountFen, paidFen: Math.floor((r.amountFen * r.paidShare) / 100) }));
          const total = plan.reduce((a, p) => a + p.amountFen, 0);
          const collected = plan.reduce((a, p) => a + p.paidFen, 0);
          const open = instalmentOpenAmounts(plan, returned);
          expect(open.reduce((a, b) => a + b, 0)).toBe(Math.max(0, total - collected - returned));
          open.forEach((o, i) => expect(o).toBeLessThanOrEqual(plan[i]!.amountFen - plan[i]!.paidFen));
        },
      ),
    );
  });
});
