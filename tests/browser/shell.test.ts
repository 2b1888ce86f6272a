import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp } from '../helpers/browser';
import { testBackend } from '../helpers/backend';

let page: Page;
let errors: string[];
let close: () => Promise<void>;

beforeAll(async () => {
  const t = testBackend({ validateOutput: false });
  const app = await startApp(t);
  page = app.page;
  errors = app.errors;
  close = app.close;
});

afterAll(async () => {
  await close?.();
});

const GRID = '[data-testid="accounts-grid"] [role="grid"], [data-testid="accounts-grid"] [role="treegrid"]';

/**
 * The grid's row count once it is known and `ok` holds for it (aria-rowcount is -1 until the grid knows
 * its last row, which can be a frame after the first rows are drawn).
 */
async function gridRowCount(p: Page, ok: (n: number) => boolean = () => true): Promise<number> {
  let n = -1;
  await expect.poll(async () => {
    n = Number((await p.locator(GRID).first().getAttribute('aria-rowcount')) ?? -1);
    return n > 0 && ok(n);
  }).toBe(true);
  return n;
}

describe('the app shell in Chromium', () => {
  it('offers demo data on first run and loads it', async () => {
    await page.getByTestId('welcome').waitFor();
    await screenshot(page, 'shell-01-welcome');
    await page.getByTestId('welcome-demo').click();
    await page.getByTestId('nav-accounts').waitFor({ timeout: 120_000 });
    await screenshot(page, 'shell-02-home');
  });

  it('shows the accounts grid, sorts, filters and opens an account', async () => {
    await page.getByTestId('nav-accounts').click();
    const firstCell = page.locator('[data-testid="accounts-grid"] [role="row"][row-index="0"] [col-id="name"]');
    await firstCell.waitFor();
    const total = await gridRowCount(page);
    expect(total).toBeGreaterThan(1000);
    await screenshot(page, 'shell-03-accounts');
    // Tag cells carry their tags as a tooltip (a narrow column cuts them off).
    const tier = page.locator('[data-testid="accounts-grid"] [role="row"][row-index="0"] [col-id="tier"] span[title]').first();
    expect(await tier.getAttribute('title')).toBe(await tier.innerText());

    // Sort by name descending (click the header twice) and check the order in the first rows.
    const header = page.locator('[data-testid="accounts-grid"] .ag-header-cell[col-id="name"]');
    await header.click();
    await page.waitForTimeout(300);
    await header.click();
    await page.waitForFunction(() => document.querySelector('[col-id="name"][aria-sort="descending"]') !== null);
    await page.waitForTimeout(500);
    const names = await page.locator('[data-testid="accounts-grid"] [role="row"][row-index] [col-id="name"]').allInnerTexts();
    const top = names.slice(0, 5);
    expect(top.length).toBe(5);
    expect([...top].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(top.slice().sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

    // Quick search narrows the grid in SQL.
    const needle = top[0]!.slice(0, 4);
    await page.getByTestId('accounts-search').locator('input').fill(needle);
    await page.waitForFunction(
      (n) => {
        const cells = [...document.querySelectorAll('[data-testid="accounts-grid"] [role="row"][row-index] [col-id="name"]')];
        return cells.length > 0 && cells.every((c) => (c.textContent ?? '').includes(n));
      },
      needle,
      { timeout: 10_000 },
    );
    expect(await gridRowCount(page, (n) => n < total)).toBeLessThan(total);

    // Open the first account's drawer.
    await page.locator('[data-testid="accounts-grid"] [role="row"][row-index="0"] [col-id="name"]').click();
    await page.getByTestId('account-drawer-title').waitFor();
    expect(await page.getByTestId('account-drawer-title').innerText()).toContain(needle);
    await screenshot(page, 'shell-04-account-drawer');
    await page.keyboard.press('Escape');
  });

  it('switches the language to English and remembers it', async () => {
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('nav-accounts').getByText('Accounts').waitFor();
    await page.reload();
    await page.getByTestId('nav-accounts').getByText('Accounts').waitFor();
    await screenshot(page, 'shell-05-english');
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('nav-accounts').getByText('客户').waitFor();
  });

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});
