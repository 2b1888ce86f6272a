import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { insertProduct, insertRep, setAccountOwner } from '../helpers/o2c';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Beijing wall-clock time → ISO instant for the test clock. */
const at = (s: string) => `${s.replace(' ', 'T')}:00+08:00`;
const ms = (s: string) => Date.parse(at(s));

async function setup() {
  // Friday 2025-09-19 16:00 in Shanghai.
  const t = await setUpBackend({ now: at('2025-09-19 16:00') });
  cleanup = t.close;
  await t.client.call('settings.update', {
    slaWarnMinutes: 120,
    workCalendar: {
      timeZone: 'Asia/Shanghai',
      weekdays: [1, 2, 3, 4, 5],
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ],
      holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
      makeupWorkdays: ['2025-09-28', '2025-10-11'],
    },
  });
  const rep = insertRep(t.core, '孙丽');
  const rep2 = insertRep(t.core, '钱军');
  const acct = await t.client.call('accounts.create', { name: '宁波港机设备', tier: 'B' });
  setAccountOwner(t.core, acct.id, rep);
  return { ...t, rep, rep2, acct };
}

describe('cases and SLA', () => {
  it('runs the clocks in working hours, pauses while waiting on the customer, stays breached', async () => {
    const t = await setup();
    const c = await t.client.call('cases.create', { accountId: t.acct.id, type: 'repair', priority: 'P2', title: '水泵异响', description: '客户反映运行噪音大' });
    expect(c.case).toMatchObject({ caseNo: 'CS-2025-000001', state: 'new', ownerRepId: t.rep, ownerName: '孙丽', warranty: 'unknown', sla: 'about_to_breach' });
    // P2 built-in targets: 2 h first response (Fri 16:00 → 18:00), 16 h resolution (Fri 2 h, Mon 8 h, Tue 09–12 + 13–16 → Tue 16:00).
    expect(c.case.firstResponse).toMatchObject({ status: 'running', targetMinutes: 120, dueAt: ms('2025-09-19 18:00'), aboutToBreach: true });
    expect(c.case.resolution).toMatchObject({ status: 'running', targetMinutes: 960, dueAt: ms('2025-09-23 16:00'), aboutToBreach: false });

    // Monday 09:30: nobody answered over the weekend, the first-response SLA ran out on Friday 18:00.
    t.clock.set(at('2025-09-22 09:30'));
    const breached = await t.client.call('cases.list', { filter: { sla: 'breached' } });
    expect(breached.items.map((x) => x.caseNo)).toEqual(['CS-2025-000001']);
    expect(breached.items[0]!.firstResponse.status).toBe('breached');
    expect(breached.items[0]!.resolution).toMatchObject({ status: 'running', elapsedMinutes: 150 });

    const r1 = await t.client.call('cases.respond', { id: c.case.id, version: c.case.version, note: '已电话联系客户' });
    expect(r1.case).toMatchObject({ state: 'in_progress', firstRespondedAt: ms('2025-09-22 09:30') });
    expect(r1.case.firstResponse).toMatchObject({ status: 'breached', breached: true });

    // Waiting on the customer from Monday 10:00 to Wednesday 10:00: the resolution clock stands still.
    t.clock.set(at('2025-09-22 10:00'));
    const w = await t.client.call('cases.setState', { id: c.case.id, version: r1.case.version, state: 'waiting_customer', note: '等客户寄回旧件' });
    t.clock.set(at('2025-09-24 10:00'));
    const paused = await t.client.call('cases.get', { id: c.case.id });
    expect(paused.case.resolution).toMatchObject({ status: 'paused', elapsedMinutes: 180, remainingMinutes: 780, dueAt: null });
    expect((await t.client.call('cases.list', { filter: { sla: 'about_to_breach' } })).total).toBe(0);
    const back = await t.client.call('cases.setState', { id: c.case.id, version: w.case.version, state: 'in_progress' });
    // 13 h left from Wednesday 10:00: 7 h on Wednesday, 6 h on Thursday → Thursday 16:00.
    expect(back.case.resolution).toMatchObject({ status: 'running', dueAt: ms('2025-09-25 16:00') });

    // Thursday 14:30: 1.5 working hours left, inside the 2 h warning window.
    t.clock.set(at('2025-09-25 14:30'));
    const soon = await t.client.call('cases.list', { filter: { sla: 'about_to_breach' } });
    expect(soon.items.map((x) => x.resolution.remainingMinutes)).toEqual([90]);
    expect(soon.items[0]!.sla).toBe('breached'); // the first-response breach is the worse of the two

    t.clock.set(at('2025-09-25 15:00'));
    const done = await t.client.call('cases.setState', { id: c.case.id, version: back.case.version, state: 'resolved', note: '更换轴承' });
    expect(done.case.resolution).toMatchObject({ status: 'met', breached: false });
    expect(done.case.firstResponse.breached).toBe(true);
    expect(done.allowedStates).toEqual(['in_progress', 'closed']);

    const reopened = await t.client.call('cases.setState', { id: c.case.id, version: done.case.version, state: 'in_progress', note: '客户说问题复现' });
    expect(reopened.events.map((e) => e.kind)).toEqual(['created', 'response', 'state', 'state', 'state', 'state', 'reopened']);
    expect(reopened.case.resolution.status).toBe('running');
    const audit = await t.client.call('audit.list', { entityType: 'case', entityId: c.case.id });
    expect(audit[0]).toMatchObject({ action: 'case.reopen', reason: '客户说问题复现' });
  });

  it('makes a breach stick through the daily sweep, across the 国庆 holidays', async () => {
    const t = await setup();
    t.clock.set(at('2025-09-30 16:00'));
    const c = await t.client.call('cases.create', { accountId: t.acct.id, type: 'complaint', priority: 'P1', title: '发货错误' });
    // P1: 1 h first response (→ 17:00), 8 h resolution: 2 h on 09-30, holidays until 10-09, then 6 h → 10-09 16:00.
    expect(c.case.resolution.dueAt).toBe(ms('2025-10-09 16:00'));
    t.clock.set(at('2025-10-05 12:00'));
    expect((await t.client.call('cases.get', { id: c.case.id })).case.resolution).toMatchObject({ status: 'running', elapsedMinutes: 120 });
    t.clock.set(at('2025-10-09 16:01'));
    const report = await t.backend.runDailyTasks();
    expect(report.slaBreaches).toBe(1);
    const row = t.core.sqlite.prepare('select first_response_breached as f, resolution_breached as r from cases where id = ?').get(c.case.id);
    expect(row).toEqual({ f: 1, r: 1 });
    // A more generous priority later does not undo the breach.
    const cur = await t.client.call('cases.get', { id: c.case.id });
    const relaxed = await t.client.call('cases.update', { id: c.case.id, version: cur.case.version, patch: { priority: 'P4' } });
    expect(relaxed.case.resolution).toMatchObject({ targetMinutes: 4800, status: 'breached', breached: true });
  });

  it('computes warranty from the ship date, escalates with a note, attaches files, refuses illegal moves', async () => {
    const t = await setup();
    const product = insertProduct(t.core, { sku: 'MTR-5', name: '电机 5kW', unitPriceFen: 500_000, warrantyMonths: 12 });
    const o = await t.client.call('orders.create', { accountId: t.acct.id, orderedOn: '2024-09-01', lines: [{ productId: product, quantity: 2 }] });
    const conf = await t.client.call('orders.confirm', { id: o.order.order.id, version: o.order.order.version, confirmedOn: '2024-09-01' });
    const sh = await t.client.call('orders.ship', { id: conf.order.order.id, version: conf.order.order.version, shippedOn: '2024-09-20' });
    const c = await t.client.call('cases.create', { accountId: t.acct.id, orderLineId: sh.lines[0]!.id, serialNo: 'SN-88', type: 'repair', priority: 'P3', title: '电机不转', attachments: [{ name: '照片.jpg', path: 'D:/售后/照片.jpg' }] });
    // Shipped 2024-09-20 + 12 months: covered through 2025-09-19, today → still in warranty.
    expect(c.case).toMatchObject({ warranty: 'in', warrantyExpiresOn: '2025-09-20', orderNo: sh.order.orderNo, productName: '电机 5kW', attachments: [{ name: '照片.jpg', path: 'D:/售后/照片.jpg' }] });
    const e = await t.client.call('cases.escalate', { id: c.case.id, version: c.case.version, ownerRepId: t.rep2, note: '需要技术主管处理' });
    expect(e.case).toMatchObject({ ownerRepId: t.rep2, ownerName: '钱军', escalationLevel: 1 });
    expect(e.events.at(-1)).toMatchObject({ kind: 'escalated', note: '孙丽 → 钱军：需要技术主管处理' });
    const a = await t.client.call('cases.addAttachment', { id: c.case.id, version: e.case.version, attachment: { name: '检测报告.pdf', path: '/srv/reports/88.pdf' } });
    expect(a.case.attachments).toHaveLength(2);
    await expect(t.client.call('cases.escalate', { id: c.case.id, version: a.case.version, note: '无人' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('cases.setState', { id: c.case.id, version: a.case.version, state: 'closed' })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: '工单 CS-2025-000001：工单不能从“新建”变为“已关闭”' });
    await expect(t.client.call('cases.setState', { id: c.case.id, version: c.case.version, state: 'in_progress' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = await t.client.call('accounts.create', { name: '别的客户' });
    await expect(t.client.call('cases.create', { accountId: other.id, orderId: sh.order.id, type: 'repair', title: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('不属于') });
    const open = await t.client.call('cases.list', { filter: { open: true, orderId: sh.order.id } });
    expect(open.total).toBe(1);
    const detail = await t.client.call('orders.get', { id: sh.order.id });
    expect(detail.cases.map((x) => x.caseNo)).toEqual(['CS-2025-000001']);
    expect((await t.client.call('accounts.get', { id: t.acct.id })).account.openCases).toBe(1);
  });

  it('takes SLA targets from the policy for the priority and the account tier', async () => {
    const t = await setup();
    await t.client.call('sla.policies.save', { priority: 'P3', firstResponseMinutes: 30, resolutionMinutes: 600 });
    await t.client.call('sla.policies.save', { priority: 'P3', tier: 'B', firstResponseMinutes: 45, resolutionMinutes: 900 });
    const policies = await t.client.call('sla.policies.list', {});
    expect(policies.filter((p) => p.priority === 'P3').map((p) => [p.tier, p.firstResponseMinutes, p.builtIn])).toEqual([
      [null, 30, false],
      ['B', 45, false],
    ]);
    const c = await t.client.call('cases.create', { accountId: t.acct.id, type: 'consultation', title: '咨询' });
    expect(c.case.firstResponse.targetMinutes).toBe(45);
    const plain = await t.client.call('accounts.create', { name: '普通客户', tier: 'C' });
    const c2 = await t.client.call('cases.create', { accountId: plain.id, type: 'consultation', title: '咨询' });
    expect(c2.case.firstResponse.targetMinutes).toBe(30);
    await expect(t.client.call('settings.update', { workCalendar: { timeZone: 'Asia/Shanghai', weekdays: [1], periods: [{ start: '18:00', end: '09:00' }], holidays: [], makeupWorkdays: [] } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
