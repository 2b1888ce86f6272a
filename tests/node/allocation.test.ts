import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { dumpAccounts, dumpActiveTransfers, makeAccounts, makeRep, makeTerritories } from '../helpers/allocation-data';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function setup() {
  const t = await setUpBackend();
  cleanup = t.close;
  const terr = await makeTerritories(t.client);
  const reps = {
    a: await makeRep(t.client, '张伟', { employeeNo: 'E001' }),
    b: await makeRep(t.client, '李娜', { employeeNo: 'E002' }),
    c: await makeRep(t.client, '王芳', { employeeNo: 'E003' }),
    big: await makeRep(t.client, '赵强', { employeeNo: 'E004', capacity: 2 }),
    dflt: await makeRep(t.client, '刘洋', { employeeNo: 'E005' }),
  };
  // 6 accounts in 浦东 (tier A for the first two), 3 in 广州 (manufacturing), 2 nowhere.
  const pd = await makeAccounts(t.client, 6, (i) => ({ territoryId: terr.pd.id, tier: i < 2 ? 'A' : 'C' }));
  const gz = await makeAccounts(t.client, 3, () => ({ territoryId: terr.gz.id, industry: '制造业' }));
  const none = await makeAccounts(t.client, 2, () => ({ source: '官网' }));
  return { ...t, terr, reps, pd, gz, none };
}

describe('auto-allocation with saved rules', () => {
  it('previews who gets what, per-rep loads and unmatched accounts; apply equals the preview; undo restores exactly', async () => {
    const t = await setup();
    const { a, b, c, big } = t.reps;
    const r1 = await t.client.call('allocationRules.create', { name: '华东A类', match: { territoryIds: [t.terr.east.id], tiers: ['A'] }, targetRepIds: [a.id], strategy: 'single' });
    const r2 = await t.client.call('allocationRules.create', { name: '华东轮流', match: { territoryIds: [t.terr.east.id] }, targetRepIds: [b.id, c.id], strategy: 'round_robin' });
    await t.client.call('allocationRules.create', { name: '制造业', match: { industries: ['制造业'] }, targetRepIds: [big.id], strategy: 'capacity' });
    const rules = await t.client.call('allocationRules.list', {});
    expect(rules.rules.map((r) => r.name)).toEqual(['华东A类', '华东轮流', '制造业']);

    const p = await t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'saved' } });
    expect(p.accountCount).toBe(11);
    expect(p.byRule).toEqual([
      { ruleId: r1.id, name: '华东A类', count: 2 },
      { ruleId: r2.id, name: '华东轮流', count: 4 },
      { ruleId: expect.any(String), name: '制造业', count: 2 },
      { ruleId: null, name: '公海', count: 0 },
    ].filter((x) => x.count > 0));
    // 赵强 has capacity 2: the third manufacturing account has no available rep and stays in the pool.
    expect(p.changeCount).toBe(8);
    expect(p.noAvailableRepCount).toBe(1);
    expect(p.unmatchedCount).toBe(2);
    expect(p.unmatched.map((u) => u.code).sort()).toEqual(t.none.map((x) => x.code).sort());
    const loads = Object.fromEntries(p.panel.reps.map((r) => [r.name, [r.accountsBefore, r.accountsAfter]]));
    expect(loads).toEqual({ 张伟: [0, 2], 李娜: [0, 2], 王芳: [0, 2], 赵强: [0, 2] });
    expect(p.panel.rows.find((r) => r.toName === '张伟')?.note).toBe('华东A类');

    // Deterministic: the same data and rules give the same plan.
    const p2 = await t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'saved' } });
    expect(p2.fingerprint).toBe(p.fingerprint);

    const before = dumpAccounts(t.core);
    const transfersBefore = dumpActiveTransfers(t.core);
    const applied = await t.client.call('allocation.apply', { scope: { kind: 'unassigned' }, rules: { source: 'saved' }, expectFingerprint: p.fingerprint });
    expect(applied).toMatchObject({ changed: 8, toPool: 0, fingerprint: p.fingerprint });
    const owners = (await t.client.call('accounts.list', { limit: 100 })).items;
    const ownerOf = (id: string) => owners.find((x) => x.id === id)!.ownerName;
    expect(t.pd.slice(0, 2).map((x) => ownerOf(x.id))).toEqual(['张伟', '张伟']);
    expect(t.pd.slice(2).map((x) => ownerOf(x.id))).toEqual(['李娜', '王芳', '李娜', '王芳']);
    expect(t.gz.map((x) => ownerOf(x.id))).toEqual(['赵强', '赵强', null]);
    // The round-robin cursor persisted: the next run continues with 李娜 (index 0 after two full turns).
    expect((await t.client.call('allocationRules.list', {})).rules.find((r) => r.id === r2.id)!.rrCursor).toBe(0);
    const hist = await t.client.call('transfers.history', { accountId: t.pd[0]!.id });
    expect(hist[0]).toMatchObject({ kind: 'auto', reason: '自动分配（华东A类）', journalId: applied.journalId });

    await t.client.call('journals.undo', { id: applied.journalId! });
    expect(dumpAccounts(t.core)).toEqual(before);
    expect(dumpActiveTransfers(t.core)).toEqual(transfersBefore);
  });

  it('continues round-robin from the persisted cursor, restores it on undo, and skips paused and full reps', async () => {
    const t = await setup();
    const { a, b, c } = t.reps;
    const rule = await t.client.call('allocationRules.create', { name: '轮流', targetRepIds: [a.id, b.id, c.id] });
    const one = await t.client.call('allocation.apply', { scope: { kind: 'accounts', ids: [t.pd[0]!.id] }, rules: { source: 'saved' } });
    expect((await t.client.call('allocationRules.list', {})).rules[0]!.rrCursor).toBe(1);
    await t.client.call('reps.update', { id: b.id, version: b.version, patch: { status: 'paused' } });
    await t.client.call('allocation.apply', { scope: { kind: 'accounts', ids: [t.pd[1]!.id, t.pd[2]!.id] }, rules: { source: 'saved' } });
    const owners = (await t.client.call('accounts.list', { limit: 100 })).items;
    expect([t.pd[0], t.pd[1], t.pd[2]].map((x) => owners.find((o) => o.id === x!.id)!.ownerName)).toEqual(['张伟', '王芳', '张伟']);
    expect((await t.client.call('allocationRules.list', {})).rules[0]!.rrCursor).toBe(1);
    // Undo of the first run (its account was not touched since): the cursor goes back to where that run
    // found it, because it still has the value that run left.
    await t.client.call('journals.undo', { id: one.journalId! });
    expect((await t.client.call('allocationRules.list', {})).rules[0]!).toMatchObject({ id: rule.id, rrCursor: 0 });
  });

  it('uses the default assignee as the fallback, or the pool when unavailable', async () => {
    const t = await setup();
    await t.client.call('allocationRules.create', { name: '华南', match: { territoryIds: [t.terr.south.id] }, targetRepIds: [t.reps.a.id] });
    await t.client.call('allocation.setFallback', { repId: t.reps.dflt.id });
    const p = await t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'saved' } });
    expect(p.fallback).toEqual({ kind: 'rep', repId: t.reps.dflt.id, name: '刘洋' });
    // Changing another setting keeps the fallback (a settings patch names only what it changes).
    await t.client.call('settings.update', { companyName: '示例公司' });
    expect((await t.client.call('allocationRules.list', {})).fallbackRepId).toBe(t.reps.dflt.id);
    expect(p.panel.reps.find((r) => r.name === '刘洋')).toMatchObject({ accountsBefore: 0, accountsAfter: 8 });
    await t.client.call('reps.update', { id: t.reps.dflt.id, version: t.reps.dflt.version, patch: { status: 'paused' } });
    const p2 = await t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'saved' } });
    expect(p2.toPool).toBe(0); // pool → pool is no change
    expect(p2.changeCount).toBe(3);
  });

  it('refuses to apply when the data changed since the preview', async () => {
    const t = await setup();
    await t.client.call('allocationRules.create', { name: '全部', targetRepIds: [t.reps.a.id, t.reps.b.id] });
    const p = await t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'saved' } });
    await t.client.call('transfers.apply', { accountIds: [t.pd[0]!.id], toRepId: t.reps.c.id, reason: '手工' });
    const before = dumpAccounts(t.core);
    await expect(t.client.call('allocation.apply', { scope: { kind: 'unassigned' }, rules: { source: 'saved' }, expectFingerprint: p.fingerprint })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(dumpAccounts(t.core)).toEqual(before);
  });

  it('matches tags and sources, and takes inline rules that name reps and territories', async () => {
    const t = await setup();
    await t.client.call('accounts.setTags', { id: t.none[0]!.id, tags: ['VIP'] });
    const doc = {
      rules: [
        { name: 'VIP', match: { tags: ['vip'] }, targets: ['E003'], strategy: 'single' as const },
        { name: '官网', match: { sources: ['官网'] }, targets: ['李娜'] },
        { name: '华东', match: { territories: ['华东'] }, targets: ['张伟', 'E002'], strategy: 'least_accounts' as const },
      ],
      fallback: '刘洋',
    };
    const p = await t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'inline', document: doc } });
    expect(p.byRule.map((r) => [r.name, r.count])).toEqual([
      ['VIP', 1],
      ['官网', 1],
      ['华东', 6],
      ['默认接收人 / 公海', 3],
    ]);
    await expect(t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'inline', document: { rules: [{ targets: ['无名氏'] }] } } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('无名氏'),
    });
    await expect(t.client.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'inline', document: { rules: [{ match: { territories: ['火星'] }, targets: ['张伟'] }] } } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('火星'),
    });
  });

  it('rules CRUD: validation, versions, reorder', async () => {
    const t = await setup();
    await expect(t.client.call('allocationRules.create', { name: 'x', targetRepIds: ['ghost'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.client.call('allocationRules.create', { name: 'x', targetRepIds: [t.reps.a.id, t.reps.b.id], strategy: 'single' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const r1 = await t.client.call('allocationRules.create', { name: '一', targetRepIds: [t.reps.a.id] });
    const r2 = await t.client.call('allocationRules.create', { name: '二', targetRepIds: [t.reps.b.id] });
    const u = await t.client.call('allocationRules.update', { id: r1.id, version: r1.version, patch: { enabled: false } });
    expect(u).toMatchObject({ enabled: false, version: 2 });
    await expect(t.client.call('allocationRules.update', { id: r1.id, version: 1, patch: { name: '旧' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const order = await t.client.call('allocationRules.reorder', { ids: [r2.id, r1.id] });
    expect(order.map((r) => r.name)).toEqual(['二', '一']);
    await expect(t.client.call('allocationRules.reorder', { ids: [r2.id] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await t.client.call('allocationRules.delete', { id: r2.id, version: order[0]!.version });
    expect((await t.client.call('allocationRules.list', {})).rules.map((r) => r.name)).toEqual(['一']);
  });
});
