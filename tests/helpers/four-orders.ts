import type { Client } from '../../shared/rpc/client';
import type { Contract } from '../../shared/contract';

/**
 * The payment-allocation world of the property test and its regressions: two accounts, four orders
 * of 4 units each (25,000 + i × 1,001 fen a unit, alternating accounts), confirmed on 2026-09-01 with
 * '40% on confirmation, 60% net 45'; the first two shipped.
 */
export async function fourOrders(client: Client<Contract>) {
  const accounts = [await client.call('accounts.create', { name: '甲公司' }), await client.call('accounts.create', { name: '乙公司' })];
  const orders: { id: string; lineId: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const c = await client.call('orders.create', { accountId: accounts[i % 2]!.id, orderedOn: '2026-09-01', lines: [{ description: `货品${i}`, quantity: 4, unitPriceFen: 25_000 + i * 1001 }] });
    const conf = await client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version, confirmedOn: '2026-09-01', plan: '40% on confirmation, 60% net 45' });
    if (i < 2) await client.call('orders.ship', { id: conf.order.order.id, version: conf.order.order.version, shippedOn: '2026-09-02' });
    orders.push({ id: c.order.order.id, lineId: c.order.lines[0]!.id });
  }
  return { accounts, orders };
}
