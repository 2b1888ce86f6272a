import { afterEach, describe, expect, it } from 'vitest';
import { accountGradeWriter } from '../../electron/backend/services/credit/credit-grade-writes';
import { creditWorld, type CreditWorld } from '../helpers/credit';

let t: CreditWorld | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const storedGrades = (w: CreditWorld) => Object.fromEntries((w.core.sqlite.prepare('select id, credit_grade from accounts order by id').raw().all() as [string, string | null][]).map(([id, g]) => [id, g]));
const rowidOf = (w: CreditWorld, id: string) => (w.core.sqlite.prepare('select rowid from accounts where id = ?').pluck().get(id) as number);

describe('account grades written set-based by rowid', () => {
  it('writes each account its own grade, flushing every perFlush accounts, and touches nothing else', async () => {
    const w = await creditWorld();
    t = w;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await w.client.call('accounts.create', { name: `客户${i}` })).id);
    const before = w.core.sqlite.prepare('select id, version, updated_at, name from accounts order by id').all();
    const writer = accountGradeWriter(w.core, 3);
    const want: Record<string, string> = { [ids[0]!]: 'C', [ids[1]!]: 'A', [ids[2]!]: 'C', [ids[4]!]: 'E', [ids[5]!]: 'B' };
    for (const [id, g] of Object.entries(want)) writer.set(rowidOf(w, id), g);
    // Three were flushed when the third arrived; the last two wait for flush().
    const mid = storedGrades(w);
    expect([ids[0], ids[1], ids[2], ids[4], ids[5]].map((id) => mid[id!])).toEqual(['C', 'A', 'C', null, null]);
    writer.flush();
    const after = storedGrades(w);
    expect(ids.map((id) => after[id])).toEqual(['C', 'A', 'C', null, 'E', 'B', null]);
    expect(w.core.sqlite.prepare('select id, version, updated_at, name from accounts order by id').all()).toEqual(before);
  });

  it('a first run stores every live account its graded grade (A for idle ones), a filtered run only its own, deleted accounts none', async () => {
    const w = await creditWorld();
    t = w;
    const late = await w.client.call('accounts.create', { name: '拖欠公司', tier: 'B' });
    await w.confirmed(late.id, 3_200_000, { orderedOn: '2026-06-01', confirmedOn: '2026-06-01' });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await w.client.call('accounts.create', { name: `潜在客户${i}`, tier: i % 2 ? 'A' : 'C' })).id);
    // A deleted account between live ones: the rowids the run writes by are not contiguous.
    w.core.sqlite.prepare('update accounts set deleted_at = ? where id = ?').run(Date.parse('2026-11-01T00:00:00Z'), ids[1]);
    const r1 = await w.client.call('credit.run', {});
    const rows = Object.fromEntries(w.core.sqlite.prepare('select account_id, grade from credit_grades where run_id = ?').raw().all(r1.runId) as [string, string][]);
    const s1 = storedGrades(w);
    const live = w.core.sqlite.prepare('select id from accounts where deleted_at is null order by id').pluck().all() as string[];
    expect(live.map((id) => s1[id])).toEqual(live.map((id) => rows[id] ?? 'A'));
    expect(s1[late.id]).toBe('E');
    expect(s1[ids[1]!]).toBeNull();

    // A filtered run (tier C) writes its accounts' changes only.
    w.core.sqlite.prepare("update accounts set credit_grade = 'D' where id in (?, ?)").run(ids[0], ids[3]);
    w.clock.set('2026-11-23T03:00:00Z');
    const r2 = await w.client.call('credit.run', { filter: { tiers: ['C'] } });
    expect(r2.changes.list.map((c) => c.accountId)).toEqual([ids[0]]);
    const s2 = storedGrades(w);
    expect(s2[ids[0]!]).toBe('A');
    expect(s2[ids[3]!]).toBe('D');
    expect(s2[late.id]).toBe('E');
  });
});
