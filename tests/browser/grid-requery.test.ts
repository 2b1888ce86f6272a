import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp } from '../helpers/browser';
import { setUpBackend } from '../helpers/backend';
import { makeAccounts } from '../helpers/allocation-data';

let page: Page;
let errors: string[];
let close: () => Promise<void>;
/** While set, accounts.list answers this many ms late, so the moment between click and answer can be looked at. */
let delayMs = 0;

const N = 250;
const grid = '[data-testid="accounts-grid"]';
const root = `${grid} .ag-root-wrapper`;
const nameAt = (i: number) => page.locator(`${grid} [role="row"][row-index="${i}"] [col-id="name"]`);

beforeAll(async () => {
  const t = await setUpBackend({ validateOutput: false });
  // Names run the other way from codes, so sorting by name visibly reorders the rows; every third is tier A.
  await makeAccounts(t.client, N, (i) => ({ name: `排序客户${String(N - i).padStart(3, '0')}`, tier: i % 3 === 0 ? 'A' : 'C' }));
  const app = await startApp(t);
  page = app.page;
  errors = app.errors;
  await page.route('**/rpc', async (route) => {
    if (delayMs && (route.request().postData() ?? '').includes('accounts.list')) await new Promise((r) => setTimeout(r, delayMs));
    await route.continue();
  });
  close = app.close;
});

afterAll(async () => {
  await close?.();
});

afterEach(async (ctx) => {
  delayMs = 0;
  if (ctx.task.result?.state === 'fail') await screenshot(page, `requery-failed-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
});

async function visibleNames(): Promise<string[]> {
  return page.locator(`${grid} [role="row"][row-index] [col-id="name"]`).allInnerTexts();
}

/** Waits for the request to be under way: the rows are marked out of date (a busy machine may take a moment to get there). */
async function inFlight(): Promise<void> {
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-busy') === 'true', root);
}

/** Waits for the answer: the rows are no longer marked out of date. */
async function answered(): Promise<void> {
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-busy') !== 'true', root);
}

describe('a sort or filter change in a server grid (accounts)', () => {
  it('keeps the old rows on screen, marked out of date, until the sorted rows arrive; selection follows the account', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#/accounts');
    await nameAt(0).waitFor();
    const before = await nameAt(0).innerText();
    // Select the first row's account: after the sort it must still be that account that is selected.
    await page.locator(`${grid} [role="row"][row-index="0"] [col-id="ag-Grid-SelectionColumn"] input`).click();
    await page.getByTestId('bulk-actions').waitFor();

    delayMs = 1500;
    await page.locator(`${grid} .ag-header-cell[col-id="name"] .ag-header-cell-label`).click();
    await inFlight();
    // Mid-flight: the old rows, dimmed and aria-busy, not loading rows.
    expect(await page.locator(root).getAttribute('class')).toContain('grid-stale');
    expect(await nameAt(0).innerText()).toBe(before);
    expect(await page.locator(`${grid} .ag-row-loading`).count()).toBe(0);
    await screenshot(page, 'requery-01-stale');

    await answered();
    const names = await visibleNames();
    expect(names[0]).toBe('排序客户001');
    expect(names.slice(0, 10)).toEqual([...names.slice(0, 10)].sort());
    expect(await page.locator(root).getAttribute('class')).not.toContain('grid-stale');
    await screenshot(page, 'requery-02-sorted');

    // Still one selected, and no other visible row shows as selected.
    expect(await page.getByTestId('bulk-actions').innerText()).toContain('1');
    const checked = await page.locator(`${grid} [role="row"][row-index]:has([col-id="ag-Grid-SelectionColumn"] input:checked) [col-id="name"]`).allInnerTexts();
    expect(checked.every((n) => n === before)).toBe(true);
    await page.getByTestId('bulk-actions').getByRole('button').last().click();
  });

  it('a filter keeps the rows until the matching ones arrive, and the count follows', async () => {
    const countBefore = await page.getByTestId('accounts-count').innerText();
    delayMs = 1500;
    await page.locator(`${grid} .ag-header-cell[col-id="tier"] .ag-header-cell-filter-button`).click();
    await page.locator('.ag-filter').getByText('A 重要', { exact: true }).click();
    await inFlight();
    expect(await page.locator(`${grid} .ag-row-loading`).count()).toBe(0);
    await answered();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('accounts-count').innerText()).not.toBe(countBefore);
    expect(await page.getByTestId('accounts-count').innerText()).toContain(String(Math.ceil(N / 3)));
    const tiers = await page.locator(`${grid} [role="row"][row-index] [col-id="tier"]`).allInnerTexts();
    expect(tiers.length).toBeGreaterThan(0);
    expect(tiers.every((x) => x.includes('A'))).toBe(true);
    // Back to every account.
    await page.locator(`${grid} .ag-header-cell[col-id="tier"] .ag-header-cell-filter-button`).click();
    await page.locator('.ag-filter').getByText('A 重要', { exact: true }).click();
    await answered();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('accounts-count').innerText()).toBe(countBefore);
  });

  it('sorting from the keyboard keeps the focus on the header', async () => {
    await page.locator(`${grid} .ag-header-cell[col-id="code"]`).focus();
    await page.keyboard.press('Enter');
    await answered();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ag-header-cell')?.getAttribute('col-id') ?? null)).toBe('code');
    await expect.poll(async () => (await visibleNames())[0]).toBe(`排序客户${String(N).padStart(3, '0')}`);
  });

  it('a grid scrolled down sorts from the top, with the new rows', async () => {
    const viewport = page.locator(`${grid} .ag-body-vertical-scroll-viewport`);
    await viewport.evaluate((el) => el.scrollTo(0, 3000));
    await nameAt(100).waitFor();
    await page.locator(`${grid} .ag-header-cell[col-id="name"] .ag-header-cell-label`).click();
    await answered();
    await expect.poll(() => nameAt(0).innerText()).toBe('排序客户001');
    expect(await viewport.evaluate((el) => el.scrollTop)).toBe(0);
  });

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});
