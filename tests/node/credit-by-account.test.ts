import { describe, expect, it } from 'vitest';
import { ByAccount } from '../../electron/backend/services/credit/by-account';

const ids = ['01A', '01C', '01D', '01F'];
const of = (list: string[]) => ByAccount.of(list.map((id) => [id, `v${id}`] as const), (r) => r[1]);

describe('per-account values read by a forward cursor', () => {
  it('finds every id asked in increasing order, and none that is missing', () => {
    const b = of(ids);
    expect(['01', '01A', '01B', '01C', '01C', '01D', '01E', '01F', '01G'].map((id) => b.get(id))).toEqual([undefined, 'v01A', undefined, 'v01C', 'v01C', 'v01D', undefined, 'v01F', undefined]);
    expect(b.size).toBe(4);
  });

  it('answers the same for rows that come unsorted', () => {
    const b = of(['01F', '01A', '01D', '01C']);
    expect(['01A', '01B', '01C', '01D', '01F'].map((id) => b.get(id))).toEqual(['v01A', undefined, 'v01C', 'v01D', 'v01F']);
  });

  it('answers an id smaller than the one before (another order than JavaScript\'s) through a map', () => {
    const b = of(ids);
    expect(b.get('01D')).toBe('v01D');
    expect(b.get('01A')).toBe('v01A');
    expect(b.get('01B')).toBeUndefined();
    expect(b.get('01F')).toBe('v01F');
    // Non-ASCII ids: SQLite's byte order and JavaScript's UTF-16 order differ ('\u{1F600}' vs '\uFF01').
    const odd = ['\u{1F600}', '\uFF01'];
    const c = of(odd);
    expect([...odd].reverse().map((id) => c.get(id))).toEqual(['v\uFF01', 'v\u{1F600}']);
    expect(odd.map((id) => c.get(id))).toEqual(['v\u{1F600}', 'v\uFF01']);
  });
});
