import { describe, expect, it } from 'vitest';
import { averageDaysToCollect, dso, windowOf } from './collection-days';

describe('days to collect and DSO', () => {
  it('weights days by amount', () => {
    expect(
      averageDaysToCollect([
        { amountFen: 1000, owedSince: '2026-01-01', collectedOn: '2026-01-31' },
        { amountFen: 3000, owedSince: '2026-01-01', collectedOn: '2026-03-02' },
      ]),
    ).toBe(52.5);
    expect(averageDaysToCollect([])).toBeNull();
    expect(averageDaysToCollect([{ amountFen: -5, owedSince: '2026-01-01', collectedOn: '2026-01-02' }])).toBeNull();
  });

  it('computes classic DSO', () => {
    expect(dso(50_000, 300_000, 90)).toBe(15);
    expect(dso(1, 0, 90)).toBeNull();
  });

  it('windows end on the as-of date', () => {
    expect(windowOf('2026-11-23', 3)).toEqual({ from: '2026-08-23', to: '2026-11-23', days: 92 });
    expect(windowOf('2026-05-31', 3).from).toBe('2026-02-28');
  });
});
