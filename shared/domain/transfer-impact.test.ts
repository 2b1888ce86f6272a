import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ImpactAccount, accountWarnings, projectLoads } from './transfer-impact';

describe('transfer impact', () => {
  it('warns for overdue money and open cases', () => {
    expect(accountWarnings({ id: 'a', ownerRepId: null, openReceivableFen: 100, overdueFen: 50, openCases: 1 })).toEqual(['overdue', 'open_cases']);
    expect(accountWarnings({ id: 'a', ownerRepId: null, openReceivableFen: 100, overdueFen: 0, openCases: 0 })).toEqual(['open_receivable']);
    expect(accountWarnings({ id: 'a', ownerRepId: null, openReceivableFen: 0, overdueFen: 0, openCases: 0 })).toEqual([]);
  });

  it('projects loads and flags a rep pushed over capacity', () => {
    const reps = [
      { id: 'x', accountCount: 2, openReceivableFen: 500, openCases: 1, capacity: null, status: 'active' as const },
      { id: 'y', accountCount: 3, openReceivableFen: 0, openCases: 0, capacity: 3, status: 'active' as const },
    ];
    const a: ImpactAccount = { id: 'a', ownerRepId: 'x', openReceivableFen: 200, overdueFen: 0, openCases: 1 };
    const out = projectLoads(reps, [{ account: a, toRepId: 'y' }]);
    expect(out).toEqual([
      { repId: 'x', accountsBefore: 2, accountsAfter: 1, receivableBefore: 500, receivableAfter: 300, casesBefore: 1, casesAfter: 0, overCapacity: false },
      { repId: 'y', accountsBefore: 3, accountsAfter: 4, receivableBefore: 0, receivableAfter: 200, casesBefore: 0, casesAfter: 1, overCapacity: true },
    ]);
  });

  it('property: totals are conserved (what leaves one rep arrives at another or the pool)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }), fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }), fc.nat(1000))), (moves) => {
        const reps = ['x', 'y', 'z'].map((id) => ({ id, accountCount: 100, openReceivableFen: 100_000, openCases: 10, capacity: null, status: 'active' as const }));
        const out = projectLoads(
          reps,
          moves.map(([from, to, fen], i) => ({ account: { id: `a${i}`, ownerRepId: from, openReceivableFen: fen, overdueFen: 0, openCases: 0 }, toRepId: to })),
        );
        const delta = out.reduce((s, r) => s + r.accountsAfter - r.accountsBefore, 0);
        const expected = moves.reduce((s, [from, to]) => s + (from === to ? 0 : (to ? 1 : 0) - (from ? 1 : 0)), 0);
        expect(delta).toBe(expected);
      }),
    );
  });
});
