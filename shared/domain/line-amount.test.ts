import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound, lineAmount, lineFromAmount, lineProblem, orderTotals, proRataFen } from './line-amount';

describe('line amounts', () => {
  it('computes quantity × price − discount with the tax contained', () => {
    // 10 × 128.00 = 1,280.00; 5 % off = 64.00 → 1,216.00; 13 % VAT contained = 1216 × 13/113 = 139.89
    expect(lineAmount({ quantity: 10, unitPriceFen: 12_800, discountBp: 500, taxRateBp: 1300 })).toEqual({
      grossFen: 128_000,
      discountFen: 6_400,
      amountFen: 121_600,
      taxFen: 13_989,
    });
  });

  it('rounds the discount and the tax half away from zero', () => {
    // 3 × 0.15 = 0.45 yuan = 45 fen; 10 % = 4.5 → 5 fen off → 40
    expect(lineAmount({ quantity: 3, unitPriceFen: 15, discountBp: 1000, taxRateBp: 0 }).amountFen).toBe(40);
    // 113 fen at 13 % contains exactly 13 fen of tax
    expect(lineAmount({ quantity: 1, unitPriceFen: 113, discountBp: 0, taxRateBp: 1300 }).taxFen).toBe(13);
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(4, 3)).toBe(1);
  });

  it('handles zero price, full discount and zero tax', () => {
    expect(lineAmount({ quantity: 7, unitPriceFen: 0, discountBp: 0, taxRateBp: 1300 }).amountFen).toBe(0);
    expect(lineAmount({ quantity: 7, unitPriceFen: 999, discountBp: 10_000, taxRateBp: 1300 })).toMatchObject({ amountFen: 0, taxFen: 0 });
  });

  it('totals an order', () => {
    expect(
      orderTotals([
        { quantity: 2, unitPriceFen: 11_300, discountBp: 0, taxRateBp: 1300 },
        { quantity: 1, unitPriceFen: 10_600, discountBp: 0, taxRateBp: 600 },
      ]),
    ).toEqual({ totalFen: 33_200, taxFen: 2_600 + 600 });
  });

  it('pro-rates shipped parts so that they add up to the line exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }), (amount, parts) => {
        const quantity = parts.reduce((a, b) => a + b, 0);
        let done = 0;
        let sum = 0;
        for (const p of parts) {
          const before = proRataFen(amount, done, quantity);
          done += p;
          const after = proRataFen(amount, done, quantity);
          expect(after).toBeGreaterThanOrEqual(before);
          sum += after - before;
        }
        expect(sum).toBe(amount);
      }),
    );
  });

  it('names what is wrong with a line', () => {
    expect(lineProblem({ quantity: -1, unitPriceFen: 100, discountBp: 0, taxRateBp: 1300 })?.en).toMatch(/quantity must be a positive/);
    expect(lineProblem({ quantity: 1.5, unitPriceFen: 100, discountBp: 0, taxRateBp: 1300 })?.zh).toMatch(/数量应为正整数/);
    expect(lineProblem({ quantity: 1, unitPriceFen: -1, discountBp: 0, taxRateBp: 1300 })?.en).toMatch(/negative/);
    expect(lineProblem({ quantity: 1, unitPriceFen: 1, discountBp: 10_001, taxRateBp: 1300 })?.en).toMatch(/discount/);
    expect(lineProblem({ quantity: 1, unitPriceFen: 1, discountBp: 0, taxRateBp: 1300 })).toBeNull();
  });
});

describe('lines given by their amount', () => {
  it('finds the whole-fen price that gives the amount exactly', () => {
    // Superstore: 2 × ? at 40 % off = 129.696 → 129.70: price 108.08 gives 2 × 108.08 = 216.16, 40 % = 86.46 → 129.70
    expect(lineFromAmount({ quantity: 2, amountFen: 12_970, discountBp: 4000, taxRateBp: 1300 })).toMatchObject({ unitPriceFen: 10_808, exact: true, amount: { amountFen: 12_970 } });
    expect(lineFromAmount({ quantity: 4, amountFen: 115_480, discountBp: 0, taxRateBp: 0 })).toMatchObject({ unitPriceFen: 28_870, exact: true });
  });

  it('comes as close as whole fen allow when the sheet rounded its amount (and says so)', () => {
    // 5 × 2,258.62 at 25 % off is 8,469.825: the sheet shows 8,469.83, whole fen give 8,469.82.
    const r = lineFromAmount({ quantity: 5, amountFen: 846_983, discountBp: 2500, taxRateBp: 1300 });
    expect(r).toMatchObject({ unitPriceFen: 225_862, exact: false });
    expect(r.amount.amountFen).toBe(846_982);
    // 3 for 10.00: no whole-fen price; 3.33 gives 9.99, 3.34 gives 10.02.
    expect(lineFromAmount({ quantity: 3, amountFen: 1000, discountBp: 0, taxRateBp: 0 })).toMatchObject({ unitPriceFen: 333, exact: false });
  });

  it('always returns a line that obeys the line maths, within one price step of the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 9_999 }), fc.constantFrom(0, 600, 900, 1300), (quantity, amountFen, discountBp, taxRateBp) => {
        const r = lineFromAmount({ quantity, amountFen, discountBp, taxRateBp });
        expect(r.amount).toEqual(lineAmount({ quantity, unitPriceFen: r.unitPriceFen, discountBp, taxRateBp }));
        expect(Math.abs(r.amount.amountFen - amountFen)).toBeLessThanOrEqual(Math.ceil((quantity * (10_000 - discountBp)) / 20_000) + 1);
        // A price that gives the amount exactly is found whenever one exists near the quotient.
        const exact = [-1, 0, 1].some((d) => lineAmount({ quantity, unitPriceFen: Math.max(0, r.unitPriceFen + d), discountBp, taxRateBp }).amountFen === amountFen);
        if (exact) expect(r.exact).toBe(true);
      }),
    );
  });
});
