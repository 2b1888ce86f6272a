import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeActuals } from '../../electron/backend/services/targets/actuals';
import { computeAttainment } from '../../electron/backend/services/targets/attainment';
import { resolvePeriodOrThrow } from '../../electron/backend/services/targets/period-resolve';
import type { DashboardSummary } from '../../shared/contract/dashboard';
import { addDays } from '../../shared/domain/dates';
import { parsePeriodKey } from '../../shared/domain/periods';
import { WORK_QUEUES } from '../../shared/domain/work-queues';
import { RpcCallError } from '../../shared/rpc/errors';
import { setUpBackend } from '../helpers/backend';
import { runCli } from '../helpers/cli';
import { buildDashboardWorld } from '../helpers/dashboard-world';

type T = Awaited<ReturnType<typeof setUpBackend>>;
let t: T;
let s: DashboardSummary;
const TODAY = '2026-11-23';
const n = (sql: string, ...params: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...params) as number;

beforeAll(async () => {
  t = await setUpBackend();
  await buildDashboardWorld(t);
  s = await t.client.call('dashboard.summary', {});
}, 120_000);
afterAll(() => t?.close());

describe('dashboard.summary: today’s work', () => {
  it('counts what plain SQL counts, and every queue has work in the test company', async () => {
    expect(s.today).toBe(TODAY);
    const live = 'deleted_at is null';
    expect(s.counts.pool).toBe(n(`select count(*) from accounts where ${live} and owner_rep_id is null`));
    expect(s.counts.reclaimSoon).toBe(n(`select count(*) from accounts where ${live} and owner_rep_id is not null and reclaim_remind_on <= ? and reclaim_on > ?`, TODAY, TODAY));
    expect(s.counts.followupsDue).toBe(n(`select count(*) from accounts where ${live} and next_followup_on <= ?`, TODAY));
    expect(s.counts.creditPending).toBe(3);
    expect(s.counts.creditNewHolds).toBe(2);
    expect(s.counts.creditTempExpiring).toBe(n(`select count(*) from credit_profiles where temp_limit_fen is not null and temp_limit_expires_on between ? and ?`, TODAY, addDays(TODAY, 7)));
    // Over the limit is the credit engine's verdict from its latest run, the number the 信用 page shows.
    const alerts = await t.client.call('credit.alerts', {});
    expect(s.counts.creditOverLimit).toBe(alerts.counts.overLimit);
    expect(s.counts.creditOverLimit).toBe((await t.client.call('credit.list', { offset: 0, limit: 1, filter: { overLimit: true } })).total);
    const overdue = `from instalments i join orders o on o.id = i.order_id where o.deleted_at is null and o.confirmed_on is not null and o.state not in ('draft','cancelled')
      and i.superseded_on is null and i.amount_fen - i.paid_fen - i.returned_fen > 0 and i.due_on < ?`;
    expect(s.counts.overdueInstalments).toBe(n(`select count(*) ${overdue}`, TODAY));
    expect(s.overdueFen).toBe(n(`select sum(i.amount_fen - i.paid_fen - i.returned_fen) ${overdue}`, TODAY));
    for (const q of WORK_QUEUES) expect(s.counts[q.key], q.key).toBeGreaterThan(0);
  });

  it('gives each queue the row count of the grid its card opens', async () => {
    const page = { offset: 0, limit: 1 };
    for (const q of WORK_QUEUES) {
      const filter = q.params.filter!;
      let total: number;
      if (q.path === '/accounts') total = (await t.client.call('accounts.list', { ...page, preset: filter as never })).total;
      else if (q.path === '/orders') total = (await t.client.call('orders.totals', { filters: {}, filter: { creditPending: true } })).count;
      else if (q.path === '/cases') total = (await t.client.call('cases.list', { ...page, filter: { open: true, sla: filter === 'sla-breached' ? 'breached' : 'about_to_breach' } })).total;
      else total = (await t.client.call('ar.instalments', { ...page, filter: { overdue: true } })).total;
      expect(total, q.key).toBe(s.counts[q.key]);
    }
  });

  it('exports the accounts grid with its work-queue filter ("export current view" from a dashboard tile)', async () => {
    const r = await t.client.call('reports.export', { params: { report: 'accounts', preset: 'followup-due' }, format: 'csv', folder: t.dir });
    expect(r.rows).toBe(s.counts.followupsDue);
    expect(r.rows).toBeLessThan(400);
  });

  it('lists the overdue instalments oldest first with their days overdue and the open total', async () => {
    const page = await t.client.call('ar.instalments', { offset: 0, limit: 5000, filter: { overdue: true } });
    expect(page.items).toHaveLength(s.counts.overdueInstalments);
    expect(page.openFen).toBe(s.overdueFen);
    expect(page.items.reduce((a, r) => a + r.openFen, 0)).toBe(s.overdueFen);
    const dues = page.items.map((r) => r.dueOn);
    expect(dues).toEqual([...dues].sort());
    for (const r of page.items.slice(0, 20)) {
      expect(r.dueOn < TODAY).toBe(true);
      expect(r.daysOverdue).toBeGreaterThan(0);
    }
    const sorted = await t.client.call('ar.instalments', { offset: 0, limit: 3, sort: [{ colId: 'openFen', sort: 'desc' }], filter: { overdue: true } });
    expect(sorted.items[0]!.openFen).toBe(Math.max(...page.items.map((r) => r.openFen)));
    const all = await t.client.call('ar.instalments', { offset: 0, limit: 1 });
    expect(all.total).toBeGreaterThan(s.counts.overdueInstalments);
  });
});

describe('dashboard.summary: charts', () => {
  it('has 12 months of sales and collections equal to the targets feature’s actuals', () => {
    expect(s.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    for (const m of s.months) {
      const p = parsePeriodKey(m.month)!;
      const actuals = [...computeActuals(t.core, p.start, p.end < TODAY ? p.end : TODAY).values()];
      expect(m.salesFen, m.month).toBe(actuals.reduce((a, v) => a + v.sales, 0));
      expect(m.collectionsFen, m.month).toBe(actuals.reduce((a, v) => a + v.collections, 0));
    }
    expect(s.months.some((m) => m.salesTargetFen !== null && m.salesTargetFen > 0)).toBe(true);
  });

  it('has this month’s attainment per rep equal to the attainment report', () => {
    const report = computeAttainment(t.core, resolvePeriodOrThrow(t.core, 'this-month'));
    const withTarget = report.reps.filter((r) => r.measures.find((m) => m.measure === 'sales')!.ratio !== null);
    expect(s.attainment.period).toBe('2026-11');
    expect(s.attainment.reps.map((r) => r.repId).sort()).toEqual(withTarget.map((r) => r.repId).sort());
    const working = new Set(t.core.sqlite.prepare("select id from reps where deleted_at is null and status <> 'left'").pluck().all() as string[]);
    expect(s.attainment.withoutTarget).toBe([...working].filter((id) => !withTarget.some((r) => r.repId === id)).length);
    for (const r of s.attainment.reps) {
      const sales = report.reps.find((x) => x.repId === r.repId)!.measures.find((m) => m.measure === 'sales')!;
      expect(r.actualFen).toBe(sales.actual);
      expect(r.targetFen).toBe(sales.target);
      expect(r.ratio).toBeCloseTo(sales.ratio!, 12);
    }
    const ratios = s.attainment.reps.map((r) => r.ratio);
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
    const monthTarget = s.months.at(-1)!.salesTargetFen;
    expect(monthTarget).toBe(s.attainment.reps.reduce((a, r) => a + r.targetFen, 0));
  });

  it('stacks AR aging exactly as ar.aging (the top reps plus the rest)', async () => {
    const aging = await t.client.call('ar.aging', { groupBy: 'rep', limit: 100 });
    expect(s.aging.totalsFen).toEqual(aging.totals.bucketsFen);
    expect(s.aging.buckets.map((b) => b.key)).toEqual(aging.buckets.map((b) => b.key));
    expect(s.aging.reps.map((r) => r.name)).toEqual(aging.rows.slice(0, s.aging.reps.length).map((r) => r.name));
    const sum = s.aging.totalsFen.map((_, i) => s.aging.reps.reduce((a, r) => a + r.bucketsFen[i]!, 0) + s.aging.othersFen[i]!);
    expect(sum).toEqual(s.aging.totalsFen);
  });

  it('sorts every open case into one SLA state, breached ones matching the breached card', () => {
    const open = n("select count(*) from cases where state in ('new','in_progress','waiting_customer')");
    const total = s.caseSla.reduce((a, r) => a + r.breached + r.aboutToBreach + r.onTrack + r.paused + r.noClock, 0);
    expect(total).toBe(open);
    expect(s.caseSla.reduce((a, r) => a + r.breached, 0)).toBe(s.counts.casesBreached);
    expect(s.caseSla.map((r) => r.priority)).toEqual(['P1', 'P2', 'P3', 'P4']);
    // Waiting on the customer stops both clocks: such a case is paused unless a clock had already failed.
    expect(s.caseSla.reduce((a, r) => a + r.paused, 0)).toBe(n("select count(*) from cases where state = 'waiting_customer' and first_response_breached = 0 and resolution_breached = 0"));
  });

  it('prints the counts from the command line (salesdesk dashboard)', () => {
    const json = runCli(['--db', t.core.dbFile, 'dashboard', '--json']);
    expect(json.stderr).toBe('');
    const doc = JSON.parse(json.stdout) as DashboardSummary;
    expect(doc.counts.pool).toBe(s.counts.pool);
    expect(doc.months).toHaveLength(12);
    const text = runCli(['--db', t.core.dbFile, 'dashboard']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${s.counts.pool}  公海客户（未分配） / Unassigned accounts (pool)`);
    expect(text.stdout).toContain('逾期回款计划 / Overdue instalments');
  });

  it('refuses unknown input and unknown presets', async () => {
    await expect(t.client.call('dashboard.summary', { extra: 1 } as never)).rejects.toBeInstanceOf(RpcCallError);
    await expect(t.client.call('accounts.list', { offset: 0, limit: 1, preset: 'everything' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('ar.instalments', { offset: 0, limit: 1, filter: { overdue: 'yes' } as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
