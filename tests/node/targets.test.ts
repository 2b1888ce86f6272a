import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { buildReportWorld, type World } from '../helpers/report-world';

type T = Awaited<ReturnType<typeof setUpBackend>>;
let t: T;
let w: World;

beforeEach(async () => {
  t = await setUpBackend();
  w = buildReportWorld(t.core);
  await t.client.call('targets.upsert', {
    items: [
      { repId: w.rep.zhang, period: '2026-Q4', measure: 'sales', value: 60_000_000 },
      { repId: w.rep.zhang, period: '2026-11', measure: 'collections', value: 10_000_000 },
      { repId: w.rep.zhang, period: '2026-11', measure: 'followups', value: 10 },
      { repId: w.rep.li, period: '2026-11', measure: 'sales', value: 8_000_000 },
      { repId: w.rep.li, period: '2026', measure: 'collections', value: 120_000_000 },
      { territoryId: w.territory.south, period: '2026-11', measure: 'sales', value: 5_000_000 },
    ],
  });
});
afterEach(() => t.close());

type Row = { measures: { measure: string; actual: number; ratio: number | null; ptdRatio: number | null }[] };
const m = (row: Row | undefined, measure: string) => row?.measures.find((x) => x.measure === measure);

describe('targets', () => {
  it('computes attainment against hand-worked figures', async () => {
    const r = await t.client.call('targets.attainment', { period: '2026-11' });
    expect(r.asOf).toBe('2026-11-23');
    const zhang = r.reps.find((x) => x.name === '张三');
    const li = r.reps.find((x) => x.name === '李四');
    const wang = r.reps.find((x) => x.name === '王五');
    expect(r.reps.map((x) => x.name)).not.toContain('赵六');
    // 张三: sales 100,000 + 50,000 − 10,000 return = 140,000 vs the Q4 target's November share 200,000.
    expect(m(zhang, 'sales')).toMatchObject({ actual: 14_000_000, target: 20_000_000, ratio: 0.7, band: 'red', ptdTarget: 15_333_333, forecast: 18_260_870 });
    expect(m(zhang, 'sales')!.ptdRatio).toBeCloseTo(14_000_000 / 15_333_333, 9);
    expect(m(zhang, 'orders')).toMatchObject({ actual: 2, target: null, targetSet: false });
    expect(m(zhang, 'collections')).toMatchObject({ actual: 3_000_000, target: 10_000_000, ratio: 0.3 });
    expect(m(zhang, 'followups')).toMatchObject({ actual: 3, target: 10 });
    expect(m(zhang, 'new_accounts')?.actual).toBe(0);
    expect(m(li, 'sales')).toMatchObject({ actual: 8_000_000, target: 8_000_000, ratio: 1, band: 'green' });
    // 李四's collections: SO-3 has no rep (→ owner) 40,000 + 10,000 unallocated; the year target's November share is 100,000.
    expect(m(li, 'collections')).toMatchObject({ actual: 5_000_000, target: 10_000_000, ratio: 0.5 });
    expect(m(li, 'new_accounts')?.actual).toBe(1);
    expect(m(wang, 'sales')).toMatchObject({ actual: 0, target: null, targetSet: false, ratio: null, band: 'none' });
    expect(m(wang, 'new_accounts')?.actual).toBe(1);
    const sh = r.territories.find((x) => x.name === '上海');
    expect(sh?.targetFrom).toBe('reps');
    expect(m(sh, 'sales')).toMatchObject({ actual: 22_000_000, target: 28_000_000 });
    const east = r.territories.find((x) => x.name === '华东');
    expect(m(east, 'sales')?.actual).toBe(22_000_000);
    const south = r.territories.find((x) => x.name === '华南');
    expect(south?.targetFrom).toBe('node');
    expect(m(south, 'sales')).toMatchObject({ actual: 0, target: 5_000_000, ratio: 0 });
  });

  it('ranks the leaderboard by attainment and by amount with rank change', async () => {
    const byRatio = await t.client.call('targets.leaderboard', { period: '2026-11', measure: 'sales', by: 'attainment' });
    expect(byRatio.previousPeriod.key).toBe('2026-10');
    expect(byRatio.rows.map((r) => [r.repName, r.rank, r.previousRank, r.change])).toEqual([
      ['李四', 1, null, null],
      ['张三', 2, 1, -1],
      ['王五', null, null, null],
    ]);
    const byAmount = await t.client.call('targets.leaderboard', { period: '2026-11', measure: 'sales', by: 'amount' });
    expect(byAmount.rows.map((r) => [r.repName, r.rank, r.previousRank, r.change, r.actual, r.previousActual])).toEqual([
      ['张三', 1, 1, 0, 14_000_000, 6_000_000],
      ['李四', 2, 3, 1, 8_000_000, 0],
      ['王五', 3, 2, -1, 0, 4_000_000],
    ]);
  });

  it('builds a scorecard with trend and book health', async () => {
    const s = await t.client.call('targets.scorecard', { period: 'this-month', repId: w.rep.zhang, trendPeriods: 2 });
    expect(s.period.key).toBe('2026-11');
    expect(s.trend.map((x) => x.period.key)).toEqual(['2026-09', '2026-10']);
    expect(s.trend[1]!.values.find((v) => v.measure === 'sales')).toMatchObject({ actual: 6_000_000, target: 20_000_000, ratio: 0.3 });
    const sales = s.measures.find((x) => x.measure === 'sales')!;
    expect([sales.rank, sales.rankOf]).toEqual([2, 3]);
    // 张三's book: A1 and the five hostile-named accounts; A1 owes SO-1 60,000 + SO-2 50,000 + SO-7 60,000.
    expect(s.book.accounts).toBe(6);
    expect(s.book.openReceivableFen).toBe(17_000_000);
    expect(s.book.overdueFen).toBe(8_000_000);
    expect(s.book.overdueShare).toBeCloseTo(8 / 17, 9);
    expect(s.book.openCases).toBe(1);
    expect(s.book.neverFollowedUp).toBe(5);
    expect(s.book.maxDaysSinceFollowup).toBe(3);
  });

  it('lists, updates, removes and refuses bad batches whole', async () => {
    const rows = await t.client.call('targets.list', { year: 2026, repId: w.rep.zhang });
    expect(rows.map((r) => `${r.period} ${r.measure} ${r.value}`)).toEqual(['2026-11 collections 10000000', '2026-11 followups 10', '2026-Q4 sales 60000000']);
    const q4 = rows.find((r) => r.period === '2026-Q4')!;
    expect(await t.client.call('targets.upsert', { items: [{ repId: w.rep.zhang, period: '2026-Q4', measure: 'sales', value: 60_000_000, version: q4.version }] })).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 1 });
    expect(await t.client.call('targets.upsert', { items: [{ repId: w.rep.zhang, period: '2026-q4', measure: 'sales', value: 90_000_000, split: 'seasonal', version: q4.version }] })).toMatchObject({ updated: 1 });
    await expect(t.client.call('targets.upsert', { items: [{ repId: w.rep.zhang, period: '2026-Q4', measure: 'sales', value: 1, version: q4.version }] })).rejects.toMatchObject({ code: 'CONFLICT' });
    const before = await t.client.call('targets.list', {});
    await expect(
      t.client.call('targets.upsert', {
        items: [
          { repId: w.rep.wang, period: '2026-11', measure: 'sales', value: 100 },
          { repId: 'no-such-rep', period: '2026-11', measure: 'sales', value: 100 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('第 2 行') });
    await expect(t.client.call('targets.upsert', { items: [{ repId: w.rep.wang, territoryId: w.territory.south, period: '2026-11', measure: 'sales', value: 1 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('targets.upsert', { items: [{ repId: w.rep.wang, period: '2026-13', measure: 'sales', value: 1 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('targets.upsert', { items: [{ repId: w.rep.wang, period: '2026-11', measure: 'sales', value: -5 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.client.call('targets.list', {})).toEqual(before);
    expect(await t.client.call('targets.upsert', { items: [{ repId: w.rep.zhang, period: '2026-11', measure: 'followups', value: null }] })).toMatchObject({ deleted: 1 });
    const audit = await t.client.call('audit.list', { entityType: 'target' });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['target.create', 'target.update', 'target.delete']));
  });

  it('refuses an unknown period word with a clear message', async () => {
    await expect(t.client.call('targets.attainment', { period: 'next-month' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
