import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountExposure, exposureOf, orderExposure, usedPct } from './credit-exposure';
import { openAmountFen } from './receivables';

const base = { confirmedOn: '2025-05-01', returnedFen: 0, collectedFen: 0, billedFen: 0 };

describe('exposure = open receivables + confirmed-but-unbilled − advance + this order', () => {
  it('splits an order’s open amount into billed (receivable) and unbilled parts', () => {
    // 100,000.00 ordered, 60,000.00 shipped and billed, 10,000.00 returned, 20,000.00 collected.
    expect(orderExposure({ ...base, state: 'partly_shipped', totalFen: 10_000_000, billedFen: 6_000_000, returnedFen: 1_000_000, collectedFen: 2_000_000 })).toEqual({ receivableFen: 3_000_000, unbilledFen: 4_000_000 });
    // Money collected ahead of billing pays the unbilled part.
    expect(orderExposure({ ...base, state: 'partly_shipped', totalFen: 10_000_000, billedFen: 6_000_000, returnedFen: 1_000_000, collectedFen: 7_000_000 })).toEqual({ receivableFen: 0, unbilledFen: 2_000_000 });
    // Confirmed, nothing shipped: all of it is unbilled.
    expect(orderExposure({ ...base, state: 'confirmed', totalFen: 500_000 })).toEqual({ receivableFen: 0, unbilledFen: 500_000 });
  });

  it('counts completed orders until paid, and never drafts or cancelled orders', () => {
    expect(orderExposure({ ...base, state: 'completed', totalFen: 800_000, billedFen: 800_000, collectedFen: 300_000 })).toEqual({ receivableFen: 500_000, unbilledFen: 0 });
    expect(orderExposure({ ...base, state: 'completed', totalFen: 800_000, billedFen: 800_000, collectedFen: 800_000 })).toEqual({ receivableFen: 0, unbilledFen: 0 });
    expect(orderExposure({ ...base, state: 'cancelled', totalFen: 800_000 })).toEqual({ receivableFen: 0, unbilledFen: 0 });
    expect(orderExposure({ ...base, state: 'draft', confirmedOn: null, totalFen: 800_000 })).toEqual({ receivableFen: 0, unbilledFen: 0 });
    expect(orderExposure({ ...base, state: 'on_hold', confirmedOn: null, totalFen: 800_000 })).toEqual({ receivableFen: 0, unbilledFen: 0 });
    expect(orderExposure({ ...base, state: 'on_hold', totalFen: 800_000 })).toEqual({ receivableFen: 0, unbilledFen: 800_000 });
  });

  it('adds the checked order only while it is a draft, and offsets advance payments', () => {
    const orders = [
      { ...base, state: 'shipped', totalFen: 30_000_000, billedFen: 30_000_000, collectedFen: 5_000_000 },
      { ...base, state: 'confirmed', totalFen: 21_820_000 },
      { ...base, state: 'cancelled', totalFen: 9_999_900 },
    ];
    const e = accountExposure(orders, 0, { state: 'draft', confirmedOn: null, totalFen: 6_000_000 });
    expect(e).toEqual({ receivableFen: 25_000_000, unbilledFen: 21_820_000, advanceFen: 0, usedFen: 46_820_000, thisOrderFen: 6_000_000, totalFen: 52_820_000 });
    expect(usedPct(e.totalFen, 50_000_000)).toBe(105.6);
    // Checking the confirmed order itself adds nothing more: it is already in the receivables.
    expect(accountExposure(orders, 0, { state: 'confirmed', confirmedOn: '2025-05-01', totalFen: 21_820_000 }).thisOrderFen).toBe(0);
    // 20,000.00 received and not allocated.
    expect(accountExposure(orders, 2_000_000, null)).toMatchObject({ advanceFen: 2_000_000, usedFen: 44_820_000, totalFen: 44_820_000 });
    // Advance larger than what is owed: it also covers the new order; exposure never goes negative.
    expect(exposureOf({ receivableFen: 100, unbilledFen: 0, advanceFen: 5_000, thisOrderFen: 3_000 })).toMatchObject({ usedFen: -4_900, totalFen: 0 });
    expect(exposureOf({ receivableFen: 100, unbilledFen: 0, advanceFen: 2_000, thisOrderFen: 3_000 })).toMatchObject({ totalFen: 1_100 });
  });

  it('usedPct: one decimal, none without a positive limit', () => {
    expect(usedPct(52_820_000, 50_000_000)).toBe(105.6);
    expect(usedPct(1, 0)).toBeNull();
    expect(usedPct(1, null)).toBeNull();
  });

  it('receivable + unbilled always equals the open amount of receivables.ts (property)', () => {
    const state = fc.constantFrom('draft', 'confirmed', 'partly_shipped', 'shipped', 'completed', 'on_hold', 'cancelled');
    fc.assert(
      fc.property(state, fc.boolean(), fc.integer({ min: 0, max: 1e9 }), fc.nat(100), fc.nat(100), fc.nat(120), (s, confirmed, total, billedPct, retPct, colPct) => {
        const billedFen = Math.floor((total * billedPct) / 100);
        const returnedFen = Math.floor((billedFen * retPct) / 100);
        const o = { state: s, confirmedOn: confirmed || s !== 'on_hold' ? '2025-01-01' : null, totalFen: total, billedFen, returnedFen, collectedFen: Math.floor((total * colPct) / 100) };
        const e = orderExposure(o);
        return e.receivableFen >= 0 && e.unbilledFen >= 0 && e.receivableFen + e.unbilledFen === openAmountFen(o);
      }),
    );
  });
});
