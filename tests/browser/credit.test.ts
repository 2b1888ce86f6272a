import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByName, toSessionUser } from '../../electron/backend/services/users';
import { setUpBackend } from '../helpers/backend';
import { screenshot, startApp } from '../helpers/browser';
import { insertRep, setAccountOwner } from '../helpers/o2c';

let page: Page;
let errors: string[];
let url = '';
let close: () => Promise<void>;
let draft = { id: '', orderNo: '' };
let accountId = '';

/**
 * The credit check in Chromium: a coordinator confirms an order that takes the account over its limit →
 * refused with every reason → the manager types their own password on the coordinator's desktop →
 * confirmed as overridden; the order and the account timeline show it; the 信用 page grades accounts.
 * Screenshots: .screenshots/credit-*.png.
 */
beforeAll(async () => {
  const t = await setUpBackend({ validateOutput: false });
  await t.client.call('users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: 'wang-pass-1' });
  await t.client.call('users.create', { username: 'li', displayName: '李内勤', role: 'coordinator', password: 'li-pass-1' });
  const rep = insertRep(t.core, '张伟');
  const acct = await t.client.call('accounts.create', { name: '宁波远洋机电有限公司', tier: 'A' });
  accountId = acct.id;
  setAccountOwner(t.core, acct.id, rep);
  const first = await t.client.call('orders.create', { accountId: acct.id, orderedOn: '2026-10-20', lines: [{ description: '船用发电机组', quantity: 1, unitPriceFen: 46_820_000 }] });
  await t.client.call('orders.confirm', { id: first.order.order.id, version: first.order.order.version, confirmedOn: '2026-10-20' });
  await t.client.call('credit.updateProfile', { accountId: acct.id, version: null, limitFen: 50_000_000, policy: 'block', reason: '年度授信' });
  // Other accounts for the overview.
  for (const [name, tier] of [['杭州新材料科技', 'B'], ['苏州恒达贸易', 'C']] as const) {
    const a = await t.client.call('accounts.create', { name, tier });
    const o = await t.client.call('orders.create', { accountId: a.id, orderedOn: '2026-07-01', lines: [{ description: '配件', quantity: 3, unitPriceFen: 1_200_000 }] });
    await t.client.call('orders.confirm', { id: o.order.order.id, version: o.order.order.version, confirmedOn: '2026-07-01' });
  }
  const d = await t.client.call('orders.create', { accountId: acct.id, lines: [{ description: '备用螺旋桨', quantity: 2, unitPriceFen: 3_000_000 }] });
  draft = { id: d.order.order.id, orderNo: d.order.order.orderNo };
  // The coordinator is the one signed in on this desktop.
  t.backend.runtime.session.user = toSessionUser(findUserByName(t.core, 'li')!);
  const app = await startApp(t);
  page = app.page;
  errors = app.errors;
  url = app.url;
  close = app.close;
}, 180_000);

afterAll(async () => {
  await close?.();
});

describe('credit check and manager override in Chromium', () => {
  it('refuses an over-limit confirmation with every reason, and confirms it after a manager override', async () => {
    await page.goto(`${url}#/orders?open=${draft.id}`);
    await page.getByTestId('order-drawer-title').waitFor({ timeout: 60_000 });
    expect((await page.getByTestId('order-drawer-title').innerText()).trim()).toBe(draft.orderNo);
    await page.getByTestId('order-action-confirm').click();
    await page.getByTestId('order-action-ok').click();
    await page.getByTestId('credit-refusal').waitFor();
    const reasons = await page.getByTestId('refusal-reasons').innerText();
    expect(reasons).toContain('额度 500,000.00 元（客户档案），占用 468,200.00 元 + 本单 60,000.00 元 = 105.6%，超出 28,200.00 元');
    expect(reasons).toContain('占用 = 应收 0.00 元 + 已确认未开票 468,200.00 元');
    expect(await page.getByTestId('refusal-outcome').innerText()).toBe('拦截');
    await screenshot(page, 'credit-01-refused');

    await page.getByTestId('refusal-override').click();
    await page.getByTestId('override-username').fill('wang');
    await page.getByTestId('override-password').fill('wrong-password');
    await page.getByTestId('override-reason').fill('老客户，月底前回款 30 万');
    await page.getByTestId('override-ok').click();
    await page.locator('.ant-message', { hasText: '用户名或密码不正确' }).waitFor();
    await page.getByTestId('override-password').fill('wang-pass-1');
    await screenshot(page, 'credit-02-override');
    await page.getByTestId('override-ok').click();
    await page.locator('.ant-message', { hasText: '经理已审批' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="order-credit-status"]')?.textContent?.includes('经理审批放行'));
    await page.getByTestId('order-tab-credit').click();
    await page.getByTestId('order-credit-override').waitFor();
    expect(await page.getByTestId('order-credit-override').innerText()).toContain('王经理 ← 李内勤');
    expect(await page.getByTestId('order-credit-override').innerText()).toContain('老客户，月底前回款 30 万');
    await screenshot(page, 'credit-03-confirmed');
  });

  it('shows the check and the override on the account timeline, and the grade with its factors', async () => {
    await page.goto(`${url}#/accounts?open=${accountId}`);
    await page.getByTestId('account-drawer-title').waitFor({ timeout: 30_000 });
    await page.getByTestId('account-tab-timeline').click();
    const timeline = page.locator('.ant-drawer-body .ant-timeline');
    await timeline.waitFor();
    const text = await timeline.innerText();
    expect(text).toContain(`经理审批放行 ${draft.orderNo}：王经理（拦截）`);
    expect(text).toContain(`信用检查 ${draft.orderNo}（确认订单时）：拦截`);
    expect(text).toContain('信用档案修改');
    await screenshot(page, 'credit-04-account-timeline');
    await page.getByTestId('account-tab-credit').click();
    await page.getByTestId('credit-grade-factors').waitFor();
    expect(await page.getByTestId('credit-grade-factors').innerText()).toContain('额度使用率');
    await screenshot(page, 'credit-05-account-credit');
  });

  it('runs the grading on the 信用 page and opens a credit profile', async () => {
    await page.goto(`${url}#/credit`);
    await page.getByTestId('credit-run').waitFor({ timeout: 30_000 });
    await page.getByTestId('credit-run').click();
    await page.locator('[data-testid="credit-grid"] [role="row"][row-index="0"] [col-id="name"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="credit-last-run"]')?.textContent?.includes('尚未'));
    expect(await page.getByTestId('credit-stat-overLimit').innerText()).toContain('1');
    await screenshot(page, 'credit-06-overview');
    await page.locator('[data-testid="credit-grid"] [role="row"] [col-id="name"]', { hasText: '宁波远洋机电有限公司' }).click();
    await page.getByTestId('credit-drawer-title').waitFor();
    await page.getByTestId('credit-profile-check').waitFor();
    expect(await page.getByTestId('credit-profile-check').innerText()).toContain('超出');
    await screenshot(page, 'credit-07-profile');
    await page.goto(`${url}#/credit?tab=defaults`);
    await page.getByTestId('credit-defaults-save').waitFor();
    await screenshot(page, 'credit-08-defaults');
    expect(errors).toEqual([]);
  });
});
