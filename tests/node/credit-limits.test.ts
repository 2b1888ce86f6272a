import { afterEach, describe, expect, it } from 'vitest';
import { creditWorld, type CreditWorld } from '../helpers/credit';

let t: CreditWorld | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const reasonText = (r: { reasons: { code: string; text: { zh: string } }[] }, code: string) => r.reasons.find((x) => x.code === code)?.text.zh;

/**
 * One account, hand-computed (yuan):
 *  A 100,000 confirmed; 6 of 10 shipped (billed 60,000); 1 returned (10,000); 20,000 paid
 *      → open 70,000 = unbilled 40,000 + receivable 30,000
 *  B  50,000 shipped, paid in full, completed → 0
 *  C  80,000 shipped, 30,000 paid, completed → receivable 50,000
 *  D  99,999 confirmed then cancelled → 0
 *  5,000 received and not allocated → advance 5,000
 *  E  60,000 draft (the order being checked)
 * exposure = 30,000 + 50,000 + 40,000 − 5,000 = 115,000 used, + 60,000 this order = 175,000.
 */
async function fixture(w: CreditWorld) {
  const acct = await w.client.call('accounts.create', { name: '苏州恒达贸易有限公司', tier: 'B' });
  const a = await w.confirmed(acct.id, 10_000_000, { qty: 10 });
  const d = await w.client.call('orders.ship', { id: a.order.id, version: a.order.version, lines: [{ lineId: a.lines[0]!.id, quantity: 6 }] });
  await w.client.call('returns.create', { orderId: a.order.id, reason: '质量问题', lines: [{ lineId: d.lines[0]!.id, quantity: 1 }] });
  await w.client.call('payments.add', { accountId: acct.id, amountFen: 2_000_000, method: 'bank_transfer', allocations: [{ orderId: a.order.id }] });

  const b = await w.confirmed(acct.id, 5_000_000);
  const bs = await w.client.call('orders.ship', { id: b.order.id, version: b.order.version });
  await w.client.call('payments.add', { accountId: acct.id, amountFen: 5_000_000, method: 'wechat', allocations: [{ orderId: b.order.id }] });
  const bFresh = await w.client.call('orders.get', { id: bs.order.id });
  await w.client.call('orders.complete', { id: b.order.id, version: bFresh.order.version });

  const c = await w.confirmed(acct.id, 8_000_000);
  const cs = await w.client.call('orders.ship', { id: c.order.id, version: c.order.version });
  await w.client.call('payments.add', { accountId: acct.id, amountFen: 3_000_000, method: 'cash', allocations: [{ orderId: c.order.id }] });
  const cFresh = await w.client.call('orders.get', { id: cs.order.id });
  await w.client.call('orders.complete', { id: c.order.id, version: cFresh.order.version });

  const dd = await w.confirmed(acct.id, 9_999_900);
  await w.client.call('orders.cancel', { id: dd.order.id, version: dd.order.version, reason: '客户取消' });

  await w.client.call('payments.add', { accountId: acct.id, amountFen: 500_000, method: 'alipay' });
  const e = await w.draft(acct.id, 6_000_000);
  return { acct, e };
}

describe('credit limits and exposure (hand-computed)', () => {
  it('exposure = open receivables + confirmed-but-unbilled − advance + this order', async () => {
    t = await creditWorld();
    const { acct, e } = await fixture(t);
    const r = await t.client.call('credit.check', { order: e.orderNo });
    expect(r.exposure).toEqual({ receivableFen: 8_000_000, unbilledFen: 4_000_000, advanceFen: 500_000, usedFen: 11_500_000, thisOrderFen: 6_000_000, totalFen: 17_500_000 });
    // No limit anywhere yet (the company default is "none"): not limit-checked.
    expect(r.outcome).toBe('pass');
    expect(reasonText(r, 'no_limit')).toBe('未设信用额度，不检查额度（占用 115,000.00 元 + 本单 60,000.00 元）');
    expect(reasonText(r, 'exposure')).toBe('占用 = 应收 80,000.00 元 + 已确认未开票 40,000.00 元 − 预收款 5,000.00 元；本单 60,000.00 元');
    // The account itself: no "this order".
    const acc = await t.client.call('credit.check', { account: acct.code, record: false });
    expect(acc.exposure.totalFen).toBe(11_500_000);
    expect(acc.checkId).toBeNull();

    const view = await t.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: 50_000_000, reason: '年度授信' });
    expect(view.stored).toMatchObject({ limitFen: 50_000_000, version: 1 });
    const within = await t.client.call('credit.check', { order: e.id });
    expect(within.outcome).toBe('pass');
    expect(within.usedPct).toBe(35);
    expect(reasonText(within, 'within_limit')).toBe('额度 500,000.00 元（客户档案），占用 115,000.00 元 + 本单 60,000.00 元 = 35.0%，在额度内');
    expect(within.checkId).not.toBeNull();
  });

  it('resolves account → group → tier → company defaults, each field separately', async () => {
    t = await creditWorld();
    const acct = await t.client.call('accounts.create', { name: '杭州新材料', tier: 'A', accountGroup: '经销商' });
    const limitOf = async () => (await t!.client.call('credit.check', { account: acct.id, record: false })).limit;
    expect(await limitOf()).toMatchObject({ limitFen: null, kind: 'none', baseSource: null });
    await t.client.call('credit.updateDefaults', { creditDefaults: { limitFen: 10_000_000, policy: 'block', paymentTermsDays: 45 } });
    expect(await limitOf()).toMatchObject({ limitFen: 10_000_000, baseSource: 'company' });
    await t.client.call('credit.updateDefaults', { creditTierDefaults: { A: { limitFen: 20_000_000, policy: 'warn' } } });
    expect(await limitOf()).toMatchObject({ limitFen: 20_000_000, baseSource: 'tier' });
    await t.client.call('credit.updateDefaults', { creditGroupDefaults: { 经销商: { limitFen: 30_000_000 } } });
    const viaGroup = await t.client.call('credit.check', { account: acct.id, record: false });
    expect(viaGroup).toMatchObject({ limit: { limitFen: 30_000_000, baseSource: 'group' }, policy: 'warn', policySource: 'tier', paymentTermsDays: 45 });
    await t.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: 0 });
    const cash = await t.client.call('credit.check', { account: acct.id, record: false });
    expect(cash.limit).toMatchObject({ limitFen: 0, baseSource: 'account' });
    // Back to inheriting.
    const p = await t.client.call('credit.getProfile', { accountId: acct.id });
    await t.client.call('credit.updateProfile', { accountId: acct.id, version: p.stored!.version, limitFen: null });
    expect(await limitOf()).toMatchObject({ limitFen: 30_000_000, baseSource: 'group' });
    const audit = t.core.sqlite.prepare("select count(*) as n from audit_log where action = 'credit.defaults'").get() as { n: number };
    expect(audit.n).toBe(3);
  });

  it('new orders take the account’s resolved payment terms unless given', async () => {
    t = await creditWorld();
    const acct = await t.client.call('accounts.create', { name: '账期客户', tier: 'A' });
    const terms = async (given?: number) => (await t!.client.call('orders.create', { accountId: acct.id, ...(given !== undefined ? { paymentTermsDays: given } : {}), lines: [{ description: 'x', quantity: 1, unitPriceFen: 100 }] })).order.order.paymentTermsDays;
    expect(await terms()).toBe(30);
    await t.client.call('credit.updateDefaults', { creditTierDefaults: { A: { paymentTermsDays: 60 } } });
    expect(await terms()).toBe(60);
    await t.client.call('credit.updateProfile', { accountId: acct.id, version: null, paymentTermsDays: 15 });
    expect(await terms()).toBe(15);
    expect(await terms(45)).toBe(45);
  });

  it('applies a temporary limit on its expiry day and not the day after', async () => {
    t = await creditWorld();
    const { acct, e } = await fixture(t);
    await t.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: 15_000_000, tempLimit: { limitFen: 20_000_000, expiresOn: '2026-11-30', reason: '年底备货' } });
    t.clock.set('2026-11-30T15:59:00Z'); // 23:59 in Shanghai, still the 30th
    const last = await t.client.call('credit.check', { order: e.orderNo, record: false });
    expect(last.limit).toMatchObject({ limitFen: 20_000_000, kind: 'temporary', temp: { active: true } });
    expect(last.outcome).toBe('pass'); // 175,000 / 200,000 = 87.5 %, under the 90 % warning line
    expect(reasonText(last, 'temp_limit')).toBe('临时额度 200,000.00 元有效至 2026-11-30（含当日，原因：年底备货），常规额度 150,000.00 元');
    t.clock.set('2026-11-30T16:00:00Z'); // 00:00 on 12-01 in Shanghai
    const after = await t.client.call('credit.check', { order: e.orderNo, record: false });
    expect(after.limit).toMatchObject({ limitFen: 15_000_000, kind: 'base', temp: { active: false } });
    expect(after.outcome).toBe('needs_approval');
    expect(reasonText(after, 'limit')).toBe('额度 150,000.00 元（客户档案），占用 115,000.00 元 + 本单 60,000.00 元 = 116.7%，超出 25,000.00 元');
    expect(reasonText(after, 'temp_limit')).toBe('临时额度 200,000.00 元已于 2026-11-30 到期，按常规额度 150,000.00 元检查');
  });

  it('refuses bad profile input with a specific message and changes nothing', async () => {
    t = await creditWorld();
    const acct = await t.client.call('accounts.create', { name: '坏输入测试' });
    await expect(t.client.call('credit.updateProfile', { accountId: acct.id, version: null, tempLimit: { limitFen: 100, expiresOn: '2026-11-22', reason: 'x' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '临时额度的到期日 2026-11-22 早于今天（2026-11-23）',
    });
    await expect(t.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: -1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('credit.updateProfile', { accountId: acct.id, version: null, tempLimit: { limitFen: 100, expiresOn: '2026-02-30', reason: 'x' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('credit.updateProfile', { accountId: acct.id, version: null, tempLimit: { limitFen: 100, expiresOn: '2027-01-01', reason: '   ' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('credit.updateProfile', { accountId: acct.id, version: 3, limitFen: 100 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await t.client.call('credit.getProfile', { accountId: acct.id })).stored).toBeNull();
    await t.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: 100 });
    await expect(t.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: 200 })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Managers only.
    t.signInAs('li');
    await expect(t.client.call('credit.updateProfile', { accountId: acct.id, version: 1, limitFen: 999 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.client.call('settings.update', { creditWarnAtPct: 50 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.client.call('credit.updateDefaults', { creditWarnAtPct: 50 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.client.call('credit.getProfile', { accountId: acct.id })).stored!.limitFen).toBe(100);
  });
});
