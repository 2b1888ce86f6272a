import { describe, expect, it } from 'vitest';
import { undoBlockers } from './journal-undo';

describe('undoBlockers', () => {
  it('blocks on rows changed or gone since the operation', () => {
    const versions = new Map([
      ['a', 3],
      ['b', 5],
    ]);
    const items = [
      { entityId: 'a', afterVersion: 3 },
      { entityId: 'b', afterVersion: 4 },
      { entityId: 'c', afterVersion: 1 },
      { entityId: 'd', afterVersion: null },
    ];
    expect(undoBlockers(items, (id) => versions.get(id))).toEqual([
      { entityId: 'b', reason: 'changed', afterVersion: 4, currentVersion: 5 },
      { entityId: 'c', reason: 'missing' },
    ]);
    expect(undoBlockers(items.slice(0, 1), (id) => versions.get(id))).toEqual([]);
  });
});
