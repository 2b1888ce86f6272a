import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorIndex, isWithin, subtreeIds, wouldCreateCycle, type TerritoryNode } from './territory-tree';

const tree: TerritoryNode[] = [
  { id: 'east', parentId: null },
  { id: 'sh', parentId: 'east' },
  { id: 'pd', parentId: 'sh' },
  { id: 'js', parentId: 'east' },
  { id: 'south', parentId: null },
];

describe('territory tree', () => {
  it('a node is within itself and its ancestors, not its siblings', () => {
    const idx = ancestorIndex(tree);
    expect(isWithin(idx, 'pd', 'east')).toBe(true);
    expect(isWithin(idx, 'pd', 'sh')).toBe(true);
    expect(isWithin(idx, 'pd', 'pd')).toBe(true);
    expect(isWithin(idx, 'pd', 'js')).toBe(false);
    expect(isWithin(idx, 'east', 'pd')).toBe(false);
    expect(isWithin(idx, null, 'east')).toBe(false);
  });

  it('lists a subtree and detects cycles', () => {
    expect(subtreeIds(tree, 'east').sort()).toEqual(['east', 'js', 'pd', 'sh']);
    expect(wouldCreateCycle(tree, 'east', 'pd')).toBe(true);
    expect(wouldCreateCycle(tree, 'sh', 'sh')).toBe(true);
    expect(wouldCreateCycle(tree, 'sh', 'south')).toBe(false);
    expect(wouldCreateCycle(tree, 'sh', null)).toBe(false);
  });

  it('survives a corrupt cyclic tree', () => {
    const idx = ancestorIndex([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(isWithin(idx, 'a', 'b')).toBe(true);
  });

  it('property: after any sequence of moves that wouldCreateCycle allows, the tree stays acyclic', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), fc.option(fc.nat(7), { nil: null })), { maxLength: 40 }), (moves) => {
        const nodes: TerritoryNode[] = Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, parentId: null }));
        for (const [i, p] of moves) {
          const parentId = p === null ? null : `t${p}`;
          if (!wouldCreateCycle(nodes, `t${i}`, parentId)) nodes[i]!.parentId = parentId;
        }
        // Walking up from every node reaches a root within 8 steps.
        const byId = new Map(nodes.map((n) => [n.id, n]));
        for (const n of nodes) {
          let cur: TerritoryNode | undefined = n;
          let steps = 0;
          while (cur?.parentId && steps < 9) {
            cur = byId.get(cur.parentId);
            steps++;
          }
          expect(steps).toBeLessThan(9);
        }
      }),
    );
  });
});
