import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp } from '../helpers/browser';
import { setUpBackend } from '../helpers/backend';
import { giveReceivable, makeAccounts, makeRep, makeTerritories, openCase } from '../helpers/allocation-data';

let page: Page;
let errors: string[];
let t: Awaited<ReturnType<typeof setUpBackend>>;
let close: () => Promise<void>;
let codes: string[] = [];

beforeAll(async () => {
  t = await setUpBackend({ validateOutput: false });
  const terr = await makeTerritories(t.client);
  await makeRep(t.client, '张伟', { employeeNo: 'E001', capacity: 40, territoryId: terr.sh.id });
  await makeRep(t.client, '李娜', { employeeNo: 'E002', territoryId: terr.gz.id });
  await makeRep(t.client, '王芳', { employeeNo: 'E003', territoryId: terr.js.id });
  const accounts = await makeAccounts(t.client, 24, (i) => ({ territoryId: [terr.pd.id, terr.gz.id, terr.js.id][i % 3], tier: i % 5 === 0 ? 'A' : 'C', industry: i % 2 ? '制造业' : '零售' }));
  codes = accounts.map((a) => a.code);
  // The first account owes money past due, the second has an open case.
  giveReceivable(t.core, accounts[0]!.id, 1_250_000, '2026-10-01');
  openCase(t.core, accounts[1]!.id);
  await t.client.call('poolRules.create', { name: '30 天未跟进', noFollowupDays: 30, reminderDays: 5, claimDailyCap: 10, cooldownDays: 7 });
  const app = await startApp(t);
  page = app.page;
  errors = app.errors;
  close = app.close;
});

afterAll(async () => {
  await close?.();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `alloc-failed-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
});

const grid = '[data-testid="accounts-grid"]';
/** AG Grid 36 renders one element per row (pinned cells inside it): find it by its code cell. */
async function rowIndex(code: string): Promise<string> {
  return (await page.locator(`${grid} [role="row"][row-index]:has([col-id="code"]:text-is("${code}"))`).getAttribute('row-index'))!;
}
async function cell(code: string, col: string) {
  // Earlier steps may leave the grid scrolled sideways; the columns used here sit at the left.
  await page.evaluate(`document.querySelectorAll('${grid} .ag-body-horizontal-scroll-viewport, ${grid} .ag-center-cols-viewport').forEach((el) => { el.scrollLeft = 0; })`);
  await page.waitForTimeout(100);
  return page.locator(`${grid} [role="row"][row-index="${await rowIndex(code)}"] [col-id="${col}"]`);
}

async function pickOption(testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('the allocation cockpit in Chromium', () => {
  it('selects accounts, transfers them with a reason after the decision panel, and shows it in the grid and the timeline', async () => {
    await page.getByTestId('nav-accounts').click();
    await page.locator(`${grid} [role="row"][row-index="0"] [col-id="code"]`).waitFor();
    // The rows are sorted by name; select the first three codes by their checkbox (left pinned container).
    for (const code of codes.slice(0, 3)) {
      await page.locator(`${grid} [role="row"][row-index="${await rowIndex(code)}"] [col-id="ag-Grid-SelectionColumn"] input[type="checkbox"]`).check();
    }
    await page.getByTestId('bulk-actions').waitFor();
    expect(await page.getByTestId('bulk-actions').innerText()).toContain('已选 3 个');
    await screenshot(page, 'alloc-01-selection');
    await page.getByTestId('bulk-transfer').click();
    await pickOption('transfer-rep', '张伟');
    await page.getByTestId('decision-panel').waitFor();
    await page.getByTestId('warn-overdue').waitFor();
    expect(await page.getByTestId('warn-overdue').innerText()).toContain('12,500.00');
    expect(await page.getByTestId('warn-cases').innerText()).toContain('1 个客户有未结售后工单');
    const rows = await page.getByTestId('panel-rows').innerText();
    expect(rows).toContain(codes[0]);
    expect(rows).toContain('逾期');
    expect(rows).toContain('未结工单');
    expect(await page.getByTestId('panel-reps').innerText()).toMatch(/张伟[\s\S]*0 → 3/);
    await page.getByTestId('transfer-reason').locator('input').fill('区域调整');
    await screenshot(page, 'alloc-02-decision-panel');
    // Risky accounts: apply stays disabled until the warnings are acknowledged.
    expect(await page.getByTestId('transfer-apply').isDisabled()).toBe(true);
    await page.getByTestId('transfer-ack').check();
    await page.getByTestId('transfer-apply').click();
    await page.locator('.ant-notification-notice', { hasText: '已转移 3 个客户' }).waitFor();
    const owner = await cell(codes[0]!, 'ownerName');
    await page.waitForFunction((el) => el?.textContent === '张伟', await owner.elementHandle());
    await screenshot(page, 'alloc-03-grid-after-transfer');
    await (await cell(codes[0]!, 'territoryName')).click();
    await page.getByTestId('account-drawer-title').waitFor();
    expect(await page.getByTestId('drawer-owner').innerText()).toBe('张伟');
    await page.getByRole('tab', { name: '时间线' }).click();
    await page.getByText('转移：公海 → 张伟').waitFor();
    await screenshot(page, 'alloc-04-timeline');
    await page.keyboard.press('Escape');
    const history = await t.client.call('transfers.history', { accountId: (await t.client.call('accounts.resolve', { refs: [codes[0]!] })).ids[0]! });
    expect(history[0]).toMatchObject({ toName: '张伟', reason: '区域调整', kind: 'transfer' });
  });

  it('edits a cell in place with validation, and never the owner', async () => {
    const id = (await t.client.call('accounts.resolve', { refs: [codes[5]!] })).ids[0]!;
    const industry = await cell(codes[5]!, 'industry');
    await industry.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('行'.repeat(51));
    await page.keyboard.press('Enter');
    await page.locator('.ant-message-notice', { hasText: '最多 50 个字符' }).waitFor();
    expect((await t.client.call('accounts.get', { id })).account.industry).toBe('制造业');
    await page.waitForFunction((el) => el?.textContent === '制造业', await industry.elementHandle());
    await industry.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('医疗器械');
    await page.keyboard.press('Enter');
    await page.locator('.ant-message-notice', { hasText: '已保存' }).waitFor();
    expect((await t.client.call('accounts.get', { id })).account.industry).toBe('医疗器械');
    await screenshot(page, 'alloc-04b-inline-edit');
    // Keyboard: from the industry cell, three cells left is the owner; F2 (edit) does nothing there.
    await page.keyboard.press('Escape');
    await (await cell(codes[5]!, 'industry')).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    expect(await page.locator(`${grid} .ag-cell-focus`).getAttribute('col-id')).toBe('ownerName');
    await page.keyboard.press('F2');
    expect(await page.locator(`${grid} .ag-cell-inline-editing`).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('previews auto-allocation, applies it and undoes it', async () => {
    const east = (await t.client.call('territories.list', {})).find((x) => x.name === '华东')!;
    const reps = await t.client.call('reps.list', {});
    const id = (name: string) => reps.find((r) => r.name === name)!.id;
    await t.client.call('allocationRules.create', { name: '华东轮流', match: { territoryIds: [east.id] }, targetRepIds: [id('张伟'), id('王芳')] });
    await t.client.call('allocationRules.create', { name: '制造业', match: { industries: ['制造业'] }, targetRepIds: [id('李娜')], strategy: 'single' });
    const before = (await t.client.call('accounts.list', { limit: 100 })).items.map((a): [string, string | null] => [a.id, a.ownerRepId]);
    await page.getByTestId('nav-allocation').click();
    await page.getByTestId('alloc-tab-rules').click();
    await page.getByTestId('rules-table').waitFor();
    await screenshot(page, 'alloc-05-rules');
    await page.getByTestId('allocation-preview').click();
    await page.getByTestId('allocation-preview-result').waitFor();
    const text = await page.getByTestId('allocation-preview-result').innerText();
    expect(text).toMatch(/华东轮流: \d+/);
    expect(text).toContain('无匹配规则的客户');
    await screenshot(page, 'alloc-06-preview');
    await page.getByTestId('allocation-apply').click();
    const notice = page.locator('.ant-notification-notice', { hasText: '已分配' });
    await notice.waitFor();
    const after = (await t.client.call('accounts.list', { limit: 100 })).items;
    expect(after.filter((a) => a.ownerRepId !== null).length).toBeGreaterThan(before.filter(([, o]) => o !== null).length);
    await screenshot(page, 'alloc-07-applied');
    await notice.getByTestId('undo-notice').click();
    await page.locator('.ant-message-notice', { hasText: '已撤销' }).waitFor();
    const undone = (await t.client.call('accounts.list', { limit: 100 })).items.map((a): [string, string | null] => [a.id, a.ownerRepId]);
    expect(new Map(undone)).toEqual(new Map(before));
    await page.getByTestId('alloc-tab-journals').click();
    await page.getByTestId('journals-table').getByText('已撤销').first().waitFor();
    await screenshot(page, 'alloc-08-journals');
  });

  it('reminds before reclaim, previews the reclaim with receivables and cases held, and runs it', async () => {
    // The three accounts transferred on 2026-11-23 fall due on 2026-12-23 (30 days), reminded from 12-18.
    t.clock.set('2026-12-20T02:00:00Z');
    await page.getByTestId('alloc-tab-overview').click();
    await page.getByTestId('alloc-tab-pool').click();
    await page.getByTestId('pool-reminders').getByText('剩 3 天').first().waitFor();
    expect(await page.getByTestId('pool-reminders').locator('tbody tr').count()).toBe(3);
    await screenshot(page, 'alloc-09-pool-reminders');
    t.clock.set('2026-12-23T02:00:00Z');
    await page.getByTestId('reclaim-preview').click();
    await page.getByTestId('decision-panel').waitFor();
    expect(await page.getByText('将回收 1 个客户；2 个有未结应收或工单').count()).toBe(1);
    await page.getByTestId(`confirm-${codes[1]}`).check();
    await screenshot(page, 'alloc-10-reclaim-preview');
    await page.getByTestId('reclaim-run').click();
    await page.locator('.ant-notification-notice', { hasText: '已回收 2 个客户，1 个未确认保留' }).waitFor();
    const owners = new Map((await t.client.call('accounts.list', { limit: 100 })).items.map((a) => [a.code, a.ownerName]));
    expect([owners.get(codes[0]!), owners.get(codes[1]!), owners.get(codes[2]!)]).toEqual(['张伟', null, null]);
  });

  it('shows reps with their load and the handover, and the territory tree', async () => {
    await page.getByTestId('alloc-tab-reps').click();
    await page.getByTestId('reps-table').getByText('张伟').waitFor();
    await screenshot(page, 'alloc-11-reps');
    await page.getByTestId('reps-table').locator('tr', { hasText: '张伟' }).getByRole('button', { name: /离职交接/ }).click();
    await page.getByTestId('decision-panel').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'alloc-12-handover');
    await page.keyboard.press('Escape');
    await page.getByTestId('alloc-tab-territories').click();
    await page.getByTestId('territory-浦东').waitFor();
    await screenshot(page, 'alloc-13-territories');
    await page.getByTestId('alloc-tab-overview').click();
    await page.getByText('业务员负载').waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'alloc-14-overview');
  });

  it('logs a follow-up from the account drawer, which moves the last follow-up', async () => {
    await page.getByTestId('nav-accounts').click();
    await (await cell(codes[0]!, 'code')).click();
    await page.getByTestId('drawer-followup').click();
    await page.getByTestId('followup-notes').fill('电话沟通回款计划');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message-notice', { hasText: '已记录跟进' }).waitFor();
    await page.getByRole('tab', { name: '时间线' }).click();
    await page.getByText('电话（2026-12-23）：电话沟通回款计划').waitFor();
    await screenshot(page, 'alloc-15-followup');
    const id = (await t.client.call('accounts.resolve', { refs: [codes[0]!] })).ids[0]!;
    expect((await t.client.call('accounts.get', { id })).account).toMatchObject({ lastFollowupOn: '2026-12-23', reclaimOn: '2027-01-22' });
    await page.keyboard.press('Escape');
  });

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});
