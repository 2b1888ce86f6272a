import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { buildReportWorld } from '../helpers/report-world';

let t: Awaited<ReturnType<typeof setUpBackend>>;
afterEach(() => t.close());

describe('scheduled exports', () => {
  it('computes the next run, runs when due, and catches a missed run up once at start', async () => {
    t = await setUpBackend({ now: '2026-11-23T02:00:00Z' }); // 10:00 in Shanghai, a Monday
    buildReportWorld(t.core);
    const folder = join(t.dir, 'scheduled');
    const s = await t.client.call('scheduledExports.save', { name: '月度账龄', params: { report: 'ar-aging' }, folder, schedule: 'monthly', monthDay: 31, runAt: '07:00' });
    expect(new Date(s.nextRunAt!).toISOString()).toBe('2026-11-29T23:00:00.000Z'); // 2026-11-30 07:00 Shanghai (November has 30 days)
    const d = await t.client.call('scheduledExports.save', { name: '每日排行', params: { report: 'leaderboard', period: 'last-month' }, format: 'csv', encoding: 'gbk', folder, schedule: 'weekdays', runAt: '08:30' });
    expect(new Date(d.nextRunAt!).toISOString()).toBe('2026-11-24T00:30:00.000Z');
    expect(await t.client.call('scheduledExports.runDue', {})).toEqual([]);
    // The app was closed for a week: each schedule runs once at start, then is due again on its calendar.
    t.clock.set('2026-12-02T03:00:00Z');
    const report = await t.backend.runDailyTasks();
    expect(report.scheduledExports).toBe(2);
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(2);
    expect(files.some((f) => f.startsWith('应收账龄_2026-12-02') && f.endsWith('.xlsx'))).toBe(true);
    expect(files.some((f) => f.startsWith('业绩排行 — 销售额_2026-11') && f.endsWith('.csv'))).toBe(true);
    const after = await t.client.call('scheduledExports.list', {});
    const monthly = after.find((x) => x.id === s.id)!;
    expect(monthly.lastResult).toMatch(/^ok: /);
    expect(new Date(monthly.nextRunAt!).toISOString()).toBe('2026-12-30T23:00:00.000Z');
    expect(after.find((x) => x.id === d.id)!.encoding).toBe('gbk');
    expect(await t.client.call('scheduledExports.runDue', {})).toEqual([]);
  });

  it('records a failed run instead of throwing, and validates input', async () => {
    t = await setUpBackend();
    const bad = await t.client.call('scheduledExports.save', { name: '坏的', params: { report: 'transfers', rep: '没有这个人' }, folder: join(t.dir, 'x'), schedule: 'daily' });
    const run = await t.client.call('scheduledExports.runNow', { id: bad.id });
    expect(run.ok).toBe(false);
    expect(run.message).toContain('没有名为');
    expect(existsSync(join(t.dir, 'x'))).toBe(true);
    expect(readdirSync(join(t.dir, 'x'))).toEqual([]);
    await expect(t.client.call('scheduledExports.save', { name: 'w', params: { report: 'pool' }, folder: join(t.dir, 'x'), schedule: 'weekly' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('scheduledExports.save', { name: 'r', params: { report: 'pool' }, folder: 'relative', schedule: 'daily' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('scheduledExports.save', { name: 't', params: { report: 'pool' }, folder: join(t.dir, 'x'), schedule: 'daily', runAt: '25:00' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('scheduledExports.delete', { id: bad.id, version: 99 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await t.client.call('scheduledExports.delete', { id: bad.id, version: bad.version });
    expect(await t.client.call('scheduledExports.list', {})).toEqual([]);
  });
});
