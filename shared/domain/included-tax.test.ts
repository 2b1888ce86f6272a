import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { includedTaxFen } from './included-tax';

describe('includedTaxFen', () => {
  it('takes the tax out of a tax-inclusive amount', () => {
    expect(includedTaxFen(11_300, 1300)).toBe(1300);
    expect(includedTaxFen(10_600, 600)).toBe(600);
    expect(includedTaxFen(10_900, 900)).toBe(900);
    expect(includedTaxFen(100, 1300)).toBe(12); // 100 / 1.13 = 88.495… → net 88
    expect(includedTaxFen(0, 1300)).toBe(0);
    expect(includedTaxFen(5000, 0)).toBe(0);
  });

  it('is symmetric for refunds', () => {
    expect(includedTaxFen(-11_300, 1300)).toBe(-1300);
  });

  it('leaves a net part that grossed up again gives back the amount (within rounding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom(0, 600, 900, 1300), (amount, rate) => {
        const tax = includedTaxFen(amount, rate);
        const net = amount - tax;
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(Math.abs(net * (10_000 + rate) - amount * 10_000)).toBeLessThanOrEqual((10_000 + rate) / 2);
      }),
    );
  });
});
