import { hashPassword } from '../../passwords';
import type { SeedContext } from './context';
import { AUDIT_COLUMNS, prepareInsert } from './insert';

export interface DemoUsers {
  managerId: string;
  coordinatorId: string;
  created: string[];
}

const DEMO_USERS = [
  { username: 'manager', displayName: '王经理', role: 'manager', password: 'manager123' },
  { username: 'coordinator', displayName: '李内勤', role: 'coordinator', password: 'coord123' },
] as const;

/**
 * The demo's sign-in profiles: a manager (for credit overrides and holds) and a coordinator (the main
 * user), unless those usernames exist. When the CLI seeds a database nobody has set up, an admin
 * without a password is added too, so the app still has someone who can manage users.
 */
export function seedUsers(ctx: SeedContext): DemoUsers {
  const existing = new Map(
    (ctx.sqlite.prepare('select id, username, role, created_at as createdAt from users').all() as { id: string; username: string; role: string; createdAt: number }[]).map((u) => [u.username, u]),
  );
  const insert = prepareInsert(ctx.sqlite, 'users', ['id', 'username', 'display_name', 'role', 'password_hash', 'active', 'last_sign_in_at', ...AUDIT_COLUMNS]);
  // After every existing profile: the session picks the earliest created one when nobody signed in yet.
  let at = Math.max(ctx.core.clock.now(), ...[...existing.values()].map((u) => u.createdAt + 1));
  const a = ctx.actor.id;
  const created: string[] = [];
  const add = (username: string, displayName: string, role: string, password: string | null): string => {
    const id = ctx.id(at);
    insert.run(id, username, displayName, role, password === null ? null : hashPassword(password), 1, null, at, at, a, a, 1);
    created.push(username);
    at += 1;
    return id;
  };
  if (![...existing.values()].some((u) => u.role === 'admin') && !existing.has('admin')) add('admin', '管理员', 'admin', null);
  const ids = DEMO_USERS.map((u) => existing.get(u.username)?.id ?? add(u.username, u.displayName, u.role, u.password));
  return { managerId: ids[0]!, coordinatorId: ids[1]!, created };
}
