import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocatedPiece, type OpenItem, drawFromCredits, planAllocation, planAutoAllocation, planRelease } from './payment-allocation';

const items: OpenItem[] = [
  { orderId: 'o2', orderNo: 'SO-2', instalmentId: 'o2-1', seq: 1, dueOn: '2026-02-01', openFen: 5000 },
  { orderId: 'o1', orderNo: 'SO-1', instalmentId: 'o1-2', seq: 2, dueOn: '2026-03-01', openFen: 7000 },
  { orderId: 'o1', orderNo: 'SO-1', instalmentId: 'o1-1', seq: 1, dueOn: '2026-01-01', openFen: 3000 },
];

describe('payment allocation', () => {
  it('spreads an order allocation oldest due first and keeps the rest as credit', () => {
    const p = planAllocation(12_000, [{ orderId: 'o1', amountFen: 4000 }], items);
    expect(p).toEqual({
      ok: true,
      lines: [
        { orderId: 'o1', instalmentId: 'o1-1', amountFen: 3000 },
        { orderId: 'o1', instalmentId: 'o1-2', amountFen: 1000 },
      ],
      allocatedFen: 4000,
      remainderFen: 8000,
    });
  });

  it('serves amounts first, then "the rest" requests', () => {
    const p = planAllocation(9000, [{ orderId: 'o1' }, { orderId: 'o2', amountFen: 2000 }], items);
    expect(p.ok && p.lines).toEqual([
      { orderId: 'o2', instalmentId: 'o2-1', amountFen: 2000 },
      { orderId: 'o1', instalmentId: 'o1-1', amountFen: 3000 },
      { orderId: 'o1', instalmentId: 'o1-2', amountFen: 4000 },
    ]);
    expect(p.ok && p.remainderFen).toBe(0);
  });

  it('targets a single instalment', () => {
    const p = planAllocation(9000, [{ orderId: 'o1', instalmentId: 'o1-2' }], items);
    expect(p.ok && p.lines).toEqual([{ orderId: 'o1', instalmentId: 'o1-2', amountFen: 7000 }]);
  });

  it('refuses over-allocation with the reason', () => {
    const a = planAllocation(100_000, [{ orderId: 'o1', amountFen: 10_001 }], items);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason.en).toBe('Over-allocation: order SO-1 has only 100.00 yuan open, cannot allocate 100.01');
    const b = planAllocation(4000, [{ orderId: 'o1', amountFen: 3000 }, { orderId: 'o2', amountFen: 2000 }], items);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.reason.zh).toBe('超额分配：只剩 10.00 元可分配，不能给订单 SO-2分配 20.00 元');
    const c = planAllocation(4000, [{ orderId: 'nope' }], items);
    expect(c.ok).toBe(false);
    const d = planAllocation(4000, [{ orderId: 'o1', amountFen: 0 }], items);
    expect(d.ok).toBe(false);
    const e = planAllocation(3000, [{ orderId: 'o1', amountFen: 3000 }, { orderId: 'o2' }], items);
    expect(e.ok).toBe(false);
  });

  it('auto-allocates oldest due first across orders', () => {
    const p = planAutoAllocation(9000, items);
    expect(p.ok && p.lines).toEqual([
      { orderId: 'o1', instalmentId: 'o1-1', amountFen: 3000 },
      { orderId: 'o2', instalmentId: 'o2-1', amountFen: 5000 },
      { orderId: 'o1', instalmentId: 'o1-2', amountFen: 1000 },
    ]);
  });

  it('releases the latest-due, latest-paid pieces first', () => {
    const pieces: AllocatedPiece[] = [
      { paymentId: 'p1', orderId: 'o1', instalmentId: 'i1', instalmentDueOn: '2026-01-01', instalmentSeq: 1, paymentReceivedOn: '2026-01-05', paymentNo: 'PAY-1', netFen: 300 },
      { paymentId: 'p1', orderId: 'o1', instalmentId: 'i2', instalmentDueOn: '2026-03-01', instalmentSeq: 2, paymentReceivedOn: '2026-01-05', paymentNo: 'PAY-1', netFen: 200 },
      { paymentId: 'p2', orderId: 'o1', instalmentId: 'i2', instalmentDueOn: '2026-03-01', instalmentSeq: 2, paymentReceivedOn: '2026-02-05', paymentNo: 'PAY-2', netFen: 100 },
    ];
    expect(planRelease(350, pieces)).toEqual([
      { paymentId: 'p2', orderId: 'o1', instalmentId: 'i2', amountFen: -100 },
      { paymentId: 'p1', orderId: 'o1', instalmentId: 'i2', amountFen: -200 },
      { paymentId: 'p1', orderId: 'o1', instalmentId: 'i1', amountFen: -50 },
    ]);
  });

  it('draws lines from the oldest credits', () => {
    expect(
      drawFromCredits([{ orderId: 'o', instalmentId: 'i', amountFen: 500 }], [
        { paymentId: 'p1', unallocatedFen: 300 },
        { paymentId: 'r1', unallocatedFen: -100 },
        { paymentId: 'p2', unallocatedFen: 400 },
      ]),
    ).toEqual([
      { orderId: 'o', instalmentId: 'i', amountFen: 300, paymentId: 'p1' },
      { orderId: 'o', instalmentId: 'i', amountFen: 200, paymentId: 'p2' },
    ]);
  });

  /**
   * A small ledger driven by random operations (receipts with random allocation requests, allocating
   * credit, refunds, releasing an order's allocations): Σ allocations + unallocated = Σ payments per
   * account always, no instalment is ever paid beyond its amount, and credit never goes negative.
   */
  it('balances after any sequence of operations (property)', () => {
    type Op =
      | { kind: 'receipt'; account: number; amount: number; requests: { order: number; amount: number | null }[] }
      | { kind: 'allocate'; account: number; order: number; amount: number | null }
      | { kind: 'refund'; account: number; amount: number }
      | { kind: 'release'; order: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('receipt' as const),
        account: fc.integer({ min: 0, max: 1 }),
        amount: fc.integer({ min: 1, max: 20_000 }),
        requests: fc.array(fc.record({ order: fc.integer({ min: 0, max: 3 }), amount: fc.option(fc.integer({ min: -5, max: 15_000 }), { nil: null }) }), { maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('allocate' as const), account: fc.integer({ min: 0, max: 1 }), order: fc.integer({ min: 0, max: 3 }), amount: fc.option(fc.integer({ min: 1, max: 15_000 }), { nil: null }) }),
      fc.record({ kind: fc.constant('refund' as const), account: fc.integer({ min: 0, max: 1 }), amount: fc.integer({ min: 1, max: 10_000 }) }),
      fc.record({ kind: fc.constant('release' as const), order: fc.integer({ min: 0, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        // Orders 0,1 belong to account 0; 2,3 to account 1; each has two instalments.
        const inst = [0, 1, 2, 3].flatMap((o) => [
          { orderId: `o${o}`, orderNo: `SO-${o}`, instalmentId: `o${o}-1`, seq: 1, dueOn: `2026-0${o + 1}-01`, amount: 4000 + o * 1000 },
          { orderId: `o${o}`, orderNo: `SO-${o}`, instalmentId: `o${o}-2`, seq: 2, dueOn: `2026-0${o + 2}-15`, amount: 6000 },
        ]);
        const accountOf = (orderId: string) => (Number(orderId.slice(1)) < 2 ? 0 : 1);
        const payments: { id: string; account: number; amount: number; unallocated: number }[] = [];
        const allocs: { paymentId: string; orderId: string; instalmentId: string; amount: number }[] = [];
        const paid = (id: string) => allocs.filter((a) => a.instalmentId === id).reduce((s, a) => s + a.amount, 0);
        const openItems = (account: number): OpenItem[] =>
          inst.filter((i) => accountOf(i.orderId) === account).map((i) => ({ ...i, openFen: i.amount - paid(i.instalmentId) }));
        const credit = (account: number) => payments.filter((p) => p.account === account).reduce((s, p) => s + p.unallocated, 0);
        for (const o of ops) {
          if (o.kind === 'receipt') {
            const plan = planAllocation(o.amount, o.requests.map((r) => ({ orderId: `o${r.order}`, amountFen: r.amount })), openItems(o.account));
            if (!plan.ok) continue; // refused: nothing changes
            const id = `p${payments.length}`;
            payments.push({ id, account: o.account, amount: o.amount, unallocated: plan.remainderFen });
            for (const l of plan.lines) allocs.push({ paymentId: id, orderId: l.orderId, instalmentId: l.instalmentId, amount: l.amountFen });
          } else if (o.kind === 'allocate') {
            const avail = credit(o.account);
            const plan = planAllocation(avail, [{ orderId: `o${o.order}`, amountFen: o.amount }], openItems(o.account));
            if (!plan.ok) continue;
            const credits = payments.filter((p) => p.account === o.account).map((p) => ({ paymentId: p.id, unallocatedFen: p.unallocated }));
            for (const l of drawFromCredits(plan.lines, credits)) {
              allocs.push({ paymentId: l.paymentId, orderId: l.orderId, instalmentId: l.instalmentId, amount: l.amountFen });
              payments.find((p) => p.id === l.paymentId)!.unallocated -= l.amountFen;
            }
          } else if (o.kind === 'refund') {
            if (o.amount > credit(o.account)) continue;
            payments.push({ id: `p${payments.length}`, account: o.account, amount: -o.amount, unallocated: -o.amount });
          } else {
            const orderId = `o${o.order}`;
            const pieces: AllocatedPiece[] = [];
            for (const p of payments) {
              for (const i of inst.filter((x) => x.orderId === orderId)) {
                const net = allocs.filter((a) => a.paymentId === p.id && a.instalmentId === i.instalmentId).reduce((s, a) => s + a.amount, 0);
                if (net > 0) pieces.push({ paymentId: p.id, orderId, instalmentId: i.instalmentId, instalmentDueOn: i.dueOn, instalmentSeq: i.seq, paymentReceivedOn: '2026-01-01', paymentNo: p.id, netFen: net });
              }
            }
            const total = pieces.reduce((s, p) => s + p.netFen, 0);
            for (const r of planRelease(total, pieces)) {
              allocs.push({ paymentId: r.paymentId, orderId: r.orderId, instalmentId: r.instalmentId, amount: r.amountFen });
              payments.find((p) => p.id === r.paymentId)!.unallocated -= r.amountFen;
            }
          }
          for (const account of [0, 1]) {
            const mine = payments.filter((p) => p.account === account);
            const sumPayments = mine.reduce((s, p) => s + p.amount, 0);
            const sumAllocs = allocs.filter((a) => mine.some((p) => p.id === a.paymentId)).reduce((s, a) => s + a.amount, 0);
            const sumUnalloc = mine.reduce((s, p) => s + p.unallocated, 0);
            expect(sumAllocs + sumUnalloc).toBe(sumPayments);
            expect(sumUnalloc).toBeGreaterThanOrEqual(0);
          }
          for (const i of inst) {
            expect(paid(i.instalmentId)).toBeGreaterThanOrEqual(0);
            expect(paid(i.instalmentId)).toBeLessThanOrEqual(i.amount);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
