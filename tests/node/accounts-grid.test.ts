import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/rpc/types';
import type { Contract } from '../../shared/contract';
import { addDays } from '../../shared/domain/dates';
import { seedDemo } from '../../electron/backend/services/demo/seed-demo';
import { setUpBackend } from '../helpers/backend';

type T = Awaited<ReturnType<typeof setUpBackend>>;
let t: T;
beforeAll(async () => {
  t = await setUpBackend();
  seedDemo(t.core, { actor: t.backend.runtime.session.actor(), accounts: 600, orderLines: 3000 });
});
afterAll(() => t.close());

const ids = (sql: string, ...params: unknown[]) =>
  (t.core.sqlite.prepare(sql).all(...params) as { id: string }[]).map((r) => r.id).sort();

async function gridIds(q: InputOf<Contract, 'accounts.list'>): Promise<{ total: number; ids: string[] }> {
  const page = await t.client.call('accounts.list', { limit: 5000, ...q });
  return { total: page.total, ids: page.items.map((i) => i.id).sort() };
}

/** Every grid filter answers the same rows as a direct SQL query written by hand. */
describe('accounts grid filters and sorts, against direct SQL', () => {
  it('owner name contains / blank (the pool) / not equal', async () => {
    const rep = t.core.sqlite.prepare('select name from reps order by name limit 1').get() as { name: string };
    const needle = rep.name.slice(0, 1);
    const contains = await gridIds({ filters: { ownerName: { filterType: 'text', type: 'contains', filter: needle } } });
    expect(contains.ids).toEqual(ids(`select a.id from accounts a join reps r on r.id = a.owner_rep_id where r.name like ?`, `%${needle}%`));
    expect(contains.total).toBe(contains.ids.length);
    const pool = await gridIds({ filters: { ownerName: { filterType: 'text', type: 'blank' } } });
    expect(pool.ids).toEqual(ids('select id from accounts where owner_rep_id is null'));
    expect(pool.total).toBeGreaterThan(0);
    const notRep = await gridIds({ filters: { ownerName: { filterType: 'text', type: 'notEqual', filter: rep.name } } });
    expect(notRep.ids).toEqual(ids(`select a.id from accounts a left join reps r on r.id = a.owner_rep_id where r.name is null or r.name <> ?`, rep.name));
  });

  it('territory name, tier set, hold flag', async () => {
    const terr = t.core.sqlite.prepare('select t.name from accounts a join territories t on t.id = a.territory_id limit 1').get() as { name: string };
    expect((await gridIds({ filters: { territoryName: { filterType: 'text', type: 'equals', filter: terr.name } } })).ids).toEqual(
      ids('select a.id from accounts a join territories t on t.id = a.territory_id where t.name = ?', terr.name),
    );
    expect((await gridIds({ filters: { tier: { filterType: 'set', values: ['A', 'B'] } } })).ids).toEqual(ids(`select id from accounts where tier in ('A','B')`));
    expect((await gridIds({ filters: { creditHold: { filterType: 'set', values: ['true'] } } })).ids).toEqual(ids('select id from accounts where credit_hold = 1'));
  });

  it('days since follow-up ≥ 30 and money ranges', async () => {
    const today = t.core.today();
    expect((await gridIds({ filters: { daysSinceFollowup: { filterType: 'number', type: 'greaterThanOrEqual', filter: 30 } } })).ids).toEqual(
      ids('select id from accounts where last_followup_on <= ?', addDays(today, -30)),
    );
    expect((await gridIds({ filters: { overdueFen: { filterType: 'number', type: 'greaterThan', filter: 0 } } })).ids).toEqual(ids('select id from accounts where overdue_fen > 0'));
    expect(
      (await gridIds({ filters: { openReceivableFen: { filterType: 'number', type: 'inRange', filter: 1_000_000, filterTo: 10_000 } } })).ids,
    ).toEqual(ids('select id from accounts where open_receivable_fen between 10000 and 1000000'));
  });

  it('combines conditions with OR and the quick search', async () => {
    const either = await gridIds({
      filters: { tier: { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'equals', filter: 'A' }, { filterType: 'text', type: 'equals', filter: 'C' }] } },
      search: '科技',
    });
    expect(either.ids).toEqual(ids(`select id from accounts where tier in ('A','C') and name like '%科技%'`));
  });

  it('quick search: name or phone anywhere, code / credit code / pinyin initials from the start, paged in id order', async () => {
    const a = t.core.sqlite.prepare(`select name, name_initials as ini, code, credit_code as cc, phone from accounts where phone is not null and credit_code is not null limit 1`).get() as Record<string, string>;
    // The predicate as written before the search index, evaluated on the wide rows.
    const direct = (text: string) =>
      (t.core.sqlite
        .prepare(`select id from accounts where deleted_at is null and (name like ? or code like ? or credit_code like ? or phone like ? or name_initials like ?) order by id`)
        .all(`%${text}%`, `${text}%`, `${text.toUpperCase()}%`, `%${text}%`, `${text.toLowerCase()}%`) as { id: string }[]).map((r) => r.id);
    const searches = ['no such thing', a.ini!.slice(0, 3), a.ini!.slice(0, 3).toUpperCase(), a.code!.slice(0, 5).toLowerCase(), a.cc!.slice(0, 4).toLowerCase(), a.phone!.slice(-4), a.name!.slice(2, 4), '科技'];
    for (const search of searches) {
      const want = direct(search);
      const page = await t.client.call('accounts.list', { search, limit: 7, offset: 2 });
      expect(page.total, search).toBe(want.length);
      expect(page.items.map((i) => i.id), search).toEqual(want.slice(2, 9));
      const byName = await t.client.call('accounts.list', { search, limit: 5000, sort: [{ colId: 'name', sort: 'asc' }] });
      expect(byName.items.map((i) => i.id).sort(), search).toEqual([...want].sort());
      const found = (await t.client.call('accounts.search', { q: search, limit: 50 })).map((i) => i.id);
      expect(found.length, search).toBe(Math.min(50, want.length));
      expect(want, search).toEqual(expect.arrayContaining(found));
    }
    expect(direct(a.ini!.slice(0, 3)).length).toBeGreaterThan(0);
  });

  it('sorts by days since follow-up with never-followed accounts counted as the most days', async () => {
    const page = await t.client.call('accounts.list', { limit: 600, sort: [{ colId: 'daysSinceFollowup', sort: 'desc' }] });
    const days = page.items.map((i) => (i.daysSinceFollowup === null ? Number.POSITIVE_INFINITY : i.daysSinceFollowup));
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it('ignores unknown columns and refuses malformed filters', async () => {
    const all = await t.client.call('accounts.list', { limit: 1, filters: { password_hash: { filterType: 'text', type: 'equals', filter: 'x' } } });
    expect(all.total).toBe(600);
    await expect(t.client.call('accounts.list', { filters: { name: { filterType: 'text', type: 'drop table', filter: 'x' } } } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('accounts.list', { limit: 1_000_000 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
