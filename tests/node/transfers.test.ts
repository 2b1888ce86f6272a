import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { dumpAccounts, dumpActiveTransfers, dumpAudit, giveReceivable, makeAccounts, makeRep, openCase } from '../helpers/allocation-data';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function setup() {
  const t = await setUpBackend();
  cleanup = t.close;
  const zhang = await makeRep(t.client, '张伟', { employeeNo: 'E001', capacity: 3 });
  const li = await makeRep(t.client, '李娜', { employeeNo: 'E002' });
  const accounts = await makeAccounts(t.client, 4);
  return { ...t, zhang, li, accounts };
}

describe('transfers and the decision panel', () => {
  it('shows receivables, overdue amounts, cases and loads before → after, and warns', async () => {
    const t = await setup();
    const [a1, a2, a3] = t.accounts;
    await t.client.call('transfers.apply', { accountIds: [a1!.id, a2!.id], toRepId: t.zhang.id, reason: '新客户分配' });
    giveReceivable(t.core, a1!.id, 500_00, '2026-10-01'); // overdue on 2026-11-23
    giveReceivable(t.core, a3!.id, 120_00, '2026-12-31'); // open, not overdue
    openCase(t.core, a2!.id);
    const p = await t.client.call('transfers.preview', { accountIds: [a1!.id, a2!.id, a3!.id], toRepId: t.li.id });
    expect(p.target).toMatchObject({ id: t.li.id, name: '李娜' });
    expect(p.unchanged).toBe(0);
    expect(p.panel.rowCount).toBe(3);
    const byCode = Object.fromEntries(p.panel.rows.map((r) => [r.code, r]));
    expect(byCode[a1!.code]).toMatchObject({ openReceivableFen: 500_00, overdueFen: 500_00, maxOverdueDays: 53, fromName: '张伟', toName: '李娜', warnings: ['overdue'] });
    expect(byCode[a2!.code]).toMatchObject({ openCases: 1, warnings: ['open_cases'] });
    expect(byCode[a3!.code]).toMatchObject({ openReceivableFen: 120_00, overdueFen: 0, warnings: ['open_receivable'], fromName: null });
    expect(p.panel.rows[0]!.code).toBe(a1!.code); // riskiest first
    expect(p.panel.totals).toMatchObject({ withOverdue: 1, withOpenCases: 1, openReceivableFen: 620_00, overdueFen: 500_00, openCases: 1 });
    const reps = Object.fromEntries(p.panel.reps.map((r) => [r.name, r]));
    expect(reps['张伟']).toMatchObject({ accountsBefore: 2, accountsAfter: 0, receivableBefore: 500_00, receivableAfter: 0, casesBefore: 1, casesAfter: 0 });
    expect(reps['李娜']).toMatchObject({ accountsBefore: 0, accountsAfter: 3, receivableAfter: 620_00, casesAfter: 1 });
  });

  it('flags a rep pushed over capacity and counts accounts already owned by the target as unchanged', async () => {
    const t = await setup();
    await t.client.call('transfers.apply', { accountIds: [t.accounts[0]!.id], toRepId: t.zhang.id, reason: '分配' });
    const p = await t.client.call('transfers.preview', { accountIds: t.accounts.map((a) => a.id), toRepId: t.zhang.id });
    expect(p.unchanged).toBe(1);
    expect(p.panel.reps.find((r) => r.repId === t.zhang.id)).toMatchObject({ accountsBefore: 1, accountsAfter: 4, overCapacity: true });
  });

  it('applies: owner, transfer row (from, to, by, when, reason), audit entry and one journal', async () => {
    const t = await setup();
    const ids = t.accounts.map((a) => a.id);
    const r = await t.client.call('transfers.apply', { accountIds: ids, toRepId: t.li.id, reason: '区域调整' });
    expect(r).toMatchObject({ changed: 4, unchanged: 0 });
    expect(r.journalId).toBeTruthy();
    const page = await t.client.call('accounts.list', { filters: { ownerName: { filterType: 'text', type: 'equals', filter: '李娜' } } });
    expect(page.total).toBe(4);
    const hist = await t.client.call('transfers.history', { accountId: ids[0]! });
    expect(hist).toEqual([expect.objectContaining({ kind: 'transfer', fromRepId: null, toRepId: t.li.id, toName: '李娜', reason: '区域调整', by: '管理员', journalId: r.journalId, at: t.clock.now(), undoneAt: null })]);
    const audit = await t.client.call('audit.list', { entityType: 'account', entityId: ids[0]! });
    expect(audit[0]).toMatchObject({ action: 'account.transfer', before: { ownerRepId: null }, after: { ownerRepId: t.li.id }, reason: '区域调整' });
    const journals = await t.client.call('journals.list', {});
    expect(journals.items).toEqual([expect.objectContaining({ id: r.journalId, kind: 'bulk_transfer', itemCount: 4, conflicts: 0, createdBy: '管理员' })]);
    // Timeline shows the owner change once, with the reason.
    const detail = await t.client.call('accounts.get', { id: ids[0]! });
    const entries = detail.timeline.filter((e) => e.kind.startsWith('transfer.'));
    expect(entries).toEqual([expect.objectContaining({ title: '转移：公海 → 李娜', detail: '区域调整' })]);
    expect(detail.timeline.some((e) => e.kind === 'account.transfer')).toBe(false);
  });

  it('refuses hostile input and changes nothing', async () => {
    const t = await setup();
    const before = dumpAccounts(t.core);
    await expect(t.client.call('transfers.apply', { accountIds: [t.accounts[0]!.id], toRepId: t.li.id, reason: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('transfers.apply', { accountIds: [t.accounts[0]!.id, 'nope'], toRepId: t.li.id, reason: '调整' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('nope') });
    await expect(t.client.call('transfers.apply', { accountIds: [t.accounts[0]!.id], toRepId: 'ghost', reason: '调整' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.client.call('transfers.apply', { accountIds: [], toRepId: t.li.id, reason: '调整' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const gone = await makeRep(t.client, '王芳');
    await t.client.call('reps.update', { id: gone.id, version: gone.version, patch: { status: 'left' } });
    await expect(t.client.call('transfers.apply', { accountIds: [t.accounts[0]!.id], toRepId: gone.id, reason: '调整' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    expect(dumpAccounts(t.core)).toEqual(before);
    expect((await t.client.call('journals.list', {})).total).toBe(0);
  });
});

describe('undo', () => {
  it('restores the accounts table and the active transfers exactly; the audit log gains mirror entries', async () => {
    const t = await setup();
    const ids = t.accounts.map((a) => a.id);
    await t.client.call('transfers.apply', { accountIds: ids.slice(0, 2), toRepId: t.zhang.id, reason: '初次分配' });
    t.clock.advance(60_000);
    const accountsBefore = dumpAccounts(t.core);
    const transfersBefore = dumpActiveTransfers(t.core);
    const auditBefore = dumpAudit(t.core);
    const r = await t.client.call('transfers.apply', { accountIds: ids, toRepId: t.li.id, reason: '负载均衡' });
    expect(dumpAccounts(t.core)).not.toEqual(accountsBefore);
    t.clock.advance(60_000);
    const u = await t.client.call('journals.undo', { id: r.journalId! });
    expect(u).toEqual({ journalId: r.journalId, restored: 4 });

    expect(dumpAccounts(t.core)).toEqual(accountsBefore);
    expect(dumpActiveTransfers(t.core)).toEqual(transfersBefore);
    const undone = t.core.sqlite.prepare('select undone_at from account_transfers where journal_id = ?').all(r.journalId) as { undone_at: number }[];
    expect(undone).toHaveLength(4);
    expect(undone.every((x) => x.undone_at === t.clock.now())).toBe(true);

    const auditAfter = dumpAudit(t.core);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore); // append-only: nothing rewritten
    const added = auditAfter.slice(auditBefore.length);
    const applied = added.filter((a) => a.action === 'account.transfer');
    const mirrored = added.filter((a) => a.action === 'account.undo');
    expect(applied).toHaveLength(4);
    expect(mirrored).toHaveLength(4);
    for (const a of applied) {
      const m = mirrored.find((x) => x.entity_id === a.entity_id)!;
      expect([m.before, m.after, m.journal_id]).toEqual([a.after, a.before, r.journalId]);
    }
    expect(added.map((a) => a.action).filter((x) => x.startsWith('journal.'))).toEqual(['journal.bulk_transfer', 'journal.undo']);
    const j = (await t.client.call('journals.list', {})).items.find((x) => x.id === r.journalId)!;
    expect(j.undoneAt).toBe(t.clock.now());
    // The timeline marks the undone transfer.
    const detail = await t.client.call('accounts.get', { id: ids[3]! });
    expect(detail.timeline.find((e) => e.kind === 'transfer.transfer' && e.detail === '负载均衡（已撤销）')).toMatchObject({ title: '转移：公海 → 李娜', by: '管理员' });
    expect(detail.timeline.find((e) => e.kind === 'account.undo')).toMatchObject({ title: '撤销负责人变更', detail: '撤销：转移 4 个客户给 李娜：负载均衡' });
    await expect(t.client.call('journals.undo', { id: r.journalId! })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is refused when a later change to the same accounts would be lost, then allowed in reverse order', async () => {
    const t = await setup();
    const ids = t.accounts.map((a) => a.id);
    const first = await t.client.call('transfers.apply', { accountIds: ids, toRepId: t.zhang.id, reason: '第一次' });
    const second = await t.client.call('transfers.apply', { accountIds: [ids[0]!], toRepId: t.li.id, reason: '第二次' });
    const before = dumpAccounts(t.core);
    await expect(t.client.call('journals.undo', { id: first.journalId! })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(t.accounts[0]!.code) });
    expect(dumpAccounts(t.core)).toEqual(before);
    expect((await t.client.call('journals.list', {})).items.find((j) => j.id === first.journalId)!.conflicts).toBe(1);
    await t.client.call('journals.undo', { id: second.journalId! });
    await t.client.call('journals.undo', { id: first.journalId! });
    expect((await t.client.call('accounts.list', {})).items.every((a) => a.ownerRepId === null)).toBe(true);
  });

  it('lists each account of a journal with its owner columns before and after, a later edit first', async () => {
    const t = await setup();
    const [a1, a2] = t.accounts;
    await t.client.call('transfers.apply', { accountIds: [a1!.id], toRepId: t.zhang.id, reason: '初次分配' });
    t.clock.advance(60_000);
    const row = (id: string) => t.core.sqlite.prepare('select owner_rep_id, owned_since, previous_owner_rep_id, pooled_at, updated_at, updated_by, version from accounts where id = ?').get(id) as Record<string, unknown>;
    const state = (r: Record<string, unknown>) => ({ ownerRepId: r.owner_rep_id, ownedSince: r.owned_since, previousOwnerRepId: r.previous_owner_rep_id, pooledAt: r.pooled_at, updatedAt: r.updated_at, updatedBy: r.updated_by, version: r.version });
    const before = { [a1!.id]: state(row(a1!.id)), [a2!.id]: state(row(a2!.id)) };
    const j = await t.client.call('transfers.apply', { accountIds: [a1!.id, a2!.id], toRepId: t.li.id, reason: '调整' });
    const after = { [a1!.id]: state(row(a1!.id)), [a2!.id]: state(row(a2!.id)) };
    expect(after[a1!.id]).toMatchObject({ ownerRepId: t.li.id, previousOwnerRepId: t.zhang.id, ownedSince: t.clock.now(), pooledAt: null });
    const detail = await t.client.call('journals.get', { id: j.journalId! });
    expect(detail.items.map((i) => [i.entityId, JSON.parse(i.before!), JSON.parse(i.after!), i.changedSince])).toEqual([
      [a1!.id, before[a1!.id], after[a1!.id], false],
      [a2!.id, before[a2!.id], after[a2!.id], false],
    ]);
    const edited = (await t.client.call('accounts.get', { id: a2!.id })).account;
    await t.client.call('accounts.update', { id: a2!.id, version: edited.version, patch: { phone: '021-12345678' } });
    const later = await t.client.call('journals.get', { id: j.journalId! });
    expect(later.items.map((i) => [i.entityId, i.changedSince, i.label])).toEqual([
      [a2!.id, true, `${a2!.code} ${a2!.name}`],
      [a1!.id, false, `${a1!.code} ${a1!.name}`],
    ]);
    expect((await t.client.call('journals.list', {})).items.find((x) => x.id === j.journalId)!.conflicts).toBe(1);
  });

  it('is refused after an edit of the account, and allowed after a follow-up (which does not edit it)', async () => {
    const t = await setup();
    const a = t.accounts[0]!;
    const j = await t.client.call('transfers.apply', { accountIds: [a.id], toRepId: t.zhang.id, reason: '分配' });
    await t.client.call('followups.add', { accountId: a.id, kind: 'call', notes: '电话沟通需求' });
    const row = (await t.client.call('accounts.get', { id: a.id })).account;
    await t.client.call('accounts.update', { id: a.id, version: row.version, patch: { phone: '021-12345678' } });
    await expect(t.client.call('journals.undo', { id: j.journalId! })).rejects.toMatchObject({ code: 'CONFLICT' });
    const j2 = await t.client.call('transfers.apply', { accountIds: [a.id], toRepId: t.li.id, reason: '调整' });
    await t.client.call('followups.add', { accountId: a.id, kind: 'visit', notes: '上门拜访' });
    await expect(t.client.call('journals.undo', { id: j2.journalId! })).resolves.toMatchObject({ restored: 1 });
  });
});
