import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { makeAccounts, makeRep } from '../helpers/allocation-data';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('follow-ups', () => {
  it('logs a follow-up, moves last/next follow-up dates and the pool clock, lists due next steps per rep', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const rep = await makeRep(t.client, '张伟');
    const other = await makeRep(t.client, '李娜');
    const [a, b] = await makeAccounts(t.client, 2);
    await t.client.call('poolRules.create', { name: '默认', noFollowupDays: 30 });
    await t.client.call('transfers.apply', { accountIds: [a!.id, b!.id], toRepId: rep.id, reason: '分配' });
    const f = await t.client.call('followups.add', { accountId: a!.id, kind: 'visit', occurredOn: '2026-11-23', notes: '拜访采购经理', nextStep: '发报价', nextOn: '2026-11-25' });
    expect(f).toMatchObject({ repName: '张伟', kind: 'visit', nextOn: '2026-11-25', nextDone: false });
    await t.client.call('followups.add', { accountId: b!.id, kind: 'wechat', occurredOn: '2026-11-20', notes: '微信沟通', nextOn: '2026-11-21', repId: other.id });
    const row = (await t.client.call('accounts.get', { id: a!.id })).account;
    expect(row).toMatchObject({ lastFollowupOn: '2026-11-23', nextFollowupOn: '2026-11-25', daysSinceFollowup: 0, reclaimOn: '2026-12-23' });
    const due = await t.client.call('followups.due', {});
    expect(due.items.map((d) => [d.accountName, d.overdueDays])).toEqual([[b!.name, 2]]);
    expect((await t.client.call('followups.due', { repId: rep.id, until: '2026-11-30' })).items.map((d) => d.accountId)).toEqual([a!.id]);
    const done = await t.client.call('followups.complete', { id: f.id, version: f.version });
    expect(done.nextDone).toBe(true);
    expect((await t.client.call('accounts.get', { id: a!.id })).account.nextFollowupOn).toBeNull();
    const timeline = (await t.client.call('accounts.get', { id: a!.id })).timeline;
    expect(timeline.find((e) => e.kind === 'followup.visit')).toMatchObject({ title: '拜访（2026-11-23）：拜访采购经理', detail: '下一步 2026-11-25：发报价', by: '张伟' });
    expect(timeline.find((e) => e.kind === 'followup.complete')).toBeTruthy();
  });

  it('refuses impossible dates and unknown accounts', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const [a] = await makeAccounts(t.client, 1);
    await expect(t.client.call('followups.add', { accountId: a!.id, kind: 'call', occurredOn: '2026-11-24', notes: '未来' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('晚于今天') });
    await expect(t.client.call('followups.add', { accountId: a!.id, kind: 'call', occurredOn: '2026-02-30', notes: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('followups.add', { accountId: a!.id, kind: 'call', notes: 'x', nextOn: '2026-11-01' })).rejects.toMatchObject({ message: expect.stringContaining('早于') });
    await expect(t.client.call('followups.add', { accountId: 'nope', kind: 'call', notes: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.client.call('followups.add', { accountId: a!.id, kind: 'fax' as 'call', notes: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('account fields, tags and saved views', () => {
  it('sets tags and co-followers (audited, shown in the grid and the timeline), resolves codes', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const rep = await makeRep(t.client, '王芳');
    const [a, b] = await makeAccounts(t.client, 2);
    expect((await t.client.call('accounts.setTags', { id: a!.id, tags: ['VIP', '老客户', 'VIP'] })).tags.sort()).toEqual(['VIP', '老客户']);
    await t.client.call('accounts.setFollowers', { id: a!.id, repIds: [rep.id] });
    const row = (await t.client.call('accounts.list', { filters: { tags: { filterType: 'text', type: 'contains', filter: 'VIP' } } })).items;
    expect(row.map((r) => [r.id, [...r.tags].sort(), r.followerNames])).toEqual([[a!.id, ['VIP', '老客户'], ['王芳']]]);
    expect((await t.client.call('tags.list', {})).map((x) => [x.name, x.accountCount]).sort()).toEqual([
      ['VIP', 1],
      ['老客户', 1],
    ]);
    const timeline = (await t.client.call('accounts.get', { id: a!.id })).timeline;
    expect(timeline.find((e) => e.kind === 'account.tags')?.detail).toMatch(/^标签：— → (VIP、老客户|老客户、VIP)$/);
    expect(await t.client.call('accounts.resolve', { refs: [b!.code.toLowerCase(), a!.id, 'KH-999999'] })).toEqual({ ids: [b!.id, a!.id], missing: ['KH-999999'] });
  });

  it('shows edits in the timeline as field: before → after', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const [a] = await makeAccounts(t.client, 1);
    await t.client.call('accounts.update', { id: a!.id, version: a!.version, patch: { tier: 'A', phone: '021-1234' } });
    const e = (await t.client.call('accounts.get', { id: a!.id })).timeline.find((x) => x.kind === 'account.update');
    expect(e).toMatchObject({ title: '修改资料', detail: '级别：C → A；电话：— → 021-1234', by: '管理员' });
  });

  it('saves named views per user and grid, one default', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const v1 = await t.client.call('views.save', { grid: 'accounts', name: '我的A类', state: { filters: { tier: { filterType: 'set', values: ['A'] } } }, isDefault: true });
    const v2 = await t.client.call('views.save', { grid: 'accounts', name: '逾期', state: { sort: [{ colId: 'overdueFen', sort: 'desc' }] }, isDefault: true });
    const list = await t.client.call('views.list', { grid: 'accounts' });
    expect(list.map((v) => [v.name, v.isDefault])).toEqual([
      ['我的A类', false],
      ['逾期', true],
    ]);
    expect(list[0]!.state).toEqual({ filters: { tier: { filterType: 'set', values: ['A'] } } });
    await expect(t.client.call('views.save', { grid: 'accounts', name: '逾期', state: {} })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(t.client.call('views.save', { grid: 'accounts', name: '大', state: { x: 'y'.repeat(200_000) } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const renamed = await t.client.call('views.save', { id: v1.id, version: v1.version, grid: 'accounts', name: 'A类客户', state: v1.state });
    expect(renamed).toMatchObject({ name: 'A类客户', version: 2 });
    await t.client.call('views.delete', { id: v2.id });
    expect((await t.client.call('views.list', { grid: 'accounts' })).map((v) => v.name)).toEqual(['A类客户']);
    // Another user does not see them.
    await t.client.call('users.create', { username: 'other', displayName: '别人', role: 'coordinator' });
    await t.client.call('session.signIn', { username: 'other' });
    expect(await t.client.call('views.list', { grid: 'accounts' })).toEqual([]);
  });
});
