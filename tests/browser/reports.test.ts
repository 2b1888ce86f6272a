import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp } from '../helpers/browser';
import { setUpBackend } from '../helpers/backend';
import { buildReportWorld } from '../helpers/report-world';

let page: Page;
let errors: string[];
let t: Awaited<ReturnType<typeof setUpBackend>>;
let close: () => Promise<void>;

beforeAll(async () => {
  t = await setUpBackend({ validateOutput: false });
  const w = buildReportWorld(t.core);
  await t.client.call('targets.upsert', {
    items: [
      { repId: w.rep.zhang, period: '2026-Q4', measure: 'sales', value: 60_000_000 },
      { repId: w.rep.li, period: '2026-11', measure: 'sales', value: 8_000_000 },
    ],
  });
  const app = await startApp(t);
  page = app.page;
  errors = app.errors;
  close = app.close;
});

afterAll(async () => {
  await close?.();
});

describe('报表 page in Chromium', () => {
  it('exports a workbook and offers it for download', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('export-run').waitFor();
    await screenshot(page, 'reports-01-export');
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 });
    const href = await page.getByTestId('export-result').getByTestId('export-download').getAttribute('href');
    expect(href).toMatch(/^\/download\?token=.+&path=.+%E4%B8%9A%E7%BB%A9/);
    const res = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, size: (await r.arrayBuffer()).byteLength };
    }, href!);
    expect(res.status).toBe(200);
    expect(res.size).toBeGreaterThan(5000);
    await page.getByTestId('recent-exports').getByText('业绩完成情况').first().waitFor();
    await screenshot(page, 'reports-02-exported');
    const recent = await t.client.call('reports.recent', {});
    expect(recent).toHaveLength(1);
    expect(existsSync(recent[0]!.file)).toBe(true);
  });

  it('shows the leaderboard, attainment and a scorecard', async () => {
    await page.getByRole('tab', { name: '完成率与排行' }).click();
    const board = page.getByTestId('leaderboard');
    await board.getByText('李四').waitFor();
    const names = await board.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(names.slice(0, 3)).toEqual(['李四', '张三', '王五']);
    await expect(page.getByTestId('attainment').getByText('70.0%').count()).resolves.toBe(1);
    await screenshot(page, 'reports-03-performance');
    await board.getByText('张三').click();
    await page.getByText('记分卡 · 张三').waitFor();
    await screenshot(page, 'reports-04-scorecard');
    await page.keyboard.press('Escape');
  });

  it('edits targets in the grid and saves them in one call', async () => {
    await page.getByRole('tab', { name: '目标' }).click();
    const grid = page.getByTestId('targets-grid');
    // The owner column is pinned (its own row container): find 王五's row index there, then the year cell.
    const pinned = grid.locator('[role="row"]:has-text("王五")').first();
    await pinned.waitFor();
    const rowIndex = await pinned.getAttribute('row-index');
    const cell = grid.locator(`[role="row"][row-index="${rowIndex}"] [col-id="2026"]`);
    await cell.waitFor();
    await cell.click();
    await page.keyboard.type('12345.6');
    await page.keyboard.press('Enter');
    await page.getByTestId('targets-save').click();
    await page.getByText('已保存：新建 1').waitFor();
    await screenshot(page, 'reports-05-targets');
    const list = await t.client.call('targets.list', { year: 2026, measure: 'sales' });
    expect(list.find((x) => x.repName === '王五')).toMatchObject({ period: '2026', value: 1_234_560, split: 'even' });
  });

  it('schedules an export', async () => {
    await page.getByRole('tab', { name: '定时导出' }).click();
    await page.getByTestId('schedule-add').click();
    await page.getByLabel('名称').fill('每月业绩');
    await page.getByRole('button', { name: /确\s?定|OK/ }).click();
    await page.getByText('每月业绩').waitFor();
    await screenshot(page, 'reports-06-schedules');
    const s = await t.client.call('scheduledExports.list', {});
    expect(s.map((x) => [x.name, x.report, x.schedule, x.period])).toEqual([['每月业绩', 'rep-performance', 'monthly', 'last-month']]);
  });

  it('exports the accounts grid as it is filtered', async () => {
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-search').locator('input').fill('上海');
    await page.waitForTimeout(800);
    await page.getByTestId('accounts-export-view').click();
    await page.getByText(/已导出 1 行/).waitFor({ timeout: 60_000 });
    const recent = await t.client.call('reports.recent', {});
    expect(recent[0]!.name).toMatch(/^客户列表_/);
    expect(errors).toEqual([]);
  });
});
