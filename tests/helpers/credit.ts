import { toSessionUser } from '../../electron/backend/services/users';
import { findUserByName } from '../../electron/backend/services/users';
import { setUpBackend } from './backend';

export type CreditWorld = Awaited<ReturnType<typeof creditWorld>>;

/**
 * A backend with users for the credit tests: admin (signed in, no password), 王经理 (manager, password
 * "wang-pass-1"), 李内勤 (coordinator, "li-pass-1"), 赵经理 (manager without a password).
 */
export async function creditWorld(now = '2026-11-23T02:00:00Z') {
  const t = await setUpBackend({ now });
  await t.client.call('users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: 'wang-pass-1' });
  await t.client.call('users.create', { username: 'li', displayName: '李内勤', role: 'coordinator', password: 'li-pass-1' });
  await t.client.call('users.create', { username: 'zhao', displayName: '赵经理', role: 'manager' });

  /** Signs the session in as this user (what the desktop's sign-in would do). */
  const signInAs = (username: string) => {
    const u = findUserByName(t.core, username);
    if (!u) throw new Error(`no user ${username}`);
    t.backend.runtime.session.user = toSessionUser(u);
  };

  /** A draft order of `yuan` yuan (one line), ordered on `orderedOn`. */
  const draft = async (accountId: string, fen: number, orderedOn?: string, qty = 1) => {
    const r = await t.client.call('orders.create', { accountId, ...(orderedOn ? { orderedOn } : {}), lines: [{ description: '货物', quantity: qty, unitPriceFen: fen / qty }] });
    return r.order.order;
  };

  const confirm = async (o: { id: string; version: number }, extra: { confirmedOn?: string; plan?: string } = {}) => (await t.client.call('orders.confirm', { id: o.id, version: o.version, ...extra })).order;

  /** A confirmed order: draft + confirm (with an admin-granted pass when needed: the tests set limits after). */
  const confirmed = async (accountId: string, fen: number, opts: { orderedOn?: string; confirmedOn?: string; plan?: string; qty?: number } = {}) => {
    const d = await draft(accountId, fen, opts.orderedOn, opts.qty);
    return confirm(d, { ...(opts.confirmedOn ? { confirmedOn: opts.confirmedOn } : {}), ...(opts.plan ? { plan: opts.plan } : {}) });
  };

  return { ...t, signInAs, draft, confirm, confirmed };
}
