import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates';
import { agingReport } from '../../electron/backend/services/ar-aging';
import { setUpBackend } from '../helpers/backend';
import { insertRep, insertTerritory, setAccountOwner } from '../helpers/o2c';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * Hand-computed fixture. One order per boundary day, each due on its confirmation date (plan "100% on
 * confirmation"), confirmed d days before the as-of date, with amounts that are powers of two so a
 * bucket's sum says exactly which orders landed in it:
 *   d:      0    1    30   31   60    61    90    91
 *   fen:    100  200  400  800  1600  3200  6400  12800
 * → not due 100 | 1-30 600 | 31-60 2400 | 61-90 9600 | 90+ 12800, total 25,500.
 */
const BOUNDARIES: [number, number][] = [
  [0, 100],
  [1, 200],
  [30, 400],
  [31, 800],
  [60, 1600],
  [61, 3200],
  [90, 6400],
  [91, 12_800],
];

async function fixture(asOf: string) {
  const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
  cleanup = t.close;
  const east = insertTerritory(t.core, '华东');
  const north = insertTerritory(t.core, '华北');
  const repA = insertRep(t.core, '赵敏');
  const repB = insertRep(t.core, '周杰');
  const a = await t.client.call('accounts.create', { name: '苏州东方电子' });
  const b = await t.client.call('accounts.create', { name: '天津北辰化工' });
  setAccountOwner(t.core, a.id, repA, east);
  setAccountOwner(t.core, b.id, repB, north);
  const orders: Record<number, { id: string; orderNo: string; version: number }> = {};
  for (const [d, fen] of BOUNDARIES) {
    const on = addDays(asOf, -d);
    const c = await t.client.call('orders.create', { accountId: d % 2 === 0 ? a.id : b.id, orderedOn: on, lines: [{ description: `d${d}`, quantity: 1, unitPriceFen: fen }] });
    const r = await t.client.call('orders.confirm', { id: c.order.order.id, version: c.order.order.version, confirmedOn: on, plan: '100% on confirmation' });
    orders[d] = r.order.order;
  }
  return { ...t, a, b, repA, repB, east, north, orders };
}

const row = (rep: { rows: { name: string; bucketsFen: number[] }[] }, name: string) => rep.rows.find((r) => r.name === name)?.bucketsFen;

describe('AR aging', () => {
  it('puts each boundary day in its bucket as of today', async () => {
    const t = await fixture('2026-11-23');
    const rep = await t.client.call('ar.aging', { groupBy: 'account' });
    expect(rep.buckets.map((b) => b.key)).toEqual(['not_due', '1-30', '31-60', '61-90', '90+']);
    expect(rep.totals).toEqual({ bucketsFen: [100, 600, 2400, 9600, 12_800], totalFen: 25_500, overdueFen: 25_400, creditFen: 0 });
    // Even days (0, 30, 60, 90) belong to 苏州东方电子, odd days (1, 31, 61, 91) to 天津北辰化工.
    expect(row(rep, '苏州东方电子')).toEqual([100, 400, 1600, 6400, 0]);
    expect(row(rep, '天津北辰化工')).toEqual([0, 200, 800, 3200, 12_800]);
    const byRep = await t.client.call('ar.aging', { groupBy: 'rep' });
    expect(row(byRep, '赵敏')).toEqual([100, 400, 1600, 6400, 0]);
    const byTerritory = await t.client.call('ar.aging', { groupBy: 'territory', territoryId: t.north });
    expect(byTerritory.rows.map((r) => [r.name, r.totalFen])).toEqual([['华北', 17_000]]);
    // The replayed history gives the same answer as the maintained columns.
    const replay = agingReport(t.core, { groupBy: 'account', limit: 100, forceReplay: true });
    expect(replay.rows).toEqual(rep.rows);
  });

  it('moves a day later: every boundary crosses into the next bucket', async () => {
    const t = await fixture('2026-11-22');
    const rep = await t.client.call('ar.aging', { asOf: '2026-11-22' });
    expect(rep.totals.bucketsFen).toEqual([100, 600, 2400, 9600, 12_800]);
    const next = await t.client.call('ar.aging', { asOf: '2026-11-23' });
    // d=0 → 1 day, 30 → 31, 60 → 61, 90 → 91; the others stay inside their bucket.
    expect(next.totals.bucketsFen).toEqual([0, 100 + 200, 400 + 800, 1600 + 3200, 6400 + 12_800]);
  });

  it('is reproducible as of a past date: only what had happened by then counts', async () => {
    const asOf = '2026-10-31';
    const t = await fixture(asOf);
    // Paid on 10-15 (counts as of 10-31) and on 11-10 (does not).
    await t.client.call('payments.add', { accountId: t.b.id, receivedOn: '2026-10-15', amountFen: 12_800, method: 'bank_transfer', allocations: [{ orderId: t.orders[91]!.id }] });
    await t.client.call('payments.add', { accountId: t.b.id, receivedOn: '2026-11-10', amountFen: 3200, method: 'bank_transfer', allocations: [{ orderId: t.orders[61]!.id }] });
    // Unallocated money received before the date shows as credit.
    await t.client.call('payments.add', { accountId: t.a.id, receivedOn: '2026-10-20', amountFen: 999, method: 'cash' });
    // Confirmed after the date: not there yet.
    const late = await t.client.call('orders.create', { accountId: t.a.id, orderedOn: '2026-11-05', lines: [{ description: 'late', quantity: 1, unitPriceFen: 50_000 }] });
    await t.client.call('orders.confirm', { id: late.order.order.id, version: late.order.order.version, confirmedOn: '2026-11-05', plan: '100% on confirmation' });
    // Cancelled today (after the date): still owed as of the date.
    const d0 = await t.client.call('orders.get', { id: t.orders[0]!.id });
    await t.client.call('orders.cancel', { id: d0.order.id, version: d0.order.version, reason: '客户取消' });
    // Plan of the d=60 order changed today: as of the date the old plan applies.
    const d60 = await t.client.call('orders.get', { id: t.orders[60]!.id });
    await t.client.call('orders.setPlan', { id: d60.order.id, version: d60.order.version, plan: [{ label: '延期', dueOn: '2027-03-01', amountFen: 1600 }] });

    const past = await t.client.call('ar.aging', { asOf });
    expect(past.totals).toEqual({ bucketsFen: [100, 600, 2400, 9600, 0], totalFen: 12_700, overdueFen: 12_600, creditFen: 999 });
    expect(past.rows.find((r) => r.name === '苏州东方电子')?.creditFen).toBe(999);

    const today = await t.client.call('ar.aging', {});
    // As of 11-23 (23 days later): 0 cancelled; 1→24, 30→53, 31→54, 60 re-planned (not due), 61 paid, 90→113, 91 paid; late (18 days) 50,000.
    expect(today.totals.bucketsFen).toEqual([1600, 200 + 50_000, 400 + 800, 0, 6400]);
    expect(today.totals.creditFen).toBe(999);
    const replay = agingReport(t.core, { groupBy: 'account', limit: 100, forceReplay: true });
    expect(replay.totals).toEqual(today.totals);
  });

  it('drills down from a cell to the instalments behind it', async () => {
    const t = await fixture('2026-11-23');
    const d = await t.client.call('ar.agingDetail', { groupBy: 'account', groupId: t.b.id, bucket: '61-90' });
    expect(d.documents.map((x) => [x.orderNo, x.daysOverdue, x.openFen, x.bucket])).toEqual([[t.orders[61]!.orderNo, 61, 3200, '61-90']]);
    expect(d.totalFen).toBe(3200);
    const all = await t.client.call('ar.agingDetail', { groupBy: 'rep', groupId: t.repA });
    expect(all.documents.map((x) => x.daysOverdue)).toEqual([90, 60, 30, 0]);
    const past = await t.client.call('ar.agingDetail', { asOf: '2026-11-01', groupBy: 'territory', groupId: t.east, bucket: '31-60' });
    expect(past.documents.map((x) => x.daysOverdue)).toEqual([38]);
  });

  it('uses the configured buckets', async () => {
    const t = await fixture('2026-11-23');
    await t.client.call('settings.update', { agingBounds: [15, 45] });
    const rep = await t.client.call('ar.aging', {});
    expect(rep.buckets.map((b) => b.key)).toEqual(['not_due', '1-15', '16-45', '45+']);
    expect(rep.totals.bucketsFen).toEqual([100, 200, 400 + 800, 1600 + 3200 + 6400 + 12_800]);
    await expect(t.client.call('settings.update', { agingBounds: [30, 20] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('computes days-to-collect and DSO per rep and account', async () => {
    const t = await fixture('2026-11-23');
    // d=91 order (confirmed 08-24) paid 10-23: 60 days; d=61 (confirmed 09-23) paid 11-22: 60 days; d=31 (10-23) paid 11-02: 10 days.
    await t.client.call('payments.add', { accountId: t.b.id, receivedOn: '2026-10-23', amountFen: 12_800, method: 'bank_transfer', allocations: [{ orderId: t.orders[91]!.id }] });
    await t.client.call('payments.add', { accountId: t.b.id, receivedOn: '2026-11-22', amountFen: 3200, method: 'bank_transfer', allocations: [{ orderId: t.orders[61]!.id }] });
    await t.client.call('payments.add', { accountId: t.b.id, receivedOn: '2026-11-02', amountFen: 800, method: 'bank_transfer', allocations: [{ orderId: t.orders[31]!.id }] });
    const r = await t.client.call('ar.dso', { months: 3, groupBy: 'rep' });
    expect(r.from).toBe('2026-08-23');
    const zhou = r.rows.find((x) => x.name === '周杰')!;
    expect(zhou.collectedFen).toBe(16_800);
    // (12800×60 + 3200×60 + 800×10) / 16800 = 57.619… → 57.6
    expect(zhou.avgDaysToCollect).toBe(57.6);
    // Sales in the window: all four of 周杰's orders (200+800+3200+12800); open now 200; DSO = 200/17000×92.
    expect(zhou.salesFen).toBe(17_000);
    expect(zhou.openFen).toBe(200);
    expect(zhou.dso).toBe(1.1);
    const byAccount = await t.client.call('ar.dso', { months: 12, groupBy: 'account' });
    expect(byAccount.rows.find((x) => x.name === '苏州东方电子')).toMatchObject({ collectedFen: 0, avgDaysToCollect: null, openFen: 8500 });
  });
});
