import { afterEach, describe, expect, it } from 'vitest';
import type { CreditCheckResult } from '../../shared/contract/credit';
import { RpcCallError } from '../../shared/rpc/errors';
import { creditWorld, type CreditWorld } from '../helpers/credit';

let t: CreditWorld | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function refusal(p: Promise<unknown>): Promise<RpcCallError & { details: { outcome: string; checkId: string; check: CreditCheckResult } }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RpcCallError) return e as never;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** An account with a 500,000.00 limit, 468,200.00 already used, and a 60,000.00 draft: 105.6 %. */
async function overLimit(w: CreditWorld, policy: 'warn' | 'needs_approval' | 'block' = 'block') {
  const acct = await w.client.call('accounts.create', { name: '宁波远洋机电有限公司' });
  await w.confirmed(acct.id, 46_820_000);
  await w.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: 50_000_000, policy });
  const order = await w.draft(acct.id, 6_000_000);
  return { acct, order };
}

const count = (w: CreditWorld, sql: string, ...args: unknown[]) => (w.core.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('credit check on order confirmation', () => {
  it('the credit check is the registered confirmation check', async () => {
    t = await creditWorld();
    const { beforeConfirm } = await import('../../electron/backend/services/order-confirm-checks');
    expect(beforeConfirm.map((c) => c.name)).toContain('credit');
  });

  it('blocks an over-limit order: it stays a draft, the check and the reasons are recorded', async () => {
    t = await creditWorld();
    const { acct, order } = await overLimit(t, 'block');
    const e = await refusal(t.client.call('orders.confirm', { id: order.id, version: order.version }));
    expect(e.code).toBe('CREDIT_BLOCKED');
    expect(e.message).toBe(`订单 ${order.orderNo} 信用检查未通过，已拦截（经理可审批放行）：额度 500,000.00 元（客户档案），占用 468,200.00 元 + 本单 60,000.00 元 = 105.6%，超出 28,200.00 元`);
    expect(e.details.outcome).toBe('blocked');
    expect(e.details.check.reasons[0]!.text.en).toBe('Limit 500,000.00 (account profile), used 468,200.00 + this order 60,000.00 = 105.6%, 28,200.00 over the limit');
    const after = await t.client.call('orders.get', { id: order.id });
    expect(after.order).toMatchObject({ state: 'draft', creditStatus: 'blocked', version: order.version });
    expect(after.instalments).toEqual([]);
    expect(after.timeline.map((x) => x.action)).toContain('credit.refused');
    const h = await t.client.call('credit.history', { orderId: order.id });
    expect(h.checks).toHaveLength(1);
    expect(h.checks[0]).toMatchObject({ id: e.details.checkId, trigger: 'confirm', outcome: 'blocked', exposureFen: 52_820_000, limitFen: 50_000_000, by: '管理员' });
    const tl = (await t.client.call('accounts.get', { id: acct.id })).timeline;
    expect(tl.find((x) => x.kind === 'credit.check.blocked')).toMatchObject({ title: `信用检查 ${order.orderNo}（确认订单时）：拦截` });
    const alerts = await t.client.call('credit.alerts', {});
    expect(alerts.counts.pendingApprovals).toBe(1);
    expect(alerts.items[0]).toMatchObject({ kind: 'pending_approval', severity: 'danger', orderId: order.id });
  });

  it('every policy: warn confirms with warnings, needs approval and block keep the draft', async () => {
    t = await creditWorld();
    const w = await overLimit(t, 'warn');
    const ok = await t.client.call('orders.confirm', { id: w.order.id, version: w.order.version });
    expect(ok.order.order).toMatchObject({ state: 'confirmed', creditStatus: 'warn' });
    expect(ok.warnings.map((x) => x.message)).toEqual(['额度 500,000.00 元（客户档案），占用 468,200.00 元 + 本单 60,000.00 元 = 105.6%，超出 28,200.00 元']);
    const n = await overLimit(t, 'needs_approval');
    const e = await refusal(t.client.call('orders.confirm', { id: n.order.id, version: n.order.version }));
    expect(e.details.outcome).toBe('needs_approval');
    expect(e.message).toMatch(/超出信用条件，需经理审批后才能确认/);
    expect((await t.client.call('orders.get', { id: n.order.id })).order.creditStatus).toBe('needs_approval');
    // Within the limit: a plain pass.
    const fine = await t.client.call('accounts.create', { name: '正常客户' });
    await t.client.call('credit.updateProfile', { accountId: fine.id, version: null, limitFen: 50_000_000, policy: 'block' });
    const passed = await t.confirmed(fine.id, 1_000_000);
    expect(passed.order.creditStatus).toBe('pass');
  });

  it('a credit hold blocks new orders, in words; only a manager releases it', async () => {
    t = await creditWorld();
    const acct = await t.client.call('accounts.create', { name: '冻结测试客户' });
    t.signInAs('li');
    await t.client.call('credit.hold', { accountId: acct.id, reason: '客户经营异常，法院冻结账户' });
    expect((await t.client.call('accounts.get', { id: acct.id })).account.creditHold).toBe(true);
    const order = await t.draft(acct.id, 100_000);
    const e = await refusal(t.client.call('orders.confirm', { id: order.id, version: order.version }));
    expect(e.details.outcome).toBe('blocked');
    expect(e.message).toContain('信用冻结：2026-11-23 李内勤，原因：客户经营异常，法院冻结账户');
    await expect(t.client.call('credit.hold', { accountId: acct.id, reason: 'again' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(t.client.call('credit.release', { accountId: acct.id, reason: '已还款' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    t.signInAs('wang');
    const released = await t.client.call('credit.release', { accountId: acct.id, reason: '法院已解封' });
    expect(released.account.creditHold).toBe(false);
    expect(released.stored).toMatchObject({ hold: false, holdReason: null });
    const ok = await t.client.call('orders.confirm', { id: order.id, version: order.version });
    expect(ok.order.order.creditStatus).toBe('pass');
    const tl = (await t.client.call('accounts.get', { id: acct.id })).timeline;
    expect(tl.filter((x) => x.kind === 'credit.hold' || x.kind === 'credit.release').map((x) => [x.title, x.detail, x.by])).toEqual([
      ['解除信用冻结', '原因：法院已解封', '王经理'],
      ['信用冻结', '原因：客户经营异常，法院冻结账户', '李内勤'],
    ]);
  });

  it('the overdue rule: more than D days overdue and above X', async () => {
    t = await creditWorld();
    const acct = await t.client.call('accounts.create', { name: '逾期客户' });
    // By default the rule only warns; here it follows the account's policy (company default: needs approval).
    expect((await t.client.call('credit.getDefaults', {})).creditOverdueRule).toEqual({ days: 60, minFen: 100_000, action: 'warn' });
    await t.client.call('credit.updateDefaults', { creditOverdueRule: { days: 60, minFen: 100_000, action: 'policy' } });
    // Confirmed 2026-08-01, net 30 → due 2026-08-31; on 2026-11-23 that is 84 days overdue.
    await t.confirmed(acct.id, 3_200_000, { orderedOn: '2026-08-01', confirmedOn: '2026-08-01' });
    const order = await t.draft(acct.id, 100_000);
    const e = await refusal(t.client.call('orders.confirm', { id: order.id, version: order.version }));
    expect(e.details.outcome).toBe('needs_approval'); // the company default policy
    const worst = e.details.check.reasons.find((r) => r.code === 'overdue_rule')!;
    expect(worst.text.zh).toBe('最长逾期 84 天（订单 SO-2026-000001，32,000.00 元）；逾期超过 60 天的金额 32,000.00 元（规则：逾期超过 60 天且金额高于 1,000.00 元）');
    await t.client.call('credit.updateDefaults', { creditOverdueRule: { days: 90, minFen: 100_000, action: 'policy' } });
    const ok = await t.client.call('credit.check', { order: order.orderNo });
    expect(ok.outcome).toBe('pass');
    expect(ok.reasons.find((r) => r.code === 'overdue')!.text.zh).toMatch(/^逾期 32,000.00 元，最长逾期 84 天（订单 SO-2026-000001，32,000.00 元），未触发逾期规则/);
    await t.client.call('credit.updateDefaults', { creditOverdueRule: { days: 30, minFen: 100_000, action: 'warn' } });
    expect((await t.client.call('credit.check', { order: order.orderNo })).outcome).toBe('warn');
  });
});

describe('manager override', () => {
  it('is refused without the manager role, with a wrong password, without a reason, or for a manager with no password', async () => {
    t = await creditWorld();
    const { order } = await overLimit(t, 'block');
    await refusal(t.client.call('orders.confirm', { id: order.id, version: order.version }));
    t.signInAs('li');
    const base = { orderId: order.id, version: order.version, reason: '老客户，月底前回款' };
    await expect(t.client.call('credit.override', { ...base, managerUsername: 'li', managerPassword: 'li-pass-1' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '用户“李内勤”不是经理，不能审批信用放行' });
    await expect(t.client.call('credit.override', { ...base, managerUsername: 'wang', managerPassword: 'wrong-pass' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码不正确' });
    await expect(t.client.call('credit.override', { ...base, managerUsername: 'nobody', managerPassword: 'x' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(t.client.call('credit.override', { ...base, managerUsername: 'zhao', managerPassword: '' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '经理“赵经理”尚未设置密码，不能用于审批（请先设置密码）' });
    await expect(t.client.call('credit.override', { ...base, reason: '   ', managerUsername: 'wang', managerPassword: 'wang-pass-1' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('credit.override', { orderId: order.id, version: order.version, managerUsername: 'wang', managerPassword: 'wang-pass-1' } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const still = await t.client.call('orders.get', { id: order.id });
    expect(still.order).toMatchObject({ state: 'draft', creditStatus: 'blocked' });
    expect(count(t, 'select count(*) as n from credit_overrides')).toBe(0);
    // Every refused attempt that got as far as the credentials is in the audit log, without the password.
    const refused = t.core.sqlite.prepare("select user_name, after from audit_log where action = 'credit.override_refused' order by at, id").all() as { user_name: string; after: string }[];
    expect(refused).toHaveLength(4);
    expect(refused.every((r) => r.user_name === '李内勤' && !/wang-pass-1|li-pass-1|wrong-pass/.test(r.after))).toBe(true);
  });

  it('an accepted override confirms the order and is audited: audit_log + credit_overrides + timelines', async () => {
    t = await creditWorld();
    const { acct, order } = await overLimit(t, 'needs_approval');
    t.signInAs('li');
    await refusal(t.client.call('orders.confirm', { id: order.id, version: order.version }));
    // The coordinator is signed in; the manager types their own password on this desktop.
    const r = await t.client.call('credit.override', { orderId: order.id, version: order.version, managerUsername: 'wang', managerPassword: 'wang-pass-1', reason: '老客户，月底前回款' });
    expect(r.order.order).toMatchObject({ state: 'confirmed', creditStatus: 'overridden' });
    expect(r.check).toMatchObject({ outcome: 'needs_approval' });
    expect(r.overrideId).not.toBeNull();
    expect(r.warnings.map((w) => w.message)).toEqual(['经理 王经理 已审批放行（老客户，月底前回款）']);
    expect(r.order.instalments).toHaveLength(1);

    const ov = t.core.sqlite.prepare('select v.*, u.username from credit_overrides v join users u on u.id = v.manager_user_id').all() as { username: string; requested_by: string; reason: string; order_id: string; credit_check_id: string }[];
    expect(ov).toEqual([expect.objectContaining({ username: 'wang', requested_by: '李内勤', reason: '老客户，月底前回款', order_id: order.id, credit_check_id: r.check.checkId })]);
    const audit = t.core.sqlite.prepare("select user_name, entity_id, reason, after from audit_log where action = 'credit.override'").get() as { user_name: string; entity_id: string; reason: string; after: string };
    expect(audit).toMatchObject({ user_name: '王经理', entity_id: order.id, reason: '老客户，月底前回款' });
    expect(JSON.parse(audit.after)).toMatchObject({ creditStatus: 'overridden', requestedBy: '李内勤', usedPct: 105.6 });
    // The confirmation itself is the coordinator's.
    const confirmAudit = t.core.sqlite.prepare("select user_name from audit_log where action = 'order.confirm' and entity_id = ?").get(order.id) as { user_name: string };
    expect(confirmAudit.user_name).toBe('李内勤');
    expect(r.order.timeline.map((x) => x.action)).toEqual(expect.arrayContaining(['credit.override', 'order.confirm', 'credit.refused']));
    const tl = (await t.client.call('accounts.get', { id: acct.id })).timeline;
    expect(tl.find((x) => x.kind === 'credit.override')).toMatchObject({ title: `经理审批放行 ${order.orderNo}：王经理（需经理审批）`, detail: '原因：老客户，月底前回款 · 申请人 李内勤', by: '王经理' });
    expect(tl.filter((x) => x.kind.startsWith('credit.check') && x.title.includes(order.orderNo)).map((x) => x.title)).toEqual([`信用检查 ${order.orderNo}（经理审批时）：需经理审批`, `信用检查 ${order.orderNo}（确认订单时）：需经理审批`]);
    const h = await t.client.call('credit.history', { orderId: order.id });
    expect(h.overrides).toEqual([expect.objectContaining({ manager: '王经理', requestedBy: '李内勤', outcome: 'needs_approval', orderNo: order.orderNo })]);
    expect((await t.client.call('credit.alerts', {})).counts.pendingApprovals).toBe(0);
  });

  it('a stale version or a non-draft order is refused and nothing is recorded', async () => {
    t = await creditWorld();
    const { order } = await overLimit(t, 'block');
    await expect(t.client.call('credit.override', { orderId: order.id, version: order.version + 1, managerUsername: 'wang', managerPassword: 'wang-pass-1', reason: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(count(t, 'select count(*) as n from credit_overrides')).toBe(0);
    const fine = await t.client.call('accounts.create', { name: '已确认' });
    const done = await t.confirmed(fine.id, 100);
    await expect(t.client.call('credit.override', { orderId: done.order.id, version: done.order.version, managerUsername: 'wang', managerPassword: 'wang-pass-1', reason: 'x' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('needs no override when the check passes by then (no override row)', async () => {
    t = await creditWorld();
    const { acct, order } = await overLimit(t, 'block');
    const p = await t.client.call('credit.getProfile', { accountId: acct.id });
    await t.client.call('credit.updateProfile', { accountId: acct.id, version: p.stored!.version, limitFen: 100_000_000 });
    const r = await t.client.call('credit.override', { orderId: order.id, version: order.version, managerUsername: 'wang', managerPassword: 'wang-pass-1', reason: '已提额' });
    expect(r).toMatchObject({ overrideId: null, check: { outcome: 'pass', checkId: expect.any(String) } });
    expect(r.order.order.creditStatus).toBe('pass');
    expect(count(t, 'select count(*) as n from credit_overrides')).toBe(0);
  });
});
