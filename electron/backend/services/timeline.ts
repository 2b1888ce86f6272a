import { and, desc, eq, isNull } from 'drizzle-orm';
import { accountTransfers, auditLog, followups, reps } from '../../../db/schema';
import type { AccountDetail } from '../../../shared/contract/accounts';
import { type Lang, type LocalizedText, msg, pick } from '../../../shared/i18n/text';
import type { Core } from '../core';
import { creditTimelineSources } from './credit/credit-timeline';
import { orderToCashTimelineSources } from './o2c-timeline';

export type TimelineEntry = AccountDetail['timeline'][number];

/** One kind of history on an account (follow-ups, owner changes, orders …), newest first. */
export type TimelineSource = (core: Core, accountId: string, lang: Lang) => TimelineEntry[];

const LIMIT = 200;

function repNames(core: Core): Map<string, string> {
  return new Map(core.db.select({ id: reps.id, name: reps.name }).from(reps).all().map((r) => [r.id, r.name]));
}

const FOLLOWUP_KINDS: Record<string, LocalizedText> = {
  call: msg('电话', 'Call'),
  visit: msg('拜访', 'Visit'),
  wechat: msg('微信', 'WeChat'),
  email: msg('邮件', 'Email'),
  meeting: msg('会议', 'Meeting'),
};

const followupSource: TimelineSource = (core, accountId, lang) => {
  const names = repNames(core);
  return core.db
    .select()
    .from(followups)
    .where(and(eq(followups.accountId, accountId), isNull(followups.deletedAt)))
    .orderBy(desc(followups.occurredOn), desc(followups.createdAt))
    .limit(LIMIT)
    .all()
    .map((f) => ({
      at: f.createdAt,
      kind: `followup.${f.kind}`,
      title: `${pick(FOLLOWUP_KINDS[f.kind] ?? msg(f.kind, f.kind), lang)}（${f.occurredOn}）：${f.notes}`,
      detail: f.nextStep ? `${pick(msg('下一步', 'Next'), lang)}${f.nextOn ? ` ${f.nextOn}` : ''}：${f.nextStep}` : null,
      by: f.repId ? (names.get(f.repId) ?? null) : null,
    }));
};

const TRANSFER_KINDS: Record<string, LocalizedText> = {
  assign: msg('分配', 'Assigned'),
  transfer: msg('转移', 'Transferred'),
  reclaim: msg('回收到公海', 'Reclaimed to the pool'),
  claim: msg('从公海领取', 'Claimed from the pool'),
  release: msg('退回公海', 'Released to the pool'),
  handover: msg('离职交接', 'Handover'),
  import: msg('导入分配', 'Assigned by import'),
  auto: msg('自动分配', 'Auto-allocated'),
};

const transferSource: TimelineSource = (core, accountId, lang) => {
  const names = repNames(core);
  const pool = pick(msg('公海', 'Pool'), lang);
  return core.db
    .select()
    .from(accountTransfers)
    .where(eq(accountTransfers.accountId, accountId))
    .orderBy(desc(accountTransfers.at))
    .limit(LIMIT)
    .all()
    .map((t) => ({
      at: t.at,
      kind: `transfer.${t.kind}`,
      title: `${pick(TRANSFER_KINDS[t.kind] ?? msg(t.kind, t.kind), lang)}：${t.fromRepId ? (names.get(t.fromRepId) ?? '?') : pool} → ${t.toRepId ? (names.get(t.toRepId) ?? '?') : pool}`,
      detail: t.reason + (t.undoneAt ? pick(msg('（已撤销）', ' (undone)'), lang) : ''),
      by: t.by,
    }));
};

const FIELD_NAMES: Record<string, LocalizedText> = {
  name: msg('名称', 'name'),
  shortName: msg('简称', 'short name'),
  creditCode: msg('信用代码', 'credit code'),
  industry: msg('行业', 'industry'),
  territoryId: msg('区域', 'territory'),
  tier: msg('级别', 'tier'),
  source: msg('来源', 'source'),
  dealStatus: msg('成交状态', 'deal status'),
  accountGroup: msg('分组', 'group'),
  phone: msg('电话', 'phone'),
  email: msg('邮箱', 'email'),
  website: msg('网址', 'website'),
  province: msg('省份', 'province'),
  city: msg('城市', 'city'),
  address: msg('地址', 'address'),
  notes: msg('备注', 'notes'),
  protectedUntil: msg('保护期', 'protected until'),
  tags: msg('标签', 'tags'),
  followers: msg('协同跟进人', 'co-followers'),
  ownerRepId: msg('负责人', 'owner'),
};

function describeChange(beforeJson: string | null, afterJson: string | null, lang: Lang): string | null {
  if (!afterJson) return null;
  try {
    const after = JSON.parse(afterJson) as Record<string, unknown>;
    const before = beforeJson ? (JSON.parse(beforeJson) as Record<string, unknown>) : {};
    const shown = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? (v.length ? v.map(shown).join('、') : '—') : String(v));
    return Object.keys(after)
      .filter((k) => Object.hasOwn(FIELD_NAMES, k))
      .map((k) => `${pick(FIELD_NAMES[k]!, lang)}：${shown(before[k])} → ${shown(after[k])}`)
      .join('；');
  } catch {
    return null;
  }
}

const AUDIT_TITLES: Record<string, LocalizedText> = {
  'account.create': msg('创建客户', 'Account created'),
  'account.update': msg('修改资料', 'Details edited'),
  'account.undo': msg('撤销负责人变更', 'Owner change undone'),
  'account.tags': msg('修改标签', 'Tags changed'),
  'account.followers': msg('修改协同跟进人', 'Co-followers changed'),
  'followup.complete': msg('完成跟进计划', 'Next step done'),
  'account.won': msg('成为成交客户', 'Became a won account'),
};

const editSource: TimelineSource = (core, accountId, lang) =>
  core.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'account'), eq(auditLog.entityId, accountId)))
    .orderBy(desc(auditLog.at))
    .limit(LIMIT)
    .all()
    .filter((a) => Object.hasOwn(AUDIT_TITLES, a.action))
    .map((a) => ({
      at: a.at,
      kind: a.action,
      title: pick(AUDIT_TITLES[a.action]!, lang),
      detail: a.action === 'account.create' ? null : a.action === 'account.undo' || a.action === 'account.won' ? a.reason : describeChange(a.before, a.after, lang),
      by: a.userName,
    }));

/** Every source of an account's history; features add theirs (orders, payments, cases, credit …). */
export const timelineSources: TimelineSource[] = [followupSource, transferSource, editSource, ...orderToCashTimelineSources, ...creditTimelineSources];

export function accountTimeline(core: Core, accountId: string, lang: Lang): TimelineEntry[] {
  return timelineSources
    .flatMap((source) => source(core, accountId, lang))
    .sort((a, b) => b.at - a.at)
    .slice(0, 500);
}
