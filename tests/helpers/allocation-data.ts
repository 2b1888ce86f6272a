import type { Client } from '../../shared/rpc/client';
import type { Contract } from '../../shared/contract';
import type { Core } from '../../electron/backend/core';
import { newId } from '../../electron/backend/ids';
import { refreshAccountAggregates } from '../../electron/backend/services/aggregates';

type C = Client<Contract>;

/** 华东 > 上海 > 浦东, 华东 > 江苏, 华南 > 广州. */
export async function makeTerritories(client: C) {
  const east = await client.call('territories.create', { name: '华东', code: 'EAST' });
  const sh = await client.call('territories.create', { name: '上海', parentId: east.id, code: 'SH' });
  const pd = await client.call('territories.create', { name: '浦东', parentId: sh.id, code: 'PD' });
  const js = await client.call('territories.create', { name: '江苏', parentId: east.id, code: 'JS' });
  const south = await client.call('territories.create', { name: '华南', code: 'SOUTH' });
  const gz = await client.call('territories.create', { name: '广州', parentId: south.id, code: 'GZ' });
  return { east, sh, pd, js, south, gz };
}

export async function makeRep(client: C, name: string, extra: { employeeNo?: string; capacity?: number | null; status?: 'active' | 'paused' | 'left'; territoryId?: string } = {}) {
  return client.call('reps.create', { name, ...extra });
}

export async function makeAccounts(client: C, n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await client.call('accounts.create', { name: `测试客户${String(i + 1).padStart(3, '0')}`, ...extra(i) }));
  return out;
}

/**
 * Money owed by an account: a confirmed order with one instalment (overdue when dueOn is past),
 * written as the order service would and then aggregated by the real aggregates service.
 */
export function giveReceivable(core: Core, accountId: string, amountFen: number, dueOn: string): void {
  const now = core.clock.now();
  const orderId = newId(now);
  core.sqlite
    .prepare(
      `insert into orders (id, order_no, account_id, state, ordered_on, confirmed_on, total_fen, created_at, updated_at, version)
       values (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, 1)`,
    )
    .run(orderId, `SO-T-${orderId.slice(-8)}`, accountId, dueOn, dueOn, amountFen, now, now);
  core.sqlite
    .prepare(`insert into instalments (id, order_id, seq, label, due_on, amount_fen, created_at, updated_at, version) values (?, ?, 1, '全款', ?, ?, ?, ?, 1)`)
    .run(newId(now), orderId, dueOn, amountFen, now, now);
  refreshAccountAggregates(core, [accountId]);
}

/** An open after-sales case on the account (state new), aggregated like the case service does. */
export function openCase(core: Core, accountId: string): void {
  const now = core.clock.now();
  const id = newId(now);
  core.sqlite
    .prepare(`insert into cases (id, case_no, account_id, type, title, opened_at, created_at, updated_at, version) values (?, ?, ?, 'repair', '设备故障', ?, ?, ?, 1)`)
    .run(id, `CS-T-${id.slice(-8)}`, accountId, now, now, now);
  refreshAccountAggregates(core, [accountId]);
}

/** Every column of the accounts table, ordered by id: "byte-identical" is compared on this. */
export function dumpAccounts(core: Core): unknown[] {
  return core.sqlite.prepare('select * from accounts order by id').all();
}

/** The owner history that counts: transfers not undone. */
export function dumpActiveTransfers(core: Core): unknown[] {
  return core.sqlite.prepare('select * from account_transfers where undone_at is null order by id').all();
}

export function dumpAudit(core: Core): { id: string; action: string; entity_id: string | null; before: string | null; after: string | null; journal_id: string | null }[] {
  return core.sqlite.prepare('select id, action, entity_id, before, after, journal_id from audit_log order by rowid').all() as never;
}
