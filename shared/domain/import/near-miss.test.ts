import { describe, expect, it } from 'vitest';
import { editDistance, nearMisses } from './near-miss';

describe('nearMisses', () => {
  it('suggests close names, best first', () => {
    expect(editDistance('张三', '张三丰')).toBe(1);
    expect(nearMisses('张三丰', ['张三', '李四', '王五'])).toEqual(['张三']);
    expect(nearMisses('杭州某某科技', ['杭州某某科技有限公司', '宁波某某贸易有限公司'])).toEqual(['杭州某某科技有限公司']);
    expect(nearMisses('完全不同', ['张三', '李四'])).toEqual([]);
  });
});
