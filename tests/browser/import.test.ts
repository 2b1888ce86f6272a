import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp } from '../helpers/browser';
import { setUpBackend } from '../helpers/backend';
import { creditCode, writeGbkCsv, writeXlsx } from '../helpers/import-files';

let page: Page;
let errors: string[];
let t: Awaited<ReturnType<typeof setUpBackend>>;
let close: () => Promise<void>;

const CC1 = creditCode('91330106MA27XXXX0');
const CC2 = creditCode('91330200MA2AYYYY1');
const BAD = `${CC2.slice(0, 17)}${CC2[17] === '1' ? '2' : '1'}`;

beforeAll(async () => {
  t = await setUpBackend({ validateOutput: false });
  await t.client.call('imports.run', { path: writeGbkCsv(t.dir, 'reps.csv', [['工号', '姓名'], ['E1', '张三'], ['E2', '李四']]), kind: 'reps' });
  await t.client.call('imports.run', { path: writeGbkCsv(t.dir, 'old.csv', [['客户名称'], ['绍兴纺织有限公司']]), kind: 'accounts' });
  const app = await startApp(t);
  page = app.page;
  errors = app.errors;
  close = app.close;
});

afterAll(async () => {
  await close?.();
});

const count = (sql: string) => (t.core.sqlite.prepare(sql).get() as { n: number }).n;

async function gridRows(p: Page): Promise<number> {
  const attr = await p.locator('[data-testid="import-rows"] [role="grid"], [data-testid="import-rows"] [role="treegrid"]').first().getAttribute('aria-rowcount');
  return Number(attr ?? 0) - 1;
}

async function upload(p: Page, path: string, shot?: string): Promise<void> {
  await p.getByTestId('nav-import').click();
  await p.getByTestId('import-drop').waitFor();
  if (shot) await screenshot(p, shot);
  await p.locator('[data-testid="import-drop"] input[type="file"]').setInputFiles(path);
  await p.getByTestId('import-preview').waitFor({ timeout: 60_000 });
}

describe('导入 wizard in Chromium', () => {
  it('imports a GBK CSV: detects the encoding, maps, shows errors, fixes inline, skips duplicates, commits and undoes', async () => {
    const csv = writeGbkCsv(t.dir, '华东客户.csv', [
      ['客户名称', '统一社会信用代码', '联系电话', '业务员', '信用额度（万元）'],
      ['杭州星河科技有限公司', CC1, '138-0013-8000', '张三', '10'],
      ['宁波海港贸易有限公司', BAD, '0574-88886666', '李四', '5'],
      ['温州鞋业有限公司', '', '13700137000', '张三丰', '2'],
      ['绍兴纺织有限公司', '', '', '李四', ''],
    ]);
    await page.getByTestId('nav-import').waitFor({ timeout: 60_000 });
    await upload(page, csv, 'import-00-start');
    await page.getByText('GB18030').first().waitFor();
    await expect(page.getByTestId('import-preview').getByText('杭州星河科技有限公司').count()).resolves.toBe(1);
    await screenshot(page, 'import-01-sheet');

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    await expect(page.getByTestId('import-field-D').innerText()).resolves.toContain('业务员');
    await screenshot(page, 'import-02-mapping');

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="import-rows"] [role="row"][row-index]').first().waitFor();
    await screenshot(page, 'import-03-validate');
    await page.getByTestId('import-filter').getByText('仅错误').click();
    await expect.poll(() => gridRows(page)).toBe(2);

    // The error report for the rep, before anything is fixed.
    await page.getByTestId('import-error-report').click();
    const link = page.getByTestId('import-error-report-link');
    await link.waitFor();
    const report = await page.evaluate(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength, (await link.getAttribute('href'))!);
    expect(report).toBeGreaterThan(3000);

    // A near miss: one click takes the suggestion.
    await page.getByTestId('import-suggestion').first().click();
    await expect.poll(() => gridRows(page)).toBe(1);
    // The wrong check character: corrected in the cell.
    const cell = page.locator('[data-testid="import-rows"] [role="gridcell"][col-id="c1"]').first();
    await cell.dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(CC2);
    await page.keyboard.press('Enter');
    await expect.poll(() => gridRows(page)).toBe(0);
    await page.getByTestId('import-filter').getByText('全部').click();
    await expect.poll(() => gridRows(page)).toBe(4);
    await screenshot(page, 'import-04-fixed');

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-plan').waitFor();
    await expect(page.getByTestId('import-plan-create').innerText()).resolves.toBe('3');
    await expect(page.getByTestId('import-plan-skip').innerText()).resolves.toBe('1');
    await screenshot(page, 'import-05-dryrun');
    expect(count(`select count(*) as n from accounts`)).toBe(1);

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await screenshot(page, 'import-06-done');
    expect(count(`select count(*) as n from accounts`)).toBe(4);
    expect(t.core.sqlite.prepare(`select r.name from accounts a join reps r on r.id = a.owner_rep_id where a.name = '温州鞋业有限公司'`).get()).toEqual({ name: '张三' });
    expect(t.core.sqlite.prepare(`select credit_code from accounts where name = '宁波海港贸易有限公司'`).get()).toEqual({ credit_code: CC2 });

    await page.getByRole('tab', { name: '导入历史' }).click();
    const history = page.getByTestId('import-history');
    await history.getByText('华东客户.csv').waitFor();
    await screenshot(page, 'import-07-history');
    await history.locator('tr', { hasText: '华东客户.csv' }).getByRole('button', { name: '撤销这次导入' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await history.locator('tr', { hasText: '华东客户.csv' }).getByText('已撤销').waitFor();
    await screenshot(page, 'import-08-undone');
    expect(count(`select count(*) as n from accounts`)).toBe(1);
  });

  it('imports an xlsx with a title row, a merged two-row header and vertical merges', async () => {
    await t.client.call('imports.run', { path: writeGbkCsv(t.dir, 'acc2.csv', [['客户名称'], ['杭州星河科技有限公司'], ['宁波海港贸易有限公司']]), kind: 'accounts' });
    const file = await writeXlsx(
      t.dir,
      '11月回款.xlsx',
      [
        ['2026年11月回款明细', null, null, null],
        ['客户名称', '回款', null, '备注'],
        [null, '日期', '金额', null],
        ['杭州星河科技有限公司', '2026年11月2日', '¥12,800.00', '首付款'],
        [null, '2026/11/20', '1.5万', '尾款'],
        ['宁波海港贸易有限公司', '20261105', 3000, null],
      ],
      { merges: ['A1:D1', 'B2:C2', 'A2:A3', 'D2:D3', 'A4:A5'], sheet: '回款' },
    );
    await page.getByRole('tab', { name: '导入向导' }).click();
    await page.getByTestId('import-another').click().catch(() => {});
    await page.getByTestId('import-kind').getByText('回款').click();
    await upload(page, file);
    await expect(page.locator('input[data-testid="import-header-row"], [data-testid="import-header-row"] input').first().inputValue()).resolves.toBe('2');
    await expect(page.locator('input[data-testid="import-two-rows"], [data-testid="import-two-rows"] input').first().isChecked()).resolves.toBe(true);
    await page.getByTestId('import-preview').getByText('同上').first().waitFor();
    await screenshot(page, 'import-11-merged-sheet');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').getByText('回款/金额').waitFor();
    await screenshot(page, 'import-12-merged-mapping');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="import-rows"] [role="row"][row-index]').first().waitFor();
    await screenshot(page, 'import-13-merged-validate');
    await page.getByTestId('import-next').click();
    await expect(page.getByTestId('import-plan-create').innerText()).resolves.toBe('3');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await screenshot(page, 'import-14-merged-done');
    expect(t.core.sqlite.prepare(`select a.name, p.received_on, p.amount_fen from payments p join accounts a on a.id = p.account_id order by p.received_on`).all()).toEqual([
      { name: '杭州星河科技有限公司', received_on: '2026-11-02', amount_fen: 1_280_000 },
      { name: '宁波海港贸易有限公司', received_on: '2026-11-05', amount_fen: 300_000 },
      { name: '杭州星河科技有限公司', received_on: '2026-11-20', amount_fen: 1_500_000 },
    ]);
  });

  it('assigns owners to new accounts by the allocation rules: the rule per row, the dry run per rep, then the commit', async () => {
    const east = await t.client.call('territories.create', { name: '华东', code: 'EAST' });
    const reps = await t.client.call('reps.list', {});
    const ids = ['张三', '李四'].map((n) => reps.find((r) => r.name === n)!.id);
    await t.client.call('allocationRules.create', { name: '华东轮询', match: { territoryIds: [east.id] }, targetRepIds: ids, strategy: 'round_robin' });
    const csv = writeGbkCsv(t.dir, '展会客户.csv', [
      ['客户名称', '区域'],
      ['嘉兴展会甲公司', '华东'],
      ['嘉兴展会乙公司', '华东'],
      ['外地展会丙公司', ''],
    ]);
    await page.getByRole('tab', { name: '导入向导' }).click();
    await page.getByTestId('import-another').click().catch(() => {});
    await page.getByTestId('import-kind').getByText('客户').first().click();
    await upload(page, csv);
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-assign-owners').click();
    const owner = page.locator('[data-testid="import-rows"] [role="gridcell"][col-id="owner"]');
    await expect.poll(async () => (await owner.allInnerTexts()).join('|')).toBe('张三（华东轮询）|李四（华东轮询）|公海（无匹配规则，进入公海）');
    await screenshot(page, 'import-21-allocation-validate');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-allocation').waitFor();
    await expect(page.getByTestId('import-allocation-totals').innerText()).resolves.toContain('分配 2 个，留在公海 1 个');
    await expect.poll(() => page.getByTestId('import-allocation-row').count()).toBe(3);
    await expect(page.getByTestId('import-allocation-row').first().innerText()).resolves.toContain('嘉兴展会甲公司 → 张三');
    await screenshot(page, 'import-22-allocation-dryrun');
    expect(count(`select count(*) as n from accounts where name like '%展会%'`)).toBe(0);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(t.core.sqlite.prepare(`select a.name, r.name as owner, t.kind from accounts a left join reps r on r.id = a.owner_rep_id left join account_transfers t on t.account_id = a.id where a.name like '%展会%' order by a.name`).all()).toEqual([
      { name: '嘉兴展会乙公司', owner: '李四', kind: 'auto' },
      { name: '嘉兴展会甲公司', owner: '张三', kind: 'auto' },
      { name: '外地展会丙公司', owner: null, kind: null },
    ]);
  });

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});
