import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkCounts } from '../../shared/contract/dashboard';
import { WORK_QUEUES, type WorkQueue } from '../../shared/domain/work-queues';
import { screenshot, startApp } from '../helpers/browser';
import { setUpBackend } from '../helpers/backend';
import { buildDashboardWorld } from '../helpers/dashboard-world';

/**
 * 工作台 in Chromium against the loopback backend with a small demo company: the greeting and date, the
 * work-queue counts (each must equal the rows of the grid its tile opens), the four charts drawn, and the
 * page in Chinese and English. Screenshots: .screenshots/dashboard-*.png.
 */
let page: Page;
let errors: string[];
let t: Awaited<ReturnType<typeof setUpBackend>>;
let counts: WorkCounts;
let close: () => Promise<void>;

beforeAll(async () => {
  t = await setUpBackend({ validateOutput: false });
  await buildDashboardWorld(t);
  counts = (await t.client.call('dashboard.summary', {})).counts;
  const app = await startApp(t);
  page = app.page;
  errors = app.errors;
  close = app.close;
}, 180_000);

afterAll(async () => {
  await close?.();
});

const number = (text: string) => Number(/[\d,]+/.exec(text)?.[0]?.replaceAll(',', '') ?? NaN);

async function scrollToCharts(): Promise<void> {
  await page.locator('.ant-layout-content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForTimeout(300);
}

async function openDashboard(): Promise<void> {
  await page.getByTestId('nav-dashboard').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="work-pool-count"]')?.textContent?.match(/\d/));
}

/** The row count the grid page shows for the filter it was opened with, and the grid's own row count. */
async function gridCount(q: WorkQueue): Promise<{ shown: number; grid: number }> {
  const [label, grid] =
    q.path === '/accounts'
      ? ['accounts-count', 'accounts-grid']
      : q.path === '/orders'
        ? ['orders-count', 'orders-grid']
        : q.path === '/cases'
          ? ['cases-count', 'cases-grid']
          : ['instalments-count', 'instalments-grid'];
  const expected = counts[q.key];
  // Wait until the page has fetched with its filter (the label settles on the filtered total).
  await page.waitForFunction(
    ([id, n]) => {
      const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
      return Number(/[\d,]+/.exec(text)?.[0]?.replaceAll(',', '') ?? NaN) === n;
    },
    [label, expected] as const,
    { timeout: 20_000 },
  ).catch(() => undefined);
  const shown = number(await page.getByTestId(label).innerText());
  // AG Grid's own idea of the rows (aria-rowcount counts the header row too). It is -1 until the grid
  // knows its last row, which can be a frame after the label.
  let aria = -1;
  await expect
    .poll(async () => (aria = Number(await page.getByTestId(grid).locator('[role="treegrid"], [role="grid"]').first().getAttribute('aria-rowcount'))))
    .toBeGreaterThan(0);
  return { shown, grid: aria - 1 };
}

describe('工作台 in Chromium', () => {
  it('greets the user with today’s date and shows every work-queue count', async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid="work-pool-count"]')?.textContent?.match(/\d/), undefined, { timeout: 30_000 });
    expect(await page.getByTestId('dash-hello').innerText()).toBe('你好，管理员');
    expect(await page.getByTestId('dash-date').innerText()).toBe('2026年11月23日 星期一');
    for (const q of WORK_QUEUES) expect(number(await page.getByTestId(`work-${q.key}-count`).innerText()), q.key).toBe(counts[q.key]);
    await page.waitForTimeout(800);
    await screenshot(page, 'dashboard-zh');
    await scrollToCharts();
    await screenshot(page, 'dashboard-zh-charts');
    await page.locator('.ant-layout-content').evaluate((el) => el.scrollTo(0, 0));
  });

  it('draws the four charts with data', async () => {
    for (const id of ['chart-sales', 'chart-attainment', 'chart-aging', 'chart-sla']) {
      const chart = page.getByTestId(id);
      await chart.locator('canvas').waitFor();
      expect(Number(await chart.getAttribute('data-points')), id).toBeGreaterThan(0);
    }
  });

  it('opens each count as the filtered grid with exactly that many rows', async () => {
    for (const q of WORK_QUEUES) {
      await openDashboard();
      await page.getByTestId(`work-${q.key}`).click();
      await page.waitForFunction((path) => window.location.hash.startsWith(`#${path}?`), q.path);
      const url = new URL(`http://x/${(await page.evaluate(() => window.location.hash)).slice(2)}`);
      for (const [k, v] of Object.entries(q.params)) expect(url.searchParams.get(k), q.key).toBe(v);
      await page.getByTestId('work-filter-tag').waitFor();
      const { shown, grid } = await gridCount(q);
      expect(shown, `${q.key}: the page's count`).toBe(counts[q.key]);
      expect(grid, `${q.key}: the grid's rows`).toBe(counts[q.key]);
      if (q.key === 'pool' || q.key === 'overdueInstalments' || q.key === 'casesBreached') await screenshot(page, `dashboard-open-${q.key}`);
    }
  });

  it('drops the work-queue filter when its tag is closed', async () => {
    await openDashboard();
    await page.getByTestId('work-pool').click();
    await page.getByTestId('work-filter-tag').waitFor();
    await page.getByTestId('work-filter-tag').locator('.ant-tag-close-icon').click();
    const all = (await t.client.call('accounts.list', { offset: 0, limit: 1 })).total;
    await page.waitForFunction((n) => (document.querySelector('[data-testid="accounts-count"]')?.textContent ?? '').replaceAll(',', '').includes(String(n)), all);
    expect(await page.evaluate(() => window.location.hash)).toBe('#/accounts');
  });

  it('reads in English', async () => {
    await t.client.call('settings.update', { language: 'en' });
    await page.goto(`${page.url().split('#')[0]}#/dashboard`);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="work-pool-count"]')?.textContent?.match(/\d/), undefined, { timeout: 30_000 });
    expect(await page.getByTestId('dash-hello').innerText()).toBe('Hello, 管理员');
    expect(await page.getByTestId('dash-date').innerText()).toBe('Monday, 23 November 2026');
    expect(await page.getByTestId('work-pool').innerText()).toContain('In the pool');
    await page.waitForTimeout(800);
    await screenshot(page, 'dashboard-en');
    await scrollToCharts();
    await screenshot(page, 'dashboard-en-charts');
    await t.client.call('settings.update', { language: 'zh-CN' });
    expect(errors).toEqual([]);
  });
});
