import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { insertRep, setAccountOwner } from '../helpers/o2c';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function setup() {
  const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
  cleanup = t.close;
  const rep = insertRep(t.core, '王芳');
  const acct = await t.client.call('accounts.create', { name: '杭州海川贸易有限公司' });
  setAccountOwner(t.core, acct.id, rep);
  const order = async (price: number, confirmedOn: string, plan?: string) => {
    const c = await t.client.call('orders.create', { accountId: acct.id, orderedOn: confirmedOn, lines: [{ description: '货品', quantity: 1, unitPriceFen: price }] });
    const r = await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version, confirmedOn, ...(plan ? { plan } : {}) });
    return r.order;
  };
  return { ...t, rep, acct, order };
}

function sums(core: { sqlite: { prepare(sql: string): { get(...a: unknown[]): unknown } } }, accountId: string) {
  return core.sqlite
    .prepare(
      `select (select coalesce(sum(amount_fen),0) from payments where account_id = @a) as payments,
              (select coalesce(sum(a.amount_fen),0) from payment_allocations a join payments p on p.id = a.payment_id where p.account_id = @a) as allocations,
              (select coalesce(sum(unallocated_fen),0) from payments where account_id = @a) as unallocated`,
    )
      .get({ a: accountId }) as { payments: number; allocations: number; unallocated: number };
}

describe('payments', () => {
  it('splits one payment across two orders, oldest due first within an order, rest as credit', async () => {
    const t = await setup();
    const a = await t.order(1_000_000, '2026-09-01', '30% on confirmation, 70% net 60');
    const b = await t.order(500_000, '2026-10-01');
    const p = await t.client.call('payments.add', {
      accountId: t.acct.id,
      receivedOn: '2026-11-20',
      amountFen: 1_280_000,
      method: 'acceptance_bill',
      reference: '承兑汇票 No.3102',
      allocations: [{ orderId: a.order.id, amountFen: 800_000 }, { orderId: b.order.id }],
    });
    expect(p.payment).toMatchObject({ paymentNo: 'PAY-2026-000001', amountFen: 1_280_000, allocatedFen: 1_280_000, unallocatedFen: 0, method: 'acceptance_bill' });
    expect(p.allocations.map((x) => [x.orderNo, x.instalmentSeq, x.amountFen, x.allocatedOn])).toEqual([
      [a.order.orderNo, 1, 300_000, '2026-11-20'],
      [a.order.orderNo, 2, 500_000, '2026-11-20'],
      [b.order.orderNo, 1, 480_000, '2026-11-20'],
    ]);
    const a2 = await t.client.call('orders.get', { id: a.order.id });
    expect(a2.order).toMatchObject({ collectedFen: 800_000, openFen: 200_000 });
    expect(a2.instalments.map((i) => [i.paidFen, i.openFen, i.paidOn])).toEqual([
      [300_000, 0, '2026-11-20'],
      [500_000, 200_000, null],
    ]);
    expect(a2.progress.collectedPct).toBe(80);
    expect(a2.payments).toEqual([{ paymentId: p.payment.id, paymentNo: 'PAY-2026-000001', kind: 'receipt', receivedOn: '2026-11-20', method: 'acceptance_bill', allocatedFen: 800_000 }]);
    const acct = await t.client.call('accounts.get', { id: t.acct.id });
    expect(acct.account.openReceivableFen).toBe(220_000);
    // a's 2nd instalment (09-01 + 60 = 10-31) and b (10-01 + 30 = 10-31) are both 23 days overdue today.
    expect(acct.account.overdueFen).toBe(220_000);
    expect(acct.account.maxOverdueDays).toBe(23);
    // The account's timeline shows the orders and the payment.
    expect(acct.timeline.find((e) => e.kind === 'payment')?.title).toBe('回款 PAY-2026-000001（2026-11-20）：12,800.00，承兑汇票');
    expect(acct.timeline.filter((e) => e.kind === 'order')).toHaveLength(2);
  });

  it('keeps the remainder as credit and allocates it later; refuses over-allocation and changes nothing', async () => {
    const t = await setup();
    const a = await t.order(100_000, '2026-11-01');
    const p = await t.client.call('payments.add', { accountId: t.acct.id, amountFen: 150_000, method: 'wechat', allocations: [{ orderId: a.order.id, amountFen: 40_000 }] });
    expect(p.payment.unallocatedFen).toBe(110_000);
    expect(p.accountCreditFen).toBe(110_000);
    const before = sums(t.core, t.acct.id);
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: 10_000, method: 'cash', allocations: [{ orderId: a.order.id, amountFen: 60_001 }] })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('超额分配'),
    });
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: 10_000, method: 'cash', allocations: [{ orderId: a.order.id, amountFen: 10_001 }] })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(t.client.call('payments.allocate', { accountId: t.acct.id, allocations: [{ orderId: a.order.id, amountFen: 70_000 }] })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: -5, method: 'cash' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: 5, method: 'cash', receivedOn: '2026-11-24' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('晚于今天') });
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: 5, method: 'cash', receivedOn: '2026-13-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(sums(t.core, t.acct.id)).toEqual(before);
    expect((await t.client.call('payments.list', {})).total).toBe(1);

    const later = await t.client.call('payments.allocate', { accountId: t.acct.id, allocations: [{ orderId: a.order.id }] });
    expect(later.allocations.map((x) => [x.paymentNo, x.amountFen, x.allocatedOn])).toEqual([['PAY-2026-000001', 60_000, '2026-11-23']]);
    expect(later.accountCreditFen).toBe(50_000);
    const s = sums(t.core, t.acct.id);
    expect(s.allocations + s.unallocated).toBe(s.payments);
    await expect(t.client.call('payments.allocate', { accountId: t.acct.id, allocations: [{ orderId: a.order.id }] })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('auto-allocates oldest due first across orders', async () => {
    const t = await setup();
    const newer = await t.order(30_000, '2026-11-10');
    const older = await t.order(20_000, '2026-10-10');
    const p = await t.client.call('payments.add', { accountId: t.acct.id, amountFen: 25_000, method: 'alipay', autoAllocate: true });
    expect(p.allocations.map((x) => [x.orderNo, x.amountFen])).toEqual([
      [older.order.orderNo, 20_000],
      [newer.order.orderNo, 5_000],
    ]);
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: 1, method: 'alipay', autoAllocate: true, allocations: [{ orderId: newer.order.id }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it("refuses allocating to another account's order or a draft", async () => {
    const t = await setup();
    const other = await t.client.call('accounts.create', { name: '别家公司' });
    const c = await t.client.call('orders.create', { accountId: other.id, lines: [{ description: 'x', quantity: 1, unitPriceFen: 100 }] });
    await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version });
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: 100, method: 'cash', allocations: [{ orderId: c.order.order.id }] })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('不属于该客户“杭州海川贸易有限公司”') });
    const draft = await t.client.call('orders.create', { accountId: t.acct.id, lines: [{ description: 'x', quantity: 1, unitPriceFen: 100 }] });
    await expect(t.client.call('payments.add', { accountId: t.acct.id, amountFen: 100, method: 'cash', allocations: [{ orderId: draft.order.order.id }] })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('returns shipped goods, releases the overpaid part and refunds it as a negative payment', async () => {
    const t = await setup();
    const c = await t.client.call('orders.create', { accountId: t.acct.id, orderedOn: '2026-11-01', lines: [{ description: '阀门', quantity: 10, unitPriceFen: 10_000 }] });
    const conf = await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version, confirmedOn: '2026-11-01' });
    const shipped = await t.client.call('orders.ship', { id: conf.order.order.id, version: conf.order.order.version, shippedOn: '2026-11-05', lines: [{ lineId: conf.order.lines[0]!.id, quantity: 6 }] });
    await t.client.call('payments.add', { accountId: t.acct.id, amountFen: 100_000, method: 'bank_transfer', receivedOn: '2026-11-10', allocations: [{ orderId: shipped.order.id }] });
    const lineId = shipped.lines[0]!.id;
    await expect(t.client.call('returns.create', { orderId: shipped.order.id, reason: '质量问题', lines: [{ lineId, quantity: 7 }] })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('最多还能退 6'),
    });
    const r = await t.client.call('returns.create', { orderId: shipped.order.id, reason: '质量问题', lines: [{ lineId, quantity: 2 }], refund: { amountFen: 20_000, method: 'bank_transfer' } });
    expect(r).toMatchObject({ returnNo: 'RT-2026-000001', amountFen: 20_000, refundPaymentNo: 'RF-2026-000001' });
    expect(r.order.order).toMatchObject({ returnedFen: 20_000, collectedFen: 80_000, openFen: 0 });
    expect(r.order.returns[0]).toMatchObject({ refundFen: 20_000, lines: [{ lineNo: 1, quantity: 2, amountFen: 20_000 }] });
    expect(r.order.lines[0]).toMatchObject({ shippedQty: 6, returnedQty: 2 });
    const s = sums(t.core, t.acct.id);
    expect(s).toEqual({ payments: 80_000, allocations: 80_000, unallocated: 0 });
    await expect(t.client.call('returns.create', { orderId: shipped.order.id, reason: '再退', lines: [{ lineId, quantity: 5 }] })).rejects.toMatchObject({ message: expect.stringContaining('最多还能退 4') });
    await expect(t.client.call('payments.refund', { accountId: t.acct.id, amountFen: 1, method: 'cash' })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('超过') });
    const list = await t.client.call('payments.list', { filter: { kind: 'refund' } });
    expect(list.items.map((p) => [p.paymentNo, p.amountFen, p.returnNo])).toEqual([['RF-2026-000001', -20_000, 'RT-2026-000001']]);
  });

  it('a return on an unpaid order cancels the latest-due instalment first', async () => {
    const t = await setup();
    const c = await t.client.call('orders.create', { accountId: t.acct.id, orderedOn: '2026-09-01', lines: [{ description: '电机', quantity: 10, unitPriceFen: 10_000 }] });
    const conf = await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version, confirmedOn: '2026-09-01', plan: '50% on confirmation, 50% net 120' });
    const sh = await t.client.call('orders.ship', { id: conf.order.order.id, version: conf.order.order.version, shippedOn: '2026-09-02' });
    const r = await t.client.call('returns.create', { orderId: sh.order.id, reason: '多发', lines: [{ lineId: sh.lines[0]!.id, quantity: 3 }] });
    expect(r.order.instalments.map((i) => [i.seq, i.returnedFen, i.openFen])).toEqual([
      [1, 0, 50_000],
      [2, 30_000, 20_000],
    ]);
    const acct = await t.client.call('accounts.get', { id: t.acct.id });
    expect(acct.account).toMatchObject({ openReceivableFen: 70_000, overdueFen: 50_000 });
  });

  it('edits the payment plan of a confirmed order and moves what was paid onto the new instalments', async () => {
    const t = await setup();
    const o = await t.order(100_000, '2026-10-01', '50% on confirmation, 50% net 30');
    await t.client.call('payments.add', { accountId: t.acct.id, amountFen: 60_000, method: 'cash', receivedOn: '2026-10-05', allocations: [{ orderId: o.order.id }] });
    const cur = await t.client.call('orders.get', { id: o.order.id });
    const edited = await t.client.call('orders.setPlan', {
      id: o.order.id,
      version: cur.order.version,
      plan: [
        { label: '首付', dueOn: '2026-10-01', amountFen: 20_000 },
        { label: '尾款', dueOn: '2027-01-31', amountFen: 80_000 },
      ],
    });
    expect(edited.instalments.map((i) => [i.label, i.paidFen, i.openFen])).toEqual([
      ['首付', 20_000, 0],
      ['尾款', 40_000, 40_000],
    ]);
    expect(edited.order.collectedFen).toBe(60_000);
    await expect(t.client.call('orders.setPlan', { id: o.order.id, version: edited.order.version, plan: [{ label: 'x', dueOn: '2027-01-01', amountFen: 1 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('应等于订单金额') });
    await expect(t.client.call('orders.setPlan', { id: o.order.id, version: cur.order.version, plan: '100% net 10' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const s = sums(t.core, t.acct.id);
    expect(s).toEqual({ payments: 60_000, allocations: 60_000, unallocated: 0 });
  });
});
