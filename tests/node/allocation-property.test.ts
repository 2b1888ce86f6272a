import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RpcCallError } from '../../shared/rpc/errors';
import { setUpBackend } from '../helpers/backend';
import { fourOrders } from '../helpers/four-orders';

type Op =
  | { kind: 'receipt'; account: number; amount: number; requests: { order: number; amount: number | null }[]; auto: boolean }
  | { kind: 'allocate'; account: number; order: number; amount: number | null }
  | { kind: 'refund'; account: number; amount: number }
  | { kind: 'return'; order: number; quantity: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'plan'; order: number; plan: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    account: fc.integer({ min: 0, max: 1 }),
    amount: fc.integer({ min: 1, max: 300_000 }),
    requests: fc.array(fc.record({ order: fc.integer({ min: 0, max: 3 }), amount: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: null }) }), { maxLength: 3 }),
    auto: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('allocate' as const), account: fc.integer({ min: 0, max: 1 }), order: fc.integer({ min: 0, max: 3 }), amount: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: null }) }),
  fc.record({ kind: fc.constant('refund' as const), account: fc.integer({ min: 0, max: 1 }), amount: fc.integer({ min: 1, max: 100_000 }) }),
  fc.record({ kind: fc.constant('return' as const), order: fc.integer({ min: 0, max: 3 }), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('cancel' as const), order: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('plan' as const), order: fc.integer({ min: 0, max: 3 }), plan: fc.constantFrom('100% net 10', '30% on confirmation, 70% net 60', '50% net 5, 50% net 90') }),
);

interface Snapshot {
  perAccount: { payments: number; allocations: number; unallocated: number }[];
  orders: { collected: number; allocated: number; total: number; returned: number; state: string }[];
  overpaidInstalments: number;
}

/**
 * Σ allocations + unallocated = Σ payments per account after any sequence of receipts, allocations,
 * refunds, returns, cancellations and plan changes (valid or refused), through the real services.
 */
describe('payment allocation balances (property, through the services)', () => {
  it('keeps every account balanced and refused operations change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
        try {
          const { accounts, orders } = await fourOrders(t.client);
          const snapshot = (): Snapshot => ({
            perAccount: accounts.map(
              (a) =>
                t.core.sqlite
                  .prepare(
                    `select (select coalesce(sum(amount_fen),0) from payments where account_id = @a) as payments,
                            (select coalesce(sum(x.amount_fen),0) from payment_allocations x join payments p on p.id = x.payment_id where p.account_id = @a) as allocations,
                            (select coalesce(sum(unallocated_fen),0) from payments where account_id = @a) as unallocated`,
                  )
                  .get({ a: a.id }) as Snapshot['perAccount'][number],
            ),
            orders: orders.map(
              (o) =>
                t.core.sqlite
                  .prepare(`select collected_fen as collected, (select coalesce(sum(amount_fen),0) from payment_allocations where order_id = @o) as allocated, total_fen as total, returned_fen as returned, state from orders where id = @o`)
                  .get({ o: o.id }) as Snapshot['orders'][number],
            ),
            overpaidInstalments: (t.core.sqlite.prepare('select count(*) as n from instalments where paid_fen < 0 or paid_fen > amount_fen').get() as { n: number }).n,
          });
          for (const op of ops) {
            const before = snapshot();
            let refused = false;
            try {
              const version = async (i: number) => (await t.client.call('orders.get', { id: orders[i]!.id })).order.version;
              if (op.kind === 'receipt') {
                await t.client.call('payments.add', {
                  accountId: accounts[op.account]!.id,
                  amountFen: op.amount,
                  method: 'bank_transfer',
                  autoAllocate: op.auto && op.requests.length === 0,
                  allocations: op.requests.map((r) => ({ orderId: orders[r.order]!.id, ...(r.amount === null ? {} : { amountFen: r.amount }) })),
                });
              } else if (op.kind === 'allocate') {
                await t.client.call('payments.allocate', { accountId: accounts[op.account]!.id, allocations: [{ orderId: orders[op.order]!.id, ...(op.amount === null ? {} : { amountFen: op.amount }) }] });
              } else if (op.kind === 'refund') {
                await t.client.call('payments.refund', { accountId: accounts[op.account]!.id, amountFen: op.amount, method: 'bank_transfer' });
              } else if (op.kind === 'return') {
                await t.client.call('returns.create', { orderId: orders[op.order]!.id, reason: '退货', lines: [{ lineId: orders[op.order]!.lineId, quantity: op.quantity }] });
              } else if (op.kind === 'cancel') {
                await t.client.call('orders.cancel', { id: orders[op.order]!.id, version: await version(op.order), reason: '取消' });
              } else {
                await t.client.call('orders.setPlan', { id: orders[op.order]!.id, version: await version(op.order), plan: op.plan });
              }
            } catch (error) {
              if (!(error instanceof RpcCallError) || error.code === 'INTERNAL') throw error;
              refused = true;
            }
            const after = snapshot();
            if (refused) expect(after).toEqual(before);
            for (const a of after.perAccount) {
              expect(a.allocations + a.unallocated).toBe(a.payments);
              expect(a.unallocated).toBeGreaterThanOrEqual(0);
            }
            for (const o of after.orders) {
              expect(o.collected).toBe(o.allocated);
              expect(o.collected).toBeGreaterThanOrEqual(0);
              expect(o.collected).toBeLessThanOrEqual(o.total - o.returned);
              if (o.state === 'cancelled') expect(o.collected).toBe(0);
            }
            expect(after.overpaidInstalments).toBe(0);
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
