import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { findAccountByCreditCode, getAccountRecord, getAccountRow, type AccountRecord } from '../../../db/repositories/accounts';
import { accountFollowers, accountTags, accounts, accountTransfers, auditLog, contacts, followups, reps, tags, territories } from '../../../db/schema';
import type { AccountDetail, AccountRow, accountEditableSchema } from '../../../shared/contract/accounts';
import { normalizeCreditCode, validateCreditCode } from '../../../shared/domain/credit-code';
import { isoDateOf } from '../../../shared/domain/dates';
import { nameInitials } from '../../../shared/domain/search-key';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { z } from 'zod';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { changedFields, recordAudit } from './audit';
import { nextNumber } from './numbers';
import { refreshReclaimSchedule } from './pool-schedule';
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

const AUDIT_TITLES: Record<string, string> = {
  'account.create': '创建客户',
  'account.update': '修改资料',
  'account.undo': '撤销负责人变更',
  'account.tags': '修改标签',
  'account.followers': '修改协同跟进人',
  'followup.complete': '完成跟进计划',
};

/** Audit actions the timeline shows from their own tables (transfers, follow-ups), not twice. */
const SHOWN_ELSEWHERE = /^account\.(transfer|reclaim|claim|release|handover|auto|assign|import)$|^followup\.create$/;

const TRANSFER_TITLES: Record<string, string> = {
  assign: '分配',
  transfer: '转移',
  reclaim: '回收到公海',
  claim: '从公海领取',
  release: '释放到公海',
  handover: '离职交接',
  import: '导入分配',
  auto: '自动分配',
};

const FOLLOWUP_TITLES: Record<string, string> = { call: '电话', visit: '拜访', wechat: '微信', email: '邮件', meeting: '会议' };

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  shortName: '简称',
  creditCode: '信用代码',
  industry: '行业',
  territoryId: '区域',
  tier: '级别',
  source: '来源',
  dealStatus: '成交状态',
  accountGroup: '客户组',
  phone: '电话',
  email: '邮箱',
  website: '网址',
  province: '省份',
  city: '城市',
  address: '地址',
  notes: '备注',
  protectedUntil: '保护至',
  tags: '标签',
  followers: '协同跟进人',
  ownerRepId: '负责人',
};

function parseObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** "电话：138… → 139…；级别：C → A", with ids shown by name where the timeline knows them. */
function describeChange(before: string | null, after: string | null, names: ReadonlyMap<string, string>): string | null {
  const b = parseObject(before);
  const a = parseObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !['updatedAt', 'updatedBy', 'version', 'nameInitials', 'followupId'].includes(k));
  if (keys.length === 0) return null;
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '（空）';
    if (Array.isArray(v)) return v.length ? v.map(show).join('、') : '（空）';
    if (typeof v === 'string') return names.get(v) ?? v;
    return String(v);
  };
  return keys.map((k) => `${FIELD_LABELS[k] ?? k}：${show(b[k])} → ${show(a[k])}`).join('；');
}

export function getAccountDetail(core: Core, id: string): AccountDetail {
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

  const timeline: AccountDetail['timeline'] = [];
  const tz = core.settings().timeZone;
  const repNames = new Map(core.db.select({ id: reps.id, name: reps.name }).from(reps).all().map((r) => [r.id, r.name]));
  const names = new Map([...repNames, ...core.db.select({ id: territories.id, name: territories.name }).from(territories).all().map((t): [string, string] => [t.id, t.name])]);
  for (const f of core.db.select().from(followups).where(and(eq(followups.accountId, id), isNull(followups.deletedAt))).orderBy(desc(followups.occurredOn)).limit(200).all()) {
    // A follow-up happened on a calendar day; logged the same day, its created_at places it exactly.
    const next = f.nextOn ? `下一步：${f.nextStep ?? ''}（${f.nextOn}${f.nextDone ? '，已完成' : ''}）` : f.nextStep;
    timeline.push({ at: f.occurredOn === isoDateOf(f.createdAt, tz) ? f.createdAt : Date.parse(`${f.occurredOn}T00:00:00Z`), kind: `followup.${f.kind}`, title: `${FOLLOWUP_TITLES[f.kind] ?? f.kind}：${f.notes}`, detail: next ?? null, by: f.repId ? (repNames.get(f.repId) ?? null) : null });
  }
  for (const t of core.db.select().from(accountTransfers).where(eq(accountTransfers.accountId, id)).orderBy(desc(accountTransfers.at)).limit(200).all()) {
    const from = t.fromRepId ? (repNames.get(t.fromRepId) ?? '?') : '公海';
    const to = t.toRepId ? (repNames.get(t.toRepId) ?? '?') : '公海';
    timeline.push({ at: t.at, kind: t.undoneAt ? `transfer.${t.kind}.undone` : `transfer.${t.kind}`, title: `${TRANSFER_TITLES[t.kind] ?? t.kind}：${from} → ${to}`, detail: t.reason + (t.undoneAt ? '（已撤销）' : ''), by: t.by });
  }
  for (const a of core.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'account'), eq(auditLog.entityId, id))).orderBy(desc(auditLog.at)).limit(300).all()) {
    if (SHOWN_ELSEWHERE.test(a.action)) continue;
    const detail = a.action === 'account.create' ? null : describeChange(a.before, a.after, names);
    timeline.push({ at: a.at, kind: a.action, title: AUDIT_TITLES[a.action] ?? a.action, detail: a.reason ? `${detail ?? ''}${detail ? '；' : ''}${a.reason}` : detail, by: a.userName });
  }
  timeline.sort((a, b) => b.at - a.at);

  return {
    account: { ...row, website: rec.website, notes: rec.notes, ownedSince: rec.ownedSince, protectedUntil: rec.protectedUntil },
    contacts: contactRows.map((c) => ({ id: c.id, name: c.name, title: c.title, phone: c.phone, mobile: c.mobile, email: c.email, wechat: c.wechat, isPrimary: c.isPrimary })),
    tags: tagRows.map((t) => t.name),
    followers: followerRows,
    timeline,
  };
}
