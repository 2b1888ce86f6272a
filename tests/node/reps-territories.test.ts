import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { dumpAccounts, makeAccounts, makeRep, makeTerritories } from '../helpers/allocation-data';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function setup() {
  const t = await setUpBackend();
  cleanup = t.close;
  return t;
}

describe('reps', () => {
  it('creates and edits reps with territories, specialities, capacity and status; shows their load', async () => {
    const t = await setup();
    const terr = await makeTerritories(t.client);
    const r = await t.client.call('reps.create', { name: '张伟', employeeNo: 'E001', capacity: 50, specialities: ['制造业', '医药'], territoryId: terr.sh.id, extraTerritoryIds: [terr.js.id] });
    expect(r).toMatchObject({ name: '张伟', capacity: 50, specialities: ['制造业', '医药'], territoryName: '上海', extraTerritoryIds: [terr.js.id], accountCount: 0, status: 'active' });
    await expect(t.client.call('reps.create', { name: '另一个', employeeNo: 'E001' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('E001') });
    const accounts = await makeAccounts(t.client, 3);
    await t.client.call('transfers.apply', { accountIds: accounts.map((a) => a.id), toRepId: r.id, reason: '分配' });
    const u = await t.client.call('reps.update', { id: r.id, version: r.version, patch: { status: 'paused', capacity: 2 } });
    expect(u).toMatchObject({ status: 'paused', capacity: 2, accountCount: 3, version: 2 });
    await expect(t.client.call('reps.update', { id: r.id, version: u.version, patch: { status: 'left' } })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('3 个客户') });
    expect(await t.client.call('reps.resolve', { ref: 'E001' })).toMatchObject({ id: r.id });
    expect(await t.client.call('reps.resolve', { ref: '张伟' })).toMatchObject({ id: r.id });
    await t.client.call('reps.create', { name: '张伟', employeeNo: 'E009' });
    await expect(t.client.call('reps.resolve', { ref: '张伟' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('E009') });
  });

  it('hands a leaving rep’s accounts over by rule, marks the rep left, and undoes it as a whole', async () => {
    const t = await setup();
    const terr = await makeTerritories(t.client);
    const leaving = await makeRep(t.client, '离职者', { employeeNo: 'E100' });
    const east = await makeRep(t.client, '华东代表', { employeeNo: 'E101' });
    const accounts = await makeAccounts(t.client, 4, (i) => ({ territoryId: i < 2 ? terr.pd.id : terr.gz.id }));
    await t.client.call('transfers.apply', { accountIds: accounts.map((a) => a.id), toRepId: leaving.id, reason: '分配' });
    // A rule that still lists the leaving rep: the handover counts the rep as gone.
    await t.client.call('allocationRules.create', { name: '华东', match: { territoryIds: [terr.east.id] }, targetRepIds: [leaving.id, east.id], strategy: 'least_accounts' });
    const before = dumpAccounts(t.core);
    const p = await t.client.call('reps.handoverPreview', { repId: leaving.id, mode: 'rules' });
    expect(p.panel.rowCount).toBe(4);
    expect(p.panel.totals.toPool).toBe(2);
    expect(p.panel.reps.find((r) => r.name === '离职者')).toMatchObject({ accountsBefore: 4, accountsAfter: 0 });
    const h = await t.client.call('reps.handover', { repId: leaving.id, mode: 'rules', reason: '离职', expectFingerprint: p.fingerprint });
    expect(h).toMatchObject({ changed: 4, toPool: 2 });
    const rep = await t.client.call('reps.get', { id: leaving.id });
    expect(rep).toMatchObject({ status: 'left', leftOn: '2026-11-23', accountCount: 0 });
    expect((await t.client.call('reps.list', {})).some((r) => r.id === leaving.id)).toBe(false);
    await t.client.call('journals.undo', { id: h.journalId! });
    expect(dumpAccounts(t.core)).toEqual(before);
    expect(await t.client.call('reps.get', { id: leaving.id })).toMatchObject({ status: 'active', leftOn: null, accountCount: 4 });
  });

  it('hands over to one rep or to the pool; refuses bad targets', async () => {
    const t = await setup();
    const a = await makeRep(t.client, '甲');
    const b = await makeRep(t.client, '乙');
    const accounts = await makeAccounts(t.client, 2);
    await t.client.call('transfers.apply', { accountIds: accounts.map((x) => x.id), toRepId: a.id, reason: '分配' });
    await expect(t.client.call('reps.handover', { repId: a.id, mode: 'rep', reason: '离职' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('reps.handover', { repId: a.id, mode: 'rep', toRepId: a.id, reason: '离职' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('reps.handover', { repId: a.id, mode: 'rep', toRepId: b.id, reason: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const h = await t.client.call('reps.handover', { repId: a.id, mode: 'rep', toRepId: b.id, reason: '休假', setStatus: 'paused' });
    expect(h.changed).toBe(2);
    expect(await t.client.call('reps.get', { id: b.id })).toMatchObject({ accountCount: 2 });
    expect(await t.client.call('reps.get', { id: a.id })).toMatchObject({ status: 'paused' });
    const h2 = await t.client.call('reps.handover', { repId: b.id, mode: 'pool', reason: '离职' });
    expect(h2).toMatchObject({ changed: 2, toPool: 2 });
  });

  it('undo refuses to give accounts back to a rep who has left since', async () => {
    const t = await setup();
    const a = await makeRep(t.client, '甲');
    const b = await makeRep(t.client, '乙');
    const accounts = await makeAccounts(t.client, 1);
    await t.client.call('transfers.apply', { accountIds: [accounts[0]!.id], toRepId: a.id, reason: '分配' });
    const j = await t.client.call('transfers.apply', { accountIds: [accounts[0]!.id], toRepId: b.id, reason: '调整' });
    const ra = await t.client.call('reps.get', { id: a.id });
    await t.client.call('reps.update', { id: a.id, version: ra.version, patch: { status: 'left' } });
    await expect(t.client.call('journals.undo', { id: j.journalId! })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('甲') });
  });
});

describe('territory tree', () => {
  it('creates, renames, re-parents with cycle prevention and deletes only when empty', async () => {
    const t = await setup();
    const terr = await makeTerritories(t.client);
    const renamed = await t.client.call('territories.update', { id: terr.pd.id, version: terr.pd.version, patch: { name: '浦东新区' } });
    expect(renamed.name).toBe('浦东新区');
    await expect(t.client.call('territories.update', { id: terr.east.id, version: terr.east.version, patch: { parentId: terr.pd.id } })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(t.client.call('territories.update', { id: terr.east.id, version: terr.east.version, patch: { parentId: terr.east.id } })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    const moved = await t.client.call('territories.update', { id: terr.sh.id, version: terr.sh.version, patch: { parentId: terr.south.id } });
    expect(moved.parentId).toBe(terr.south.id);
    await expect(t.client.call('territories.create', { name: '广州', parentId: terr.south.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(t.client.call('territories.create', { name: '杭州', code: 'GZ' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Not empty: a child, then an account, then a rule.
    await expect(t.client.call('territories.delete', { id: terr.south.id, version: terr.south.version })).rejects.toMatchObject({ message: expect.stringContaining('下级区域') });
    const [acc] = await makeAccounts(t.client, 1, () => ({ territoryId: terr.gz.id }));
    await expect(t.client.call('territories.delete', { id: terr.gz.id, version: terr.gz.version })).rejects.toMatchObject({ message: expect.stringContaining('1 个客户') });
    await t.client.call('accounts.update', { id: acc!.id, version: acc!.version, patch: { territoryId: null } });
    const rep = await makeRep(t.client, '甲');
    const rule = await t.client.call('allocationRules.create', { name: '广州', match: { territoryIds: [terr.gz.id] }, targetRepIds: [rep.id] });
    await expect(t.client.call('territories.delete', { id: terr.gz.id, version: terr.gz.version })).rejects.toMatchObject({ message: expect.stringContaining('分配规则') });
    await t.client.call('allocationRules.delete', { id: rule.id, version: rule.version });
    await expect(t.client.call('territories.delete', { id: terr.gz.id, version: terr.gz.version })).resolves.toEqual({ ok: true });
    const usage = await t.client.call('territories.usage', {});
    expect(usage.map((u) => u.name)).not.toContain('广州');
    expect(usage.find((u) => u.id === terr.south.id)).toMatchObject({ childCount: 1 });
  });
});
