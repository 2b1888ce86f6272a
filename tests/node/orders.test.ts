import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { insertProduct, insertRep, insertTerritory, setAccountOwner } from '../helpers/o2c';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function setup() {
  const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
  cleanup = t.close;
  const east = insertTerritory(t.core, '华东');
  const sh = insertTerritory(t.core, '上海', east);
  const rep = insertRep(t.core, '张伟');
  const acct = await t.client.call('accounts.create', { name: '上海精工机械有限公司', tier: 'A' });
  setAccountOwner(t.core, acct.id, rep, sh);
  const product = insertProduct(t.core, { sku: 'PUMP-01', name: '离心泵', unitPriceFen: 12_800, warrantyMonths: 12 });
  return { ...t, rep, acct, product, east, sh };
}

describe('orders', () => {
  it('creates a draft with product and free-text lines; the owner rep defaults to the account owner', async () => {
    const t = await setup();
    const r = await t.client.call('orders.create', {
      accountId: t.acct.id,
      customerPo: 'PO-7781',
      lines: [
        { productId: t.product, quantity: 10, discountBp: 500 },
        { description: '安装调试服务', quantity: 1, unitPriceFen: 50_000, taxRateBp: 600 },
      ],
    });
    const o = r.order.order;
    expect(o.orderNo).toBe('SO-2026-000001');
    expect(o.state).toBe('draft');
    expect(o.repId).toBe(t.rep);
    expect(o.repName).toBe('张伟');
    expect(o.territoryName).toBe('上海');
    expect(r.order.lines.map((l) => [l.description, l.amountFen, l.taxFen])).toEqual([
      ['离心泵', 121_600, 13_989],
      ['安装调试服务', 50_000, 2_830],
    ]);
    expect(o.totalFen).toBe(171_600);
    expect(o.taxFen).toBe(16_819);
    expect(o.openFen).toBe(0);
    expect(r.warnings).toEqual([]);
    expect(r.order.allowedActions).toEqual(['confirm', 'hold', 'cancel']);
  });

  it('warns about a duplicate customer PO for the same account only', async () => {
    const t = await setup();
    await t.client.call('orders.create', { accountId: t.acct.id, customerPo: 'PO-1', lines: [{ description: 'x', quantity: 1, unitPriceFen: 100 }] });
    const dup = await t.client.call('orders.create', { accountId: t.acct.id, customerPo: 'PO-1', lines: [{ description: 'y', quantity: 1, unitPriceFen: 100 }] });
    expect(dup.warnings).toHaveLength(1);
    expect(dup.warnings[0]).toMatchObject({ code: 'DUPLICATE_PO', details: { orderNos: ['SO-2026-000001'] } });
    expect(dup.warnings[0]!.message).toContain('PO-1');
    const other = await t.client.call('accounts.create', { name: '另一家公司' });
    const fine = await t.client.call('orders.create', { accountId: other.id, customerPo: 'PO-1', lines: [{ description: 'z', quantity: 1, unitPriceFen: 100 }] });
    expect(fine.warnings).toEqual([]);
  });

  it('edits a draft, confirms it with a plan, ships in parts, completes and reopens', async () => {
    const t = await setup();
    const c = await t.client.call('orders.create', { accountId: t.acct.id, lines: [{ description: 'A', quantity: 10, unitPriceFen: 10_000 }] });
    const u = await t.client.call('orders.update', { id: c.order.order.id, version: c.order.order.version, patch: { lines: [{ description: 'A', quantity: 10, unitPriceFen: 10_000 }, { description: 'B', quantity: 4, unitPriceFen: 2_500 }] } });
    expect(u.order.order.totalFen).toBe(110_000);
    const conf = await t.client.call('orders.confirm', { id: u.order.order.id, version: u.order.order.version, plan: '30% on confirmation, 70% net 60' });
    const o = conf.order;
    expect(o.order.state).toBe('confirmed');
    expect(o.order.confirmedOn).toBe('2026-11-23');
    expect(o.instalments.map((i) => [i.seq, i.dueOn, i.amountFen])).toEqual([
      [1, '2026-11-23', 33_000],
      [2, '2027-01-22', 77_000],
    ]);
    expect(o.order.openFen).toBe(110_000);
    await expect(t.client.call('orders.update', { id: o.order.id, version: o.order.version, patch: { notes: 'x' } })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });

    const lineA = o.lines[0]!;
    const s1 = await t.client.call('orders.ship', { id: o.order.id, version: o.order.version, lines: [{ lineId: lineA.id, quantity: 3 }] });
    expect(s1.order.state).toBe('partly_shipped');
    expect(s1.order.shippedFen).toBe(30_000);
    expect(s1.progress.shippedPct).toBe(27.3);
    expect(s1.progress.billedPct).toBe(27.3);
    const s2 = await t.client.call('orders.ship', { id: o.order.id, version: s1.order.version });
    expect(s2.order.state).toBe('shipped');
    expect(s2.order.shippedFen).toBe(110_000);
    expect(s2.shipments.map((s) => [s.shipmentNo, s.amountFen])).toEqual([
      ['SH-2026-000001', 30_000],
      ['SH-2026-000002', 80_000],
    ]);
    expect(s2.allowedActions).toEqual(['complete', 'hold']);
    const done = await t.client.call('orders.complete', { id: o.order.id, version: s2.order.version });
    expect(done.order.state).toBe('completed');
    expect(done.order.completedOn).toBe('2026-11-23');
    const back = await t.client.call('orders.reopen', { id: o.order.id, version: done.order.version, reason: '客户投诉需重新处理' });
    expect(back.order.state).toBe('shipped');
    expect(back.timeline.map((x) => x.action)).toEqual(['order.reopen', 'order.complete', 'order.ship', 'order.ship', 'order.confirm', 'order.update', 'order.create']);
  });

  it('holds and releases back to the state it came from; cancel refunds allocations to credit', async () => {
    const t = await setup();
    const c = await t.client.call('orders.create', { accountId: t.acct.id, lines: [{ description: 'A', quantity: 1, unitPriceFen: 100_000 }] });
    const conf = await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version });
    const held = await t.client.call('orders.hold', { id: conf.order.order.id, version: conf.order.order.version, reason: '客户对账中' });
    expect(held.order).toMatchObject({ state: 'on_hold', heldFromState: 'confirmed', openFen: 100_000 });
    await expect(t.client.call('orders.ship', { id: held.order.id, version: held.order.version })).rejects.toThrow(/release the hold first|请先解除暂停/);
    const rel = await t.client.call('orders.release', { id: held.order.id, version: held.order.version });
    expect(rel.order).toMatchObject({ state: 'confirmed', heldFromState: null });
    await t.client.call('payments.add', { accountId: t.acct.id, amountFen: 60_000, method: 'bank_transfer', allocations: [{ orderId: rel.order.id }] });
    const paid = await t.client.call('orders.get', { id: rel.order.id });
    expect(paid.order.collectedFen).toBe(60_000);
    const cancelled = await t.client.call('orders.cancel', { id: rel.order.id, version: paid.order.version, reason: '客户取消' });
    expect(cancelled.order).toMatchObject({ state: 'cancelled', collectedFen: 0, openFen: 0, cancelledOn: '2026-11-23' });
    const items = await t.client.call('payments.openItems', { accountId: t.acct.id });
    expect(items).toEqual({ items: [], creditFen: 60_000 });
    const acct = await t.client.call('accounts.get', { id: t.acct.id });
    expect(acct.account.openReceivableFen).toBe(0);
  });

  it('refuses illegal transitions, stale versions and bad input without changing anything', async () => {
    const t = await setup();
    const c = await t.client.call('orders.create', { accountId: t.acct.id, lines: [{ description: 'A', quantity: 2, unitPriceFen: 100 }] });
    const o = c.order.order;
    await expect(t.client.call('orders.complete', { id: o.id, version: o.version })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('草稿的订单不能完成') });
    await expect(t.client.call('orders.ship', { id: o.id, version: o.version })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(t.client.call('orders.confirm', { id: o.id, version: o.version + 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(t.client.call('orders.create', { accountId: t.acct.id, lines: [{ description: 'neg', quantity: -3, unitPriceFen: 100 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('orders.create', { accountId: t.acct.id, orderedOn: '2026-02-30', lines: [{ description: 'd', quantity: 1, unitPriceFen: 100 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('orders.create', { accountId: t.acct.id, lines: [{ quantity: 1, unitPriceFen: 100 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('第 1 行') });
    await expect(t.client.call('orders.confirm', { id: o.id, version: o.version, confirmedOn: '2026-12-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('晚于今天') });
    await expect(t.client.call('orders.confirm', { id: o.id, version: o.version, plan: '50% on confirmation' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('100%') });
    const after = await t.client.call('orders.get', { orderNo: o.orderNo });
    expect(after.order).toMatchObject({ state: 'draft', version: o.version });
    expect(after.instalments).toEqual([]);
    const conf = await t.client.call('orders.confirm', { id: o.id, version: o.version });
    await expect(t.client.call('orders.ship', { id: o.id, version: conf.order.order.version, lines: [{ lineId: conf.order.lines[0]!.id, quantity: 3 }] })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('只剩 2 未发') });
    const list = await t.client.call('audit.list', { entityType: 'order', entityId: o.id });
    expect(list.map((a) => a.action)).toEqual(['order.confirm', 'order.create']);
  });

  it('lists orders with filters and totals of the filtered set', async () => {
    const t = await setup();
    const other = await t.client.call('accounts.create', { name: '北京远望科技' });
    const rep2 = insertRep(t.core, '李娜');
    setAccountOwner(t.core, other.id, rep2, insertTerritory(t.core, '华北'));
    const mk = async (accountId: string, price: number, orderedOn: string, confirm: boolean) => {
      const c = await t.client.call('orders.create', { accountId, orderedOn, lines: [{ description: 'x', quantity: 1, unitPriceFen: price }] });
      if (confirm) await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version, confirmedOn: orderedOn });
      return c.order.order;
    };
    await mk(t.acct.id, 1000, '2026-08-01', true); // 100% net 30 → due 08-31, overdue today
    await mk(t.acct.id, 2000, '2026-11-20', true);
    await mk(t.acct.id, 4000, '2026-11-21', false);
    await mk(other.id, 8000, '2026-10-01', true); // due 10-31, overdue
    const all = await t.client.call('orders.list', {});
    expect(all.total).toBe(4);
    expect(all.totals).toEqual({ count: 4, totalFen: 15_000, shippedFen: 0, collectedFen: 0, returnedFen: 0, openFen: 11_000 });
    expect(all.items.map((i) => i.orderedOn)).toEqual(['2026-11-21', '2026-11-20', '2026-10-01', '2026-08-01']);
    expect(await t.client.call('orders.totals', { filter: { overdue: true } })).toEqual({ count: 2, totalFen: 9000, shippedFen: 0, collectedFen: 0, returnedFen: 0, openFen: 9000 });
    expect((await t.client.call('orders.totals', { search: '远望' })).count).toBe(1);
    expect((await t.client.call('orders.list', { withTotals: false })).totals).toBeNull();
    const east = await t.client.call('orders.list', { filter: { territoryId: t.east } });
    expect(east.totals?.totalFen).toBe(7000);
    const overdue = await t.client.call('orders.list', { filter: { overdue: true } });
    expect(overdue.items.map((i) => [i.totalFen, i.overdueFen])).toEqual([
      [8000, 8000],
      [1000, 1000],
    ]);
    expect((await t.client.call('orders.list', { filter: { states: ['draft'] } })).totals?.totalFen).toBe(4000);
    expect((await t.client.call('orders.list', { filter: { repId: rep2 } })).total).toBe(1);
    expect((await t.client.call('orders.list', { filter: { from: '2026-10-01', to: '2026-11-20' } })).totals?.totalFen).toBe(10_000);
    expect((await t.client.call('orders.list', { filter: { accountId: other.id } })).items[0]?.accountName).toBe('北京远望科技');
    const sorted = await t.client.call('orders.list', { sort: [{ colId: 'totalFen', sort: 'desc' }], filters: { openFen: { filterType: 'number', type: 'greaterThan', filter: 1500 } } });
    expect(sorted.items.map((i) => i.totalFen)).toEqual([8000, 2000]);
    expect((await t.client.call('orders.list', { search: '远望' })).total).toBe(1);
  });

  it('counts the overdue orders again once a payment clears one (the count is reused only until a write)', async () => {
    const t = await setup();
    const c = await t.client.call('orders.create', { accountId: t.acct.id, orderedOn: '2026-08-01', lines: [{ description: 'x', quantity: 1, unitPriceFen: 1000 }] });
    await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version, confirmedOn: '2026-08-01' });
    const overdue = () => t.client.call('orders.list', { withTotals: false, filter: { overdue: true } });
    expect((await overdue()).total).toBe(1);
    expect((await overdue()).total).toBe(1);
    await t.client.call('payments.add', { accountId: t.acct.id, amountFen: 1000, method: 'bank_transfer', allocations: [{ orderId: c.order.order.id }] });
    expect(await overdue()).toMatchObject({ total: 0, items: [] });
  });
});
