import type { contract } from '../../shared/contract';
import type { Client } from '../../shared/rpc/client';
import { CliExit, EXIT } from './output';

type C = Client<typeof contract>;

/** An account by its code (KH-000123), credit code or exact name. */
export async function accountByRef(client: C, ref: string): Promise<{ id: string; code: string; name: string }> {
  for (const col of ['code', 'creditCode', 'name'] as const) {
    const page = await client.call('accounts.list', { limit: 2, filters: { [col]: { filterType: 'text', type: 'equals', filter: ref.trim() } } });
    if (page.items.length === 1) return page.items[0]!;
    if (page.items.length > 1) throw new CliExit(EXIT.failed, `“${ref}”对应多个客户，请用客户编号 / "${ref}" matches several accounts; use the account code`);
  }
  throw new CliExit(EXIT.failed, `找不到客户“${ref}”（请用客户编号、信用代码或全称）/ no account "${ref}" (use its code, credit code or full name)`);
}

export async function repByRef(client: C, ref: string): Promise<{ id: string; name: string }> {
  const reps = await client.call('reps.list', { includeLeft: true });
  const hit = reps.filter((r) => r.id === ref || r.employeeNo === ref || r.name === ref);
  if (hit.length === 1) return hit[0]!;
  throw new CliExit(EXIT.failed, hit.length ? `“${ref}”对应多个业务员，请用工号 / "${ref}" matches several reps; use the employee number` : `找不到业务员“${ref}” / no rep "${ref}"`);
}

export async function territoryByRef(client: C, ref: string): Promise<{ id: string; name: string }> {
  const list = await client.call('territories.list', {});
  const hit = list.filter((t) => t.id === ref || t.code === ref || t.name === ref);
  if (hit.length === 1) return hit[0]!;
  throw new CliExit(EXIT.failed, hit.length ? `“${ref}”对应多个区域，请用区域编码 / "${ref}" matches several territories; use the code` : `找不到区域“${ref}” / no territory "${ref}"`);
}

export async function userByRef(client: C, ref: string): Promise<{ id: string; displayName: string }> {
  const users = await client.call('users.list', {});
  const hit = users.find((u) => u.id === ref || u.username === ref);
  if (!hit) throw new CliExit(EXIT.failed, `找不到用户“${ref}” / no user "${ref}"`);
  return hit;
}
