import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { agingBoundsProblem, agingBuckets, bucketIndex, overdueDays } from './aging';

describe('aging buckets', () => {
  it('builds the default buckets', () => {
    expect(agingBuckets().map((b) => [b.key, b.minDays, b.maxDays, b.label.zh])).toEqual([
      ['not_due', 0, 0, '未到期'],
      ['1-30', 1, 30, '逾期 1-30 天'],
      ['31-60', 31, 60, '逾期 31-60 天'],
      ['61-90', 61, 90, '逾期 61-90 天'],
      ['90+', 91, null, '逾期 90 天以上'],
    ]);
  });

  it('puts every boundary day in the right bucket', () => {
    const due = '2026-06-30';
    const cases: [number, string][] = [
      [-5, 'not_due'],
      [0, 'not_due'],
      [1, '1-30'],
      [30, '1-30'],
      [31, '31-60'],
      [60, '31-60'],
      [61, '61-90'],
      [90, '61-90'],
      [91, '90+'],
      [400, '90+'],
    ];
    const buckets = agingBuckets();
    for (const [offset, key] of cases) {
      const days = overdueDays(due, addDays(due, offset));
      expect(buckets[bucketIndex(days)]!.key, `day ${offset}`).toBe(key);
    }
  });

  it('supports custom buckets and checks them', () => {
    expect(agingBuckets([15, 45]).map((b) => b.key)).toEqual(['not_due', '1-15', '16-45', '45+']);
    expect(bucketIndex(16, [15, 45])).toBe(2);
    expect(agingBoundsProblem([30, 30])).not.toBeNull();
    expect(agingBoundsProblem([0, 30])).not.toBeNull();
    expect(agingBoundsProblem([])).not.toBeNull();
    expect(agingBoundsProblem([7, 30, 60, 90, 180])).toBeNull();
  });
});
