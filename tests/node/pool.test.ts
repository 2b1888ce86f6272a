import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { dumpAccounts, dumpActiveTransfers, giveReceivable, makeAccounts, makeRep, openCase } from '../helpers/allocation-data';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** 2026-11-23 01:00 in Shanghai is still 2026-11-22 in UTC. */
const ASSIGNED_AT = '2026-11-22T17:00:00Z';

async function setup(rule: Record<string, unknown> = {}) {
  const t = await setUpBackend({ now: ASSIGNED_AT });
  cleanup = t.close;
  const zhang = await makeRep(t.client, '张伟', { employeeNo: 'E001' });
  const li = await makeRep(t.client, '李娜', { employeeNo: 'E002' });
  const accounts = await makeAccounts(t.client, 4);
  const poolRule = await t.client.call('poolRules.create', { name: '默认', noFollowupDays: 30, reminderDays: 3, ...rule });
  await t.client.call('transfers.apply', { accountIds: accounts.map((a) => a.id), toRepId: zhang.id, reason: '分配' });
  return { ...t, zhang, li, accounts, poolRule };
}

const owners = async (t: Awaited<ReturnType<typeof setup>>) => new Map((await t.client.call('accounts.list', { limit: 100 })).items.map((a) => [a.id, a.ownerName]));

describe('pool reclaim clock', () => {
  it('reclaims on day N exactly, counted in the configured time zone', async () => {
    const t = await setup();
    const row = (await t.client.call('accounts.list', {})).items[0]!;
    expect(row.reclaimOn).toBe('2026-12-23'); // owned on 2026-11-23 in Shanghai
    expect(row.reclaimRemindOn).toBe('2026-12-20');
    t.clock.set('2026-12-22T15:59:59Z'); // 2026-12-22 23:59:59 in Shanghai: day 29
    expect((await t.client.call('pool.reclaimPreview', {})).reclaimCount).toBe(0);
    t.clock.set('2026-12-22T16:00:00Z'); // 2026-12-23 00:00 in Shanghai: day 30
    const p = await t.client.call('pool.reclaimPreview', {});
    expect(p).toMatchObject({ today: '2026-12-23', reclaimCount: 4, heldCount: 0 });
    expect(p.panel.rows[0]).toMatchObject({ fromName: '张伟', toRepId: null, note: '超期未跟进（2026-12-23 起）', needsConfirmation: false });
    expect(p.panel.reps).toEqual([expect.objectContaining({ name: '张伟', accountsBefore: 4, accountsAfter: 0 })]);
  });

  it('in UTC the same assignment is a day earlier', async () => {
    const t = await setup();
    await t.client.call('settings.update', { timeZone: 'UTC' });
    t.clock.set('2026-12-22T00:00:00Z');
    expect((await t.client.call('pool.reclaimPreview', {})).reclaimCount).toBe(4);
  });

  it('a follow-up restarts the clock; a protected account waits until the day after its protection', async () => {
    const t = await setup();
    const [a1, a2] = t.accounts;
    t.clock.set('2026-12-10T02:00:00Z');
    await t.client.call('followups.add', { accountId: a1!.id, kind: 'call', notes: '回访' });
    const row = (await t.client.call('accounts.get', { id: a2!.id })).account;
    await t.client.call('accounts.update', { id: a2!.id, version: row.version, patch: { protectedUntil: '2026-12-31' } });
    t.clock.set('2026-12-23T02:00:00Z');
    const p = await t.client.call('pool.reclaimPreview', {});
    expect(p.reclaimCount).toBe(2);
    expect(p.panel.rows.map((r) => r.id).sort()).toEqual([t.accounts[2]!.id, t.accounts[3]!.id].sort());
    t.clock.set('2026-12-31T02:00:00Z');
    expect((await t.client.call('pool.reclaimPreview', {})).panel.rows.map((r) => r.id)).not.toContain(a2!.id);
    t.clock.set('2027-01-01T02:00:00Z');
    expect((await t.client.call('pool.reclaimPreview', {})).panel.rows.map((r) => r.id)).toContain(a2!.id);
    expect((await t.client.call('accounts.get', { id: a1!.id })).account.reclaimOn).toBe('2027-01-09');
  });

  it('holds accounts with open receivables or cases until someone confirms', async () => {
    const t = await setup();
    const [a1, a2, a3] = t.accounts;
    t.clock.set('2026-12-23T02:00:00Z');
    giveReceivable(t.core, a1!.id, 300_00, '2026-12-01');
    openCase(t.core, a2!.id);
    const p = await t.client.call('pool.reclaimPreview', {});
    expect(p).toMatchObject({ reclaimCount: 2, heldCount: 2 });
    const held = p.panel.rows.filter((r) => r.needsConfirmation).map((r) => r.id);
    expect(held.sort()).toEqual([a1!.id, a2!.id].sort());
    expect(p.panel.rows[0]).toMatchObject({ id: a1!.id, overdueFen: 300_00, warnings: ['overdue'] });
    const run = await t.client.call('pool.reclaimApply', {});
    expect(run).toMatchObject({ reclaimed: 2, held: 2 });
    const o = await owners(t);
    expect([o.get(a1!.id), o.get(a2!.id), o.get(a3!.id)]).toEqual(['张伟', '张伟', null]);
    const confirmed = await t.client.call('pool.reclaimApply', { confirmIds: [a1!.id] });
    expect(confirmed).toMatchObject({ reclaimed: 1, held: 1 });
    expect((await t.client.call('transfers.history', { accountId: a1!.id }))[0]!.reason).toContain('已确认有未结应收/工单');
  });

  it("runs what its preview showed: confirmations since are fine, a change to the due accounts is refused", async () => {
    const t = await setup();
    const [a1, a2] = t.accounts;
    t.clock.set('2026-12-23T02:00:00Z');
    giveReceivable(t.core, a1!.id, 300_00, '2026-12-01');
    const p = await t.client.call('pool.reclaimPreview', {});
    expect(p).toMatchObject({ reclaimCount: 3, heldCount: 1 });
    // A follow-up since the preview: a2 is no longer due, so the preview's list is not what would run.
    await t.client.call('followups.add', { accountId: a2!.id, kind: 'call', notes: '回访' });
    const before = dumpAccounts(t.core);
    await expect(t.client.call('pool.reclaimApply', { expectFingerprint: p.fingerprint })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(dumpAccounts(t.core)).toEqual(before);
    // Previewed again, then the held account confirmed: the same due accounts, so the run goes ahead.
    const again = await t.client.call('pool.reclaimPreview', {});
    const run = await t.client.call('pool.reclaimApply', { confirmIds: [a1!.id], expectFingerprint: again.fingerprint });
    expect(run).toMatchObject({ reclaimed: 3, held: 0 });
  });

  it('is idempotent: a second run on the same day changes nothing', async () => {
    const t = await setup();
    t.clock.set('2026-12-23T02:00:00Z');
    const first = await t.client.call('pool.reclaimApply', {});
    expect(first.reclaimed).toBe(4);
    const accounts = dumpAccounts(t.core);
    const transfers = dumpActiveTransfers(t.core);
    const journals = (await t.client.call('journals.list', {})).total;
    t.clock.advance(3_600_000);
    const second = await t.client.call('pool.reclaimApply', {});
    expect(second).toEqual({ journalId: null, reclaimed: 0, held: 0 });
    expect(dumpAccounts(t.core)).toEqual(accounts);
    expect(dumpActiveTransfers(t.core)).toEqual(transfers);
    expect((await t.client.call('journals.list', {})).total).toBe(journals);
  });

  it('a reclaim run is one journal entry that undo reverses exactly', async () => {
    const t = await setup();
    t.clock.set('2026-12-23T02:00:00Z');
    const before = dumpAccounts(t.core);
    const run = await t.client.call('pool.reclaimApply', {});
    expect((await t.client.call('journals.get', { id: run.journalId! })).kind).toBe('pool_reclaim');
    await t.client.call('journals.undo', { id: run.journalId! });
    expect(dumpAccounts(t.core)).toEqual(before);
  });

  it('protection period: at its end the account goes back unless a deal was made', async () => {
    const t = await setup({ noFollowupDays: null, protectionDays: 15 });
    t.core.sqlite.prepare("update accounts set last_deal_on = '2026-11-30' where id = ?").run(t.accounts[0]!.id);
    t.clock.set('2026-12-08T02:00:00Z');
    const p = await t.client.call('pool.reclaimPreview', {});
    expect(p.reclaimCount).toBe(3);
    expect(p.panel.rows[0]!.note).toBe('保护期结束未成交（2026-12-08 起）');
  });

  it('the app-start daily task reclaims once a day and never the held ones', async () => {
    const t = await setup();
    giveReceivable(t.core, t.accounts[0]!.id, 100_00, '2027-06-01');
    t.clock.set('2026-12-23T02:00:00Z');
    const report = await t.backend.runDailyTasks();
    expect(report.poolReclaim).toMatchObject({ reclaimed: 3, held: 1 });
    expect((await t.backend.runDailyTasks()).poolReclaim).toBeNull();
    expect((await owners(t)).get(t.accounts[0]!.id)).toBe('张伟');
  });
});

describe('reminders, claims and releases', () => {
  it('lists accounts inside their reminder window, per rep', async () => {
    const t = await setup();
    t.clock.set('2026-12-20T02:00:00Z');
    const r = await t.client.call('pool.reminders', { repId: t.zhang.id });
    expect(r.total).toBe(4);
    expect(r.items[0]).toMatchObject({ ownerName: '张伟', reclaimOn: '2026-12-23', trigger: 'no_followup', daysLeft: 3 });
    expect((await t.client.call('pool.reminders', { repId: t.li.id })).total).toBe(0);
    t.clock.set('2026-12-19T02:00:00Z');
    expect((await t.client.call('pool.reminders', {})).total).toBe(0);
    const grid = await t.client.call('accounts.list', { filters: { reclaimOn: { filterType: 'date', type: 'lessThan', dateFrom: '2026-12-24' } } });
    expect(grid.total).toBe(4);
  });

  it('enforces the daily claim cap, the holding cap and the previous owner cooldown', async () => {
    const t = await setup({ claimDailyCap: 2, holdingCap: 3, cooldownDays: 7 });
    t.clock.set('2026-12-23T02:00:00Z');
    await t.client.call('pool.reclaimApply', {});
    const ids = t.accounts.map((a) => a.id);
    // The previous owner cannot re-claim for 7 days.
    await expect(t.client.call('pool.claim', { accountIds: [ids[0]!], repId: t.zhang.id })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('2026-12-30') });
    // Daily cap 2: claiming three at once is refused as a whole.
    const before = dumpAccounts(t.core);
    await expect(t.client.call('pool.claim', { accountIds: ids.slice(0, 3), repId: t.li.id })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('每日领取上限 2') });
    expect(dumpAccounts(t.core)).toEqual(before);
    expect(await t.client.call('pool.claim', { accountIds: ids.slice(0, 2), repId: t.li.id })).toMatchObject({ changed: 2 });
    await expect(t.client.call('pool.claim', { accountIds: [ids[2]!], repId: t.li.id })).rejects.toMatchObject({ message: expect.stringContaining('每日领取上限') });
    t.clock.set('2026-12-24T02:00:00Z');
    await t.client.call('pool.claim', { accountIds: [ids[2]!], repId: t.li.id });
    await expect(t.client.call('pool.claim', { accountIds: [ids[3]!], repId: t.li.id })).rejects.toMatchObject({ message: expect.stringContaining('持有上限 3') });
    t.clock.set('2026-12-30T02:00:00Z');
    await expect(t.client.call('pool.claim', { accountIds: [ids[3]!], repId: t.zhang.id })).resolves.toMatchObject({ changed: 1 });
    // Owned accounts cannot be claimed.
    await expect(t.client.call('pool.claim', { accountIds: [ids[3]!], repId: t.li.id })).rejects.toMatchObject({ message: expect.stringContaining('不在公海') });
  });

  it('releases with a reason, starting the cooldown', async () => {
    const t = await setup({ cooldownDays: 3 });
    const r = await t.client.call('pool.release', { accountIds: [t.accounts[0]!.id], reason: '客户无意向' });
    expect(r.changed).toBe(1);
    expect((await t.client.call('transfers.history', { accountId: t.accounts[0]!.id }))[0]).toMatchObject({ kind: 'release', toRepId: null, reason: '客户无意向' });
    await expect(t.client.call('pool.claim', { accountIds: [t.accounts[0]!.id], repId: t.zhang.id })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(t.client.call('pool.release', { accountIds: [t.accounts[1]!.id], reason: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('pool rules need a manager and validate their input', async () => {
    const t = await setup();
    await expect(t.client.call('poolRules.create', { name: '坏', noFollowupDays: -1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('poolRules.create', { name: '坏', territoryId: 'nowhere' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const coord = await t.client.call('users.create', { username: 'coord', displayName: '内勤', role: 'coordinator' });
    await t.client.call('session.signIn', { username: coord.username });
    await expect(t.client.call('poolRules.create', { name: '规则' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A coordinator still runs the reclaim and sees the reminders.
    await expect(t.client.call('pool.reclaimPreview', {})).resolves.toMatchObject({ reclaimCount: 0 });
  });

  it('changing a rule moves the stored reclaim dates', async () => {
    const t = await setup();
    await t.client.call('poolRules.update', { id: t.poolRule.id, version: t.poolRule.version, patch: { noFollowupDays: 10 } });
    expect((await t.client.call('accounts.list', {})).items[0]!.reclaimOn).toBe('2026-12-03');
  });
});
