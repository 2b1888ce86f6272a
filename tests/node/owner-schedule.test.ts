import { afterEach, describe, expect, it } from 'vitest';
import { refreshReclaimSchedule } from '../../electron/backend/services/pool-schedule';
import { applyOwnerChanges } from '../../electron/backend/services/owner-changes';
import { loadMoveRows } from '../../electron/backend/services/owner-moves';
import { loadOwnerRows, ownerWrites, unwrittenAccount } from '../../electron/backend/services/owner-write';
import { setUpBackend } from '../helpers/backend';
import { makeAccounts, makeRep } from '../helpers/allocation-data';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * Owner changes and undo write the reclaim schedule in the same write as the owner (ownerWrites)
 * instead of a refreshReclaimSchedule pass afterwards: after each of them, a full refresh must find
 * nothing left to change, and the stored dates must be the ones the rules give.
 */
describe('reclaim schedule written with the owner', () => {
  it('transfer, release, claim, reclaim and their undos leave the schedule a full refresh would store', async () => {
    const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
    cleanup = t.close;
    const zhang = await makeRep(t.client, '张伟', { employeeNo: 'E001' });
    const li = await makeRep(t.client, '李娜', { employeeNo: 'E002' });
    const accounts = await makeAccounts(t.client, 6);
    const ids = accounts.map((a) => a.id);
    await t.client.call('poolRules.create', { name: '默认', noFollowupDays: 30, reminderDays: 3 });
    const schedules = () => t.core.sqlite.prepare('select id, owner_rep_id, reclaim_on, reclaim_remind_on, reclaim_trigger from accounts order by id').all();
    const settled = () => expect(refreshReclaimSchedule(t.core)).toBe(0);

    const first = await t.client.call('transfers.apply', { accountIds: ids, toRepId: zhang.id, reason: '分配' });
    settled();
    expect((await t.client.call('accounts.get', { id: ids[0]! })).account).toMatchObject({ reclaimOn: '2026-12-23', reclaimRemindOn: '2026-12-20' });
    const afterFirst = schedules();

    t.clock.set('2026-12-01T02:00:00Z');
    const second = await t.client.call('transfers.apply', { accountIds: ids.slice(0, 3), toRepId: li.id, reason: '调整' });
    settled();
    expect((await t.client.call('accounts.get', { id: ids[0]! })).account).toMatchObject({ reclaimOn: '2026-12-31', reclaimRemindOn: '2026-12-28', reclaimTrigger: 'no_followup' });
    expect((await t.client.call('accounts.get', { id: ids[5]! })).account.reclaimOn).toBe('2026-12-23');

    await t.client.call('pool.release', { accountIds: [ids[3]!], reason: '退回' });
    settled();
    expect((await t.client.call('accounts.get', { id: ids[3]! })).account).toMatchObject({ reclaimOn: null, reclaimRemindOn: null, reclaimTrigger: null });

    t.clock.set('2026-12-24T02:00:00Z');
    const run = await t.client.call('pool.reclaimApply', { confirmIds: [], confirmAll: false });
    expect(run.reclaimed).toBe(2);
    settled();
    await t.client.call('journals.undo', { id: run.journalId! });
    settled();
    expect((await t.client.call('accounts.get', { id: ids[5]! })).account.reclaimOn).toBe('2026-12-23');

    const journals = (await t.client.call('journals.list', { offset: 0, limit: 10 })).items;
    await t.client.call('journals.undo', { id: journals.find((j) => j.kind === 'pool_release')!.id });
    settled();
    await t.client.call('journals.undo', { id: second.journalId! });
    settled();
    expect(schedules()).toEqual(afterFirst);
    await t.client.call('journals.undo', { id: first.journalId! });
    settled();
    expect(schedules().every((r) => (r as { reclaim_on: string | null }).reclaim_on === null)).toBe(true);
  });
});

/**
 * The set-based owner write is optimistic: a row whose version is not the one the caller read is
 * not written, the count says so, and the caller can name the account. applyOwnerChanges turns that
 * into a CONFLICT that rolls the whole operation back.
 */
describe('optimistic owner writes', () => {
  /** A backend with one rep and three unassigned accounts. */
  async function threeAccounts() {
    const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
    cleanup = t.close;
    const zhang = await makeRep(t.client, '张伟', { employeeNo: 'E001' });
    const accounts = await makeAccounts(t.client, 3);
    return { t, zhang, accounts, ids: accounts.map((a) => a.id) };
  }

  it('skips a row whose version moved on and names it; the other rows are written with their values', async () => {
    const { t, zhang, accounts, ids } = await threeAccounts();
    const rows = loadOwnerRows(t.core, ids);
    const now = t.clock.now();
    const writes = ownerWrites(t.core);
    const next = (version: number) => ({ ownerRepId: zhang.id, ownedSince: now, previousOwnerRepId: null, pooledAt: null, updatedAt: now, updatedBy: null, version });
    writes.add(rows.get(ids[0]!)!, next(2), 1);
    writes.add(rows.get(ids[1]!)!, next(3), 2); // read as version 2, but the row is at 1
    writes.add(rows.get(ids[2]!)!, next(2), 1);
    expect(t.core.tx(() => writes.flush())).toBe(2);
    expect(unwrittenAccount(t.core, ids.map((id, i) => ({ id, version: i === 1 ? 3 : 2 })))).toBe(accounts[1]!.code);
    const stored = t.core.sqlite.prepare('select owner_rep_id, owned_since, version from accounts where id in (?, ?, ?) order by code').all(...ids);
    expect(stored).toEqual([
      { owner_rep_id: zhang.id, owned_since: now, version: 2 },
      { owner_rep_id: null, owned_since: null, version: 1 },
      { owner_rep_id: zhang.id, owned_since: now, version: 2 },
    ]);
  });

  it('refuses a move of a row read at an older version: CONFLICT naming it, nothing written', async () => {
    const { t, zhang, accounts, ids } = await threeAccounts();
    const loaded = loadMoveRows(t.core, ids);
    // Someone edits the second account after it was read.
    const second = (await t.client.call('accounts.get', { id: ids[1]! })).account;
    await t.client.call('accounts.update', { id: ids[1]!, version: second.version, patch: { phone: '021-12345678' } });
    const dump = () => t.core.sqlite.prepare("select (select json_group_array(json_array(id, owner_rep_id, version)) from accounts) as a, (select count(*) from account_transfers) as t, (select count(*) from audit_log) as l, (select count(*) from journals) as j").get();
    const before = dump();
    const moves = ids.map((id) => ({ accountId: id, toRepId: zhang.id }));
    expect(() => applyOwnerChanges(t.core, { id: null, name: 'test' }, moves, { kind: 'transfer', reason: '调整', journalKind: 'bulk_transfer', summary: '转移', loaded })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(accounts[1]!.code) }),
    );
    expect(dump()).toEqual(before);
    // Read again, the same move goes through.
    expect(applyOwnerChanges(t.core, { id: null, name: 'test' }, moves, { kind: 'transfer', reason: '调整', journalKind: 'bulk_transfer', summary: '转移' })).toMatchObject({ changed: 3 });
  });
});
