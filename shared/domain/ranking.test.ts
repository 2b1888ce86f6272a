import { describe, expect, it } from 'vitest';
import { rankChange, rankItems } from './ranking';

describe('ranking', () => {
  it('ranks with ties and unranked last', () => {
    const r = rankItems([
      { id: 'a', name: '甲', value: 0.9 },
      { id: 'b', name: '乙', value: null },
      { id: 'c', name: '丙', value: 1.2 },
      { id: 'd', name: '丁', value: 0.9 },
      { id: 'e', name: '戊', value: 0.5 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['c', 1],
      ['d', 2],
      ['a', 2],
      ['e', 4],
      ['b', null],
    ]);
  });

  it('computes rank change', () => {
    expect(rankChange(2, 5)).toBe(3);
    expect(rankChange(5, 2)).toBe(-3);
    expect(rankChange(1, null)).toBeNull();
  });
});
