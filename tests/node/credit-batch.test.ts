import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../electron/backend/core';
import { runCreditBatch } from '../../electron/backend/services/credit/credit-batch';
import { gradeAll } from '../../electron/backend/services/credit/credit-grade-all';
import { creditWorld, type CreditWorld } from '../helpers/credit';

let t: CreditWorld | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function world() {
  const w = await creditWorld();
  // Good: confirmed 10-01 net 30, paid 10-20.
  const good = await w.client.call('accounts.create', { name: '准时付款公司', tier: 'A' });
  const g = await w.confirmed(good.id, 1_000_000, { orderedOn: '2026-10-01', confirmedOn: '2026-10-01' });
  await w.client.call('payments.add', { accountId: good.id, amountFen: 1_000_000, receivedOn: '2026-10-20', method: 'bank_transfer', allocations: [{ orderId: g.order.id }] });
  // Late: confirmed 06-01 net 30 (due 07-01), never paid, 145 days overdue, over a 20,000.00 limit.
  const late = await w.client.call('accounts.create', { name: '长期拖欠公司', tier: 'B' });
  const l = await w.confirmed(late.id, 3_200_000, { orderedOn: '2026-06-01', confirmedOn: '2026-06-01' });
  await w.client.call('credit.updateProfile', { accountId: late.id, version: null, limitFen: 2_000_000 });
  // Temporary limit expiring in 3 days.
  const temp = await w.client.call('accounts.create', { name: '临时额度公司', tier: 'A' });
  await w.client.call('credit.updateProfile', { accountId: temp.id, version: null, limitFen: 1_000_000, tempLimit: { limitFen: 5_000_000, expiresOn: '2026-11-26', reason: '双十二备货' } });
  // Fresh: an order not due yet (net 30 from 11-20).
  const fresh = await w.client.call('accounts.create', { name: '新订单公司', tier: 'C' });
  await w.confirmed(fresh.id, 500_000, { orderedOn: '2026-11-20', confirmedOn: '2026-11-20' });
  return { w, good, late, l, temp, fresh };
}

const gradesOf = (w: CreditWorld, runId: string) =>
  Object.fromEntries((w.core.sqlite.prepare('select a.name, g.grade, g.score from credit_grades g join accounts a on a.id = g.account_id where g.run_id = ? order by a.code').all(runId) as { name: string; grade: string; score: number }[]).map((r) => [r.name, `${r.grade}${r.score}`]));

describe('batch credit run', () => {
  it('grades every account, lists suggested holds, over-limit accounts and expiring temporary limits; runs are idempotent', async () => {
    const { w, late, temp } = await world();
    t = w;
    const r1 = await w.client.call('credit.run', {});
    expect(r1.accountCount).toBe(4);
    expect(gradesOf(w, r1.runId)).toEqual({ 准时付款公司: 'A100', 长期拖欠公司: 'E2', 临时额度公司: 'A100', 新订单公司: 'A100' });
    expect(r1.suggestedHolds.list).toEqual([{ accountId: late.id, code: late.code, name: '长期拖欠公司', grade: 'E', maxDaysOverdue: 145 }]);
    expect(r1.overLimit.list).toEqual([{ accountId: late.id, code: late.code, name: '长期拖欠公司', exposureFen: 3_200_000, limitFen: 2_000_000 }]);
    expect(r1.expiringTempLimits.list).toEqual([{ accountId: temp.id, code: temp.code, name: '临时额度公司', limitFen: 5_000_000, expiresOn: '2026-11-26', reason: '双十二备货' }]);
    expect(r1.distribution).toEqual({ A: 3, B: 0, C: 0, D: 0, E: 1 });
    expect(r1.changes).toEqual({ upgrades: 0, downgrades: 0, list: [] });
    expect((await w.client.call('accounts.get', { id: late.id })).account.creditGrade).toBe('E');

    // The same day again: same grades, nothing changed, the account rows untouched.
    const versions = w.core.sqlite.prepare('select id, version, updated_at from accounts order by id').all();
    const r2 = await w.client.call('credit.run', {});
    expect(gradesOf(w, r2.runId)).toEqual(gradesOf(w, r1.runId));
    expect(r2).toMatchObject({ previousRunId: r1.runId, distribution: r1.distribution, changes: { upgrades: 0, downgrades: 0 }, suggestedHolds: { count: 1 }, overLimit: { count: 1 } });
    expect(w.core.sqlite.prepare('select id, version, updated_at from accounts order by id').all()).toEqual(versions);
    expect((w.core.sqlite.prepare('select count(*) as n from credit_grades').get() as { n: number }).n).toBe(8);

    // The factors behind the E, in words.
    const p = await w.client.call('credit.getProfile', { accountId: late.id });
    expect(p.grade.summary.zh).toBe('E 级（2 分）：额度使用率 −30，最长逾期天数 −30，逾期金额占比 −20，回款天数趋势 −15，回款计划逾期支付 −3');
    expect(p.grade.factors.map((f) => f.text.zh)).toEqual([
      '额度使用率：160%（占用 32,000.00 / 额度 20,000.00 元），−30 分（超过 150）',
      '最长逾期天数：145 天，−30 分（超过 90）',
      '逾期金额占比：100%（逾期 32,000.00 元 ÷ 应收与近 365 天回款之和 32,000.00 元），−20 分（超过 50）',
      '回款天数趋势：近 90 天平均 175 天，前 90 天 85 天，放慢 90 天，−15 分（超过 30）',
      '回款计划逾期支付：近 365 天有 1 期回款逾期支付或仍未付，−3 分（超过 0）',
      '退货占比：0%（退货 0.00 / 销售 32,000.00 元），不扣分',
    ]);
    // The live grade of the profile page is the batch's grade (same SQL, scoped to one account).
    expect(`${p.grade.grade}${p.grade.score}`).toBe(gradesOf(w, r2.runId)['长期拖欠公司']);
  });

  it('paying never worsens a grade (through the real services), and more overdue shows as a downgrade', async () => {
    const { w, late, l, fresh } = await world();
    t = w;
    const score = async (id: string) => (await w.client.call('credit.getProfile', { accountId: id })).grade.score;
    // Late also has a new order not yet due; paying that one (not the overdue one) must not cost points.
    const d = await w.draft(late.id, 1_000_000, '2026-11-20');
    const extra = (await w.client.call('credit.override', { orderId: d.id, version: d.version, managerUsername: 'wang', managerPassword: 'wang-pass-1', reason: '测试', confirmedOn: '2026-11-20' })).order;
    let s0 = await score(late.id);
    await w.client.call('payments.add', { accountId: late.id, amountFen: 600_000, method: 'bank_transfer', allocations: [{ orderId: extra.order.id }] });
    let s1 = await score(late.id);
    expect(s1).toBeGreaterThanOrEqual(s0);
    // Partly paying the overdue order, then all of it.
    s0 = s1;
    await w.client.call('payments.add', { accountId: late.id, amountFen: 1_000_000, method: 'bank_transfer', allocations: [{ orderId: l.order.id }] });
    s1 = await score(late.id);
    expect(s1).toBeGreaterThanOrEqual(s0);
    await w.client.call('payments.add', { accountId: late.id, amountFen: 2_200_000, method: 'bank_transfer', allocations: [{ orderId: l.order.id }] });
    const s2 = await score(late.id);
    expect(s2).toBeGreaterThan(s1);
    // Money received and not allocated lowers the exposure too.
    const before = await score(fresh.id);
    await w.client.call('payments.add', { accountId: fresh.id, amountFen: 100_000, method: 'cash' });
    expect(await score(fresh.id)).toBeGreaterThanOrEqual(before);

    const r1 = await w.client.call('credit.run', {});
    // 70 days later Fresh's order (due 12-20) is 45 days overdue: a downgrade in the next run.
    w.clock.set('2027-02-03T02:00:00Z');
    const r2 = await w.client.call('credit.run', {});
    const change = r2.changes.list.find((c) => c.accountId === fresh.id)!;
    expect(change.from).toBe(gradesOf(w, r1.runId)['新订单公司']!.slice(0, 1));
    expect(change.to > change.from!).toBe(true);
    expect(r2.changes.downgrades).toBeGreaterThanOrEqual(1);
    const tl = (await w.client.call('accounts.get', { id: fresh.id })).timeline;
    expect(tl.find((x) => x.kind === 'credit.grade')!.title).toBe(`信用等级 ${change.from} → ${change.to}`);
    const list = await w.client.call('credit.list', { filter: { changed: true } });
    expect(list.items.map((x) => x.accountId)).toContain(fresh.id);
  });

  it('the risk grid filters and sorts the latest run; alerts summarise it', async () => {
    const { w, late, temp, good } = await world();
    t = w;
    expect(await w.client.call('credit.list', {})).toEqual({ total: 0, items: [], run: null });
    const run = await w.client.call('credit.run', {});
    const all = await w.client.call('credit.list', {});
    expect(all.run).toMatchObject({ runId: run.runId, asOf: '2026-11-23' });
    expect(all.total).toBe(4);
    expect(all.items[0]).toMatchObject({ accountId: late.id, grade: 'E', exposureFen: 3_200_000, limitFen: 2_000_000, usedPct: 160, overLimit: true, suggestHold: true, hold: false, maxOverdueDays: 145 });
    expect((await w.client.call('credit.list', { filter: { grades: ['E'] } })).items.map((x) => x.accountId)).toEqual([late.id]);
    expect((await w.client.call('credit.list', { filter: { overLimit: true } })).total).toBe(1);
    expect((await w.client.call('credit.list', { filter: { expiring: true } })).items.map((x) => x.accountId)).toEqual([temp.id]);
    expect((await w.client.call('credit.list', { search: '准时' })).items.map((x) => x.accountId)).toEqual([good.id]);
    const sorted = await w.client.call('credit.list', { sort: [{ colId: 'exposureFen', sort: 'desc' }], limit: 2 });
    expect(sorted.items.map((x) => x.exposureFen)).toEqual([3_200_000, 500_000]);
    const alerts = await w.client.call('credit.alerts', {});
    expect(alerts.counts).toEqual({ holds: 0, overLimit: 1, suggestedHolds: 1, downgrades: 0, expiringTempLimits: 1, pendingApprovals: 0 });
    expect(alerts.items.map((i) => i.kind)).toEqual(['suggested_hold', 'over_limit', 'temp_expiring']);
    expect(alerts.items[0]!.text.zh).toBe(`建议信用冻结：长期拖欠公司（${late.code}，E 级）`);
    // Putting it on hold takes it off the suggestions.
    await w.client.call('credit.hold', { accountId: late.id, reason: '逾期 145 天' });
    expect((await w.client.call('credit.alerts', {})).counts).toMatchObject({ holds: 1, suggestedHolds: 0 });
    const runs = await w.client.call('credit.runs', {});
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runId: run.runId, accountCount: 4, by: '管理员' });
  });

  it('runs over a filter, and keeps only the latest runs’ per-account rows', async () => {
    const { w } = await world();
    t = w;
    const a = await w.client.call('credit.run', { filter: { tiers: ['A'] } });
    expect(a).toMatchObject({ accountCount: 2, filtered: true });
    await w.client.call('credit.updateDefaults', { creditRunsKept: 2 });
    await w.client.call('credit.run', {});
    await w.client.call('credit.run', {});
    const rows = w.core.sqlite.prepare('select r.id, count(g.run_id) as n from credit_runs r left join credit_grades g on g.run_id = r.id group by r.id order by r.at, r.id').all() as { n: number }[];
    expect(rows.map((r) => r.n)).toEqual([0, 4, 4]);
    await expect(w.client.call('credit.run', { filter: { accountIds: [] } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('the credit-risk report (Excel) carries the engine’s grades, reasons, exposure and limit sources', async () => {
    const { w, late, temp } = await world();
    t = w;
    const r = await w.client.call('reports.export', { params: { report: 'credit-risk' }, folder: w.dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.file);
    const sheet = wb.getWorksheet('风险客户')!;
    const rows = sheet.getSheetValues().filter(Array.isArray).map((v) => (v as unknown[]).slice(1).map((c) => (c && typeof c === 'object' && 'result' in c ? (c as { result: unknown }).result : c)));
    const header = rows.find((x) => x[0] === '客户编号')!;
    const col = (name: string) => header.indexOf(name);
    const lateRow = rows.find((x) => x[0] === late.code)!;
    expect(lateRow[col('信用等级')]).toBe('E');
    expect(lateRow[col('信用占用（元）')]).toBe(32_000);
    expect(lateRow[col('额度来源')]).toBe('客户档案');
    expect(lateRow[col('超额度')]).toBe('是');
    expect(lateRow[col('建议冻结')]).toBe('是');
    expect(String(lateRow[col('等级说明（扣分项）')])).toContain('最长逾期天数 −30');
    const tempRows = wb.getWorksheet('临时额度到期')!.getSheetValues().filter(Array.isArray).map((v) => (v as unknown[]).slice(1));
    expect(tempRows.some((x) => x[0] === temp.code && String(x[9]).startsWith('临时额度（至 2026-11-26）'))).toBe(true);
    expect(lateRow[col('负责人')]).toBe('公海');

    // Owners come from the accounts (the grade scan reads none): the owner column and the rep filter.
    const rep = await w.client.call('reps.create', { name: '周敏' });
    await w.client.call('transfers.apply', { accountIds: [late.id], toRepId: rep.id, reason: '分配' });
    const mine = await w.client.call('reports.export', { params: { report: 'credit-risk', rep: '周敏' }, folder: join(w.dir, 'rep') });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(mine.file);
    const risky = wb2.getWorksheet('风险客户')!.getSheetValues().filter(Array.isArray).map((v) => (v as unknown[]).slice(1));
    const codes = risky.map((x) => x[0]).filter((c) => typeof c === 'string' && c.startsWith(late.code.slice(0, 3)));
    expect(codes).toEqual([late.code]);
    expect(risky.find((x) => x[0] === late.code)![col('负责人')]).toBe('周敏');
  });

  it('grades once a day from the daily tasks', async () => {
    const { w } = await world();
    t = w;
    expect((await w.backend.runDailyTasks()).creditGraded).toBe(4);
    expect((await w.backend.runDailyTasks()).creditGraded).toBeNull();
    w.clock.set('2026-11-24T02:00:00Z');
    expect((await w.backend.runDailyTasks()).creditGraded).toBe(4);
    expect((await w.client.call('credit.alerts', {})).items.some((i) => i.kind === 'stale_run')).toBe(false);
  });

  it('accounts with nothing to grade are A without a row each, counted in the run', async () => {
    const { w } = await world();
    t = w;
    const idle = [];
    for (let i = 0; i < 3; i++) idle.push(await w.client.call('accounts.create', { name: `潜在客户${i}` }));
    const r1 = await w.client.call('credit.run', {});
    expect(r1.accountCount).toBe(7);
    expect(r1.distribution.A).toBe(6);
    expect((w.core.sqlite.prepare('select count(*) as n from credit_grades where run_id = ?').get(r1.runId) as { n: number }).n).toBe(4);
    expect((await w.client.call('accounts.get', { id: idle[0]!.id })).account.creditGrade).toBe('A');
    expect((await w.client.call('credit.check', { account: idle[0]!.id, record: false })).grade).toEqual({ grade: 'A', score: 100, at: r1.at });
    // An idle account that had another grade (say, imported) changes back to A, with a row for the change.
    w.core.sqlite.prepare("update accounts set credit_grade = 'C' where id = ?").run(idle[1]!.id);
    w.clock.set('2026-11-23T03:00:00Z');
    const r2 = await w.client.call('credit.run', {});
    expect(r2.changes.list).toEqual([{ accountId: idle[1]!.id, code: idle[1]!.code, name: '潜在客户1', from: 'C', to: 'A' }]);
    expect(r2.changes.upgrades).toBe(1);
    expect(r2.accountCount).toBe(7);
    expect((w.core.sqlite.prepare('select count(*) as n from credit_grades where run_id = ?').get(r2.runId) as { n: number }).n).toBe(5);
  });

  it('writes every account as the collected grading grades it, in account order, with foreign keys back on afterwards', async () => {
    const { w } = await world();
    t = w;
    const idle = [];
    for (let i = 0; i < 3; i++) idle.push(await w.client.call('accounts.create', { name: `潜在客户${i}` }));
    const wasD = idle[2]!.id;
    w.core.sqlite.prepare("update accounts set credit_grade = 'D' where id = ?").run(wasD);
    // What the batch must write: the same grading, collected instead of written as it goes.
    const expected = gradeAll(w.core, { kind: 'all' }).graded.map((g) => [g.id, g.grade, g.score, g.previous, g.factors, g.exposureFen, g.limitFen, g.overLimit ? 1 : 0, g.suggestHold ? 1 : 0]);
    const r = await w.client.call('credit.run', {});
    const rows = w.core.sqlite
      .prepare('select account_id, grade, score, previous_grade, factors, exposure_fen, limit_fen, over_limit, suggest_hold from credit_grades where run_id = ? order by rowid')
      .raw()
      .all(r.runId) as unknown[][];
    // The idle account that was D gets its change row (A, score 100) in its place in account order.
    const idleRow = rows.find((x) => x[0] === wasD)!;
    expect(idleRow.slice(1, 4)).toEqual(['A', 100, 'D']);
    expect(rows.filter((x) => x !== idleRow)).toEqual(expected);
    expect(rows.map((x) => x[0])).toEqual(rows.map((x) => x[0] as string).sort());
    expect(Object.values(r.distribution).reduce((a, b) => a + b, 0)).toBe(r.accountCount);
    expect(r.overLimit.count).toBe(rows.filter((x) => x[7] === 1).length);
    expect(r.suggestedHolds.count).toBe(rows.filter((x) => x[8] === 1).length);
    expect(JSON.parse((w.core.sqlite.prepare('select summary from credit_runs where id = ?').get(r.runId) as { summary: string }).summary)).toMatchObject({ accountCount: r.accountCount, distribution: r.distribution });
    expect(w.core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);

    // Inside an outer transaction the run joins it (checks stay on) and writes the same.
    w.clock.set('2026-11-23T03:00:00Z');
    const inner = w.core.tx(() => runCreditBatch(w.core, SYSTEM_ACTOR));
    expect(inner).toMatchObject({ previousRunId: r.runId, accountCount: r.accountCount, distribution: r.distribution, changes: { upgrades: 0, downgrades: 0 } });
    expect(w.core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect((w.core.sqlite.prepare('select count(*) as n from credit_grades where run_id = ?').get(inner.runId) as { n: number }).n).toBe(rows.length - 1);
  });
});
