import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { fourOrders } from '../helpers/four-orders';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * Regression for a counterexample of allocation-property.test.ts (seed 1083864037): after a return, a
 * plan change on an order nothing had been paid on left the new instalment open for the full amount
 * (its returned part was never worked out), so a later receipt paid the order one fen beyond
 * total − returned. Same setup as the property test, same operations, through the client.
 */
describe('payment plan change after a return', () => {
  it('spreads the returned amount over the new instalments, so receipts never pay for returned goods', async () => {
    const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
    cleanup = t.close;
    const { accounts, orders } = await fourOrders(t.client);
    const [o0, , o2] = orders as [{ id: string; lineId: string }, unknown, { id: string }];
    const setPlan = async () => t.client.call('orders.setPlan', { id: o0.id, version: (await t.client.call('orders.get', { id: o0.id })).order.version, plan: '100% net 10' });
    const money = (id: string) =>
      t.core.sqlite
        .prepare('select collected_fen as collected, total_fen as total, returned_fen as returned, (select coalesce(sum(amount_fen),0) from payment_allocations where order_id = @o) as allocated from orders where id = @o')
        .get({ o: id }) as { collected: number; total: number; returned: number; allocated: number };

    await t.client.call('returns.create', { orderId: o0.id, reason: '退货', lines: [{ lineId: o0.lineId, quantity: 1 }] });
    const planned = await setPlan();
    // Nothing paid yet: the single new instalment still has the returned unit taken off it.
    expect(planned.instalments.map((i) => [i.amountFen, i.paidFen, i.returnedFen, i.openFen])).toEqual([[100_000, 0, 25_000, 75_000]]);

    await t.client.call('payments.add', { accountId: accounts[0]!.id, amountFen: 118_204, method: 'bank_transfer', autoAllocate: true, allocations: [] });
    // Oldest due first: order 2's first instalment (09-01, 43,203), order 0 (09-11, exactly the 75,000 it
    // still owes), and the last fen to order 2's second instalment.
    expect(money(o0.id)).toEqual({ collected: 75_000, allocated: 75_000, total: 100_000, returned: 25_000 });
    expect(money(o2.id)).toMatchObject({ collected: 43_204, allocated: 43_204 });

    const replanned = await setPlan();
    expect(replanned.instalments.map((i) => [i.amountFen, i.paidFen, i.returnedFen, i.openFen])).toEqual([[100_000, 75_000, 25_000, 0]]);
    expect(money(o0.id)).toEqual({ collected: 75_000, allocated: 75_000, total: 100_000, returned: 25_000 });
    expect((t.core.sqlite.prepare('select count(*) as n from instalments where paid_fen < 0 or paid_fen > amount_fen or paid_fen + returned_fen > amount_fen').get() as { n: number }).n).toBe(0);
    const balance = t.core.sqlite
      .prepare(
        `select (select sum(amount_fen) from payments where account_id = @a) as payments,
                (select sum(x.amount_fen) from payment_allocations x join payments p on p.id = x.payment_id where p.account_id = @a) as allocations,
                (select sum(unallocated_fen) from payments where account_id = @a) as unallocated`,
      )
      .get({ a: accounts[0]!.id });
    expect(balance).toEqual({ payments: 118_204, allocations: 118_204, unallocated: 0 });
  });
});
