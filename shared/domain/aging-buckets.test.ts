import { describe, expect, it } from 'vitest';
import { agingBucket } from './aging-buckets';

describe('aging buckets', () => {
  it('puts days overdue in the right bucket at the edges', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 1000].map(agingBucket)).toEqual(['current', 'd1_30', 'd1_30', 'd31_60', 'd31_60', 'd61_90', 'd61_90', 'd90p', 'd90p']);
  });
});
