import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePeriodKey } from './periods';
import { effectiveTarget, monthlyTargets, splitTarget } from './target-split';

const P = (k: string) => parsePeriodKey(k)!;

describe('target split', () => {
  it('splits evenly with exact integers', () => {
    expect([...splitTarget(P('2026-Q3'), 100, 'even').values()]).toEqual([33, 33, 34]);
    const year = [...splitTarget(P('2026'), 1_000_000_00, 'even').values()];
    expect(year.reduce((a, b) => a + b, 0)).toBe(1_000_000_00);
  });

  it('splits by seasonality', () => {
    const season = [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3];
    expect([...splitTarget(P('2026-Q4'), 80_000, 'seasonal', season).values()]).toEqual([20_000, 30_000, 30_000]);
    const all = [...splitTarget(P('2026'), 2400, 'seasonal', season).values()];
    expect(all[0]).toBe(100);
    expect(all[11]).toBe(300);
  });

  it('takes the most specific target for each month', () => {
    const entries = [
      { period: '2026', value: 1200, split: 'even' as const },
      { period: '2026-Q2', value: 600, split: 'even' as const },
      { period: '2026-05', value: 50, split: 'even' as const },
    ];
    const m = monthlyTargets(P('2026'), entries);
    expect(m.get('2026-01')).toBe(100);
    expect(m.get('2026-04')).toBe(200);
    expect(m.get('2026-05')).toBe(50);
    expect(effectiveTarget(P('2026'), entries)).toBe(1200);
    expect(effectiveTarget(P('2026-Q2'), entries)).toBe(600);
    expect(effectiveTarget(P('2026-Q3'), entries)).toBe(300);
    expect(effectiveTarget(P('2026-05'), entries)).toBe(50);
    expect(effectiveTarget(P('2027-Q1'), entries)).toBeNull();
  });

  it('sums months into quarters and years when those are not set', () => {
    const entries = [
      { period: '2026-01', value: 10, split: 'even' as const },
      { period: '2026-02', value: 20, split: 'even' as const },
    ];
    expect(effectiveTarget(P('2026-Q1'), entries)).toBe(30);
    expect(effectiveTarget(P('2026'), entries)).toBe(30);
    expect(monthlyTargets(P('2026-Q1'), entries).get('2026-03')).toBeNull();
  });

  it('keeps the parts of a split summing to the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 12, maxLength: 12 }), (v, season) => {
        const parts = [...splitTarget(P('2026'), v, 'seasonal', season).values()];
        expect(parts.reduce((a, b) => a + b, 0)).toBe(v);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }),
    );
  });
});
