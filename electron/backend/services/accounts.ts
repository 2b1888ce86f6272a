import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { findAccountByCreditCode, getAccountRecord, getAccountRow, type AccountRecord } from '../../../db/repositories/accounts';
import { accountFollowers, accountTags, accounts, contacts, reps, tags, territories } from '../../../db/schema';
import type { AccountDetail, AccountRow, accountEditableSchema } from '../../../shared/contract/accounts';
import { normalizeCreditCode, validateCreditCode } from '../../../shared/domain/credit-code';
import { nameInitials } from '../../../shared/domain/search-key';
import { type Lang, msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { z } from 'zod';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { changedFields, recordAudit } from './audit';
import { nextNumber } from './numbers';
import { refreshReclaimSchedule } from './pool-schedule';
import { accountTimeline } from './timeline';
import { staleVersion } from './users';

export type AccountInput = z.output<typeof accountEditableSchema>;

function requireRow(core: Core, id: string): AccountRow {
  const row = getAccountRow(core.db, id, core.today());
  if (!row) throw new AppError('NOT_FOUND', msg(`客户不存在：${id}`, `Account not found: ${id}`));
  return row;
}

/** Cleans and checks the fields both create and update accept. */
function normalize(core: Core, patch: Partial<AccountInput>, selfId: string | null): Partial<AccountInput> {
  const out = { ...patch };
  if (out.creditCode !== undefined && out.creditCode !== null) {
    const code = normalizeCreditCode(out.creditCode);
    if (code === '') out.creditCode = null;
    else {
      const problem = validateCreditCode(code);
      if (problem) {
        const why = { length: ['应为 18 位', 'must be 18 characters'], character: ['含有不允许的字符', 'contains a character that is not allowed'], checksum: ['校验位不正确', 'has a wrong check character'] }[problem];
        throw new AppError('INVALID_INPUT', msg(`统一社会信用代码 ${code} ${why[0]}`, `Credit code ${code} ${why[1]}`), { field: 'creditCode' });
      }
      const other = findAccountByCreditCode(core.db, code);
      if (other && other.id !== selfId) {
        throw new AppError('CONFLICT', msg(`统一社会信用代码 ${code} 已属于客户“${other.name}”（${other.code}）`, `Credit code ${code} already belongs to "${other.name}" (${other.code})`), { field: 'creditCode', accountId: other.id });
      }
      out.creditCode = code;
    }
  }
  if (out.territoryId) {
    const t = core.db.select({ id: territories.id }).from(territories).where(eq(territories.id, out.territoryId)).get();
    if (!t) throw new AppError('INVALID_INPUT', msg('区域不存在', 'Territory does not exist'), { field: 'territoryId' });
  }
  for (const key of Object.keys(out) as (keyof AccountInput)[]) {
    if (out[key] === '') (out as Record<string, unknown>)[key] = null;
  }
  return out;
}

export function createAccount(core: Core, actor: Actor, input: AccountInput): AccountRow {
  const id = core.tx(() => {
    const clean = normalize(core, input, null);
    const now = core.clock.now();
    const row = {
      ...clean,
      id: newId(now),
      code: nextNumber(core, 'KH'),
      name: input.name,
      nameInitials: nameInitials(input.name),
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    };
    core.db.insert(accounts).values(row).run();
    recordAudit(core, actor, { action: 'account.create', entityType: 'account', entityId: row.id, after: row });
    return row.id;
  });
  core.events.emit('data.changed', { entities: ['accounts'] });
  return requireRow(core, id);
}

export function updateAccount(core: Core, actor: Actor, input: { id: string; version: number; patch: Partial<AccountInput> }): AccountRow {
  core.tx(() => {
    const before = getAccountRecord(core.db, input.id);
    if (!before || before.deletedAt !== null) throw new AppError('NOT_FOUND', msg(`客户不存在：${input.id}`, `Account not found: ${input.id}`));
    if (before.version !== input.version) throw staleVersion('account', before.version);
    const clean = normalize(core, input.patch, input.id);
    const diff = changedFields(before as Record<string, unknown>, clean as Partial<AccountRecord>);
    if (!diff) return;
    const now = core.clock.now();
    const set: Partial<AccountRecord> = { ...(diff.after as Partial<AccountRecord>), updatedAt: now, updatedBy: actor.id, version: before.version + 1 };
    if (clean.name !== undefined) set.nameInitials = nameInitials(clean.name);
    const result = core.db
      .update(accounts)
      .set(set)
      .where(and(eq(accounts.id, input.id), eq(accounts.version, input.version)))
      .run();
    if (result.changes !== 1) throw staleVersion('account', before.version);
    recordAudit(core, actor, { action: 'account.update', entityType: 'account', entityId: input.id, ...diff });
    // Tier, territory and protection decide the pool rule and the reclaim date.
    if (['tier', 'territoryId', 'protectedUntil'].some((k) => k in diff.after)) refreshReclaimSchedule(core, [input.id]);
  });
  core.events.emit('data.changed', { entities: ['accounts'] });
  return requireRow(core, input.id);
}

export function getAccountDetail(core: Core, id: string, lang: Lang): AccountDetail {
  const row = requireRow(core, id);
  const rec = getAccountRecord(core.db, id)!;
  const contactRows = core.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, id), isNull(contacts.deletedAt)))
    .orderBy(desc(contacts.isPrimary), asc(contacts.name))
    .all();
  const tagRows = core.db.select({ name: tags.name }).from(accountTags).innerJoin(tags, eq(tags.id, accountTags.tagId)).where(eq(accountTags.accountId, id)).all();
  const followerRows = core.db
    .select({ repId: reps.id, name: reps.name })
    .from(accountFollowers)
    .innerJoin(reps, eq(reps.id, accountFollowers.repId))
    .where(eq(accountFollowers.accountId, id))
    .all();

  return {
    account: { ...row, website: rec.website, notes: rec.notes, ownedSince: rec.ownedSince, protectedUntil: rec.protectedUntil },
    contacts: contactRows.map((c) => ({ id: c.id, name: c.name, title: c.title, phone: c.phone, mobile: c.mobile, email: c.email, wechat: c.wechat, isPrimary: c.isPrimary })),
    tags: tagRows.map((t) => t.name),
    followers: followerRows,
    timeline: accountTimeline(core, id, lang),
  };
}
