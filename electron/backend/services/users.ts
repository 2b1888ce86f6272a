import { asc, eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import type { SessionUser } from '../../../shared/contract/system';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { hashPassword, verifyPassword } from '../passwords';
import { changedFields, recordAudit } from './audit';

export type UserRecord = typeof users.$inferSelect;
type Role = UserRecord['role'];

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, hasPassword: u.passwordHash !== null };
}

export function listUsers(core: Core): UserRecord[] {
  return core.db.select().from(users).orderBy(asc(users.createdAt)).all();
}

export function findUserByName(core: Core, username: string): UserRecord | undefined {
  return core.db.select().from(users).where(eq(users.username, username)).get();
}

export function getUser(core: Core, id: string): UserRecord {
  const u = core.db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new AppError('NOT_FOUND', msg(`用户不存在：${id}`, `User not found: ${id}`));
  return u;
}

export function createUser(core: Core, actor: Actor, input: { username: string; displayName: string; role: Role; password?: string | undefined }): UserRecord {
  return core.tx(() => {
    if (findUserByName(core, input.username)) {
      throw new AppError('CONFLICT', msg(`用户名“${input.username}”已存在`, `Username "${input.username}" is already taken`));
    }
    const now = core.clock.now();
    const row: UserRecord = {
      id: newId(now),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: input.password ? hashPassword(input.password) : null,
      active: true,
      lastSignInAt: null,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    };
    core.db.insert(users).values(row).run();
    const { passwordHash: _omit, ...visible } = row;
    recordAudit(core, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: visible });
    return row;
  });
}

export function updateUser(core: Core, actor: Actor, input: { id: string; version: number; displayName?: string | undefined; role?: Role | undefined; active?: boolean | undefined }): UserRecord {
  return core.tx(() => {
    const before = getUser(core, input.id);
    if (before.version !== input.version) throw staleVersion('user', before.version);
    const patch = { displayName: input.displayName, role: input.role, active: input.active };
    const diff = changedFields(before, patch);
    if (!diff) return before;
    const demotesLastAdmin = before.role === 'admin' && ((input.role !== undefined && input.role !== 'admin') || input.active === false);
    if (demotesLastAdmin && listUsers(core).filter((u) => u.role === 'admin' && u.active).length <= 1) {
      throw new AppError('RULE_VIOLATION', msg('至少需要保留一个启用的管理员', 'At least one active admin must remain'));
    }
    const now = core.clock.now();
    core.db
      .update(users)
      .set({ ...diff.after, updatedAt: now, updatedBy: actor.id, version: before.version + 1 })
      .where(eq(users.id, input.id))
      .run();
    recordAudit(core, actor, { action: 'user.update', entityType: 'user', entityId: input.id, ...diff });
    return getUser(core, input.id);
  });
}

export function setPassword(core: Core, actor: Actor, caller: SessionUser, input: { id: string; currentPassword?: string | undefined; newPassword: string }): void {
  core.tx(() => {
    const target = getUser(core, input.id);
    const self = caller.id === target.id;
    if (!self && caller.role !== 'admin') throw new AppError('FORBIDDEN', msg('只能修改自己的密码', 'You can only change your own password'));
    if (self && target.passwordHash && !verifyPassword(input.currentPassword ?? '', target.passwordHash)) {
      throw new AppError('FORBIDDEN', msg('当前密码不正确', 'The current password is wrong'));
    }
    core.db
      .update(users)
      .set({ passwordHash: hashPassword(input.newPassword), updatedAt: core.clock.now(), updatedBy: actor.id, version: target.version + 1 })
      .where(eq(users.id, target.id))
      .run();
    recordAudit(core, actor, { action: 'user.password', entityType: 'user', entityId: target.id });
  });
}

/** Checks a user's password; used by sign-in and by re-authentication for manager overrides. */
export function authenticate(core: Core, username: string, password: string): UserRecord {
  const u = findUserByName(core, username);
  const bad = new AppError('UNAUTHENTICATED', msg('用户名或密码不正确', 'Wrong username or password'));
  if (!u || !u.active) throw bad;
  if (u.passwordHash === null) {
    if (password !== '') throw bad;
    return u;
  }
  if (!verifyPassword(password, u.passwordHash)) throw bad;
  return u;
}

export function staleVersion(entity: string, current: number): AppError {
  return new AppError(
    'CONFLICT',
    msg(`该${entityZh(entity)}已被他人修改（当前版本 ${current}），请刷新后重试`, `This ${entity} was changed by someone else (now version ${current}); reload and try again`),
    { currentVersion: current },
  );
}

function entityZh(entity: string): string {
  const names: Record<string, string> = { user: '用户', account: '客户', rep: '业务员', order: '订单', case: '工单' };
  return names[entity] ?? '记录';
}
