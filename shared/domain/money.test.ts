import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyBasisPoints, formatFen, parseYuan, splitFen, yuanNumberToFen } from './money';

describe('money', () => {
  it('parses yuan strings into integer fen', () => {
    expect(parseYuan('1280')).toBe(128_000);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('-3.5')).toBe(-350);
    expect(parseYuan('12.345')).toBe(1235);
    expect(parseYuan('12.344')).toBe(1234);
    expect(parseYuan('1,280')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('converts float yuan without drift', () => {
    expect(yuanNumberToFen(0.1 + 0.2)).toBe(30);
    expect(yuanNumberToFen(1.005)).toBe(101);
    expect(yuanNumberToFen(Number.NaN)).toBeNull();
  });

  it('formats fen with grouping', () => {
    expect(formatFen(46_820_000)).toBe('468,200.00');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(100, { grouping: false })).toBe('1.00');
  });

  it('applies basis points with half-away-from-zero rounding', () => {
    expect(applyBasisPoints(10_000, 1300)).toBe(1300);
    expect(applyBasisPoints(5, 5000)).toBe(3);
    expect(applyBasisPoints(-5, 5000)).toBe(-3);
  });

  it('splits amounts so the parts always add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        const parts = splitFen(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
    expect(splitFen(10_000, [30, 70])).toEqual([3000, 7000]);
  });
});
