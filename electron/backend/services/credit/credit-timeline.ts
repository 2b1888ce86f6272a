import { OUTCOME_NAMES, POLICY_NAMES, type CreditOutcome } from '../../../../shared/domain/credit-check';
import type { CreditPolicy } from '../../../../shared/domain/credit-limit';
import { formatFen } from '../../../../shared/domain/money';
import { type Lang, type LocalizedText, msg, pick } from '../../../../shared/i18n/text';
import type { TimelineSource } from '../timeline';
import { creditHistory } from './credit-history';
import { limitWords } from './credit-profile';

/**
 * An account's credit events in its timeline: checks with their outcome and deciding reasons, manager
 * overrides, holds and releases, limit / terms / policy changes, and grade changes between batch runs.
 */
const LIMIT = 200;

const TRIGGERS: Record<string, LocalizedText> = {
  confirm: msg('确认订单时', 'on confirmation'),
  manual: msg('手动', 'on request'),
  override: msg('经理审批时', 'at the override'),
};

const checkSource: TimelineSource = (core, accountId, lang) =>
  creditHistory(core, { accountId, limit: LIMIT }).checks.map((c) => {
    // What decided it; for a pass, the first line (the limit) is enough.
    const deciding = c.outcome === 'pass' ? [] : c.reasons.filter((r) => r.outcome === c.outcome);
    const shown = (deciding.length ? deciding : c.reasons.slice(0, 1)).map((r) => pick(r.text, lang)).join(lang === 'en' ? '; ' : '；');
    const subject = c.orderNo ? ` ${c.orderNo}` : '';
    return {
      at: c.at,
      kind: `credit.check.${c.outcome}`,
      title: `${pick(msg('信用检查', 'Credit check'), lang)}${subject}（${pick(TRIGGERS[c.trigger] ?? msg(c.trigger, c.trigger), lang)}）：${pick(OUTCOME_NAMES[c.outcome as CreditOutcome], lang)}`,
      detail: shown || null,
      by: c.by,
    };
  });

const overrideSource: TimelineSource = (core, accountId, lang) =>
  creditHistory(core, { accountId, limit: LIMIT }).overrides.map((v) => ({
    at: v.at,
    kind: 'credit.override',
    title: `${pick(msg('经理审批放行', 'Manager override'), lang)} ${v.orderNo ?? ''}：${v.manager}（${pick(OUTCOME_NAMES[v.outcome as CreditOutcome], lang)}）`,
    detail: `${pick(msg('原因', 'Reason'), lang)}：${v.reason}${v.requestedBy ? ` · ${pick(msg('申请人', 'requested by'), lang)} ${v.requestedBy}` : ''}`,
    by: v.manager,
  }));

function profileChange(before: Record<string, unknown>, after: Record<string, unknown>, lang: Lang): string {
  const parts: string[] = [];
  const names: Record<string, LocalizedText> = {
    limitFen: msg('额度', 'limit'),
    tempLimitFen: msg('临时额度', 'temporary limit'),
    tempLimitExpiresOn: msg('临时额度到期', 'temporary limit until'),
    tempLimitReason: msg('临时额度原因', 'temporary limit reason'),
    paymentTermsDays: msg('账期（天）', 'payment terms (days)'),
    policy: msg('超额处理', 'over-limit policy'),
  };
  const shown = (k: string, v: unknown) => {
    if (k === 'limitFen') return pick(limitWords(v), lang);
    if (k === 'tempLimitFen') return v === null || v === undefined ? '—' : formatFen(Number(v));
    if (k === 'policy') return v ? pick(POLICY_NAMES[v as CreditPolicy] ?? msg(String(v), String(v)), lang) : pick(msg('继承默认', 'inherited'), lang);
    return v === null || v === undefined || v === '' ? '—' : String(v);
  };
  for (const k of Object.keys(after)) if (names[k]) parts.push(`${pick(names[k], lang)}：${shown(k, before[k])} → ${shown(k, after[k])}`);
  return parts.join(lang === 'en' ? '; ' : '；');
}

const TITLES: Record<string, LocalizedText> = {
  'credit.hold': msg('信用冻结', 'Credit hold'),
  'credit.release': msg('解除信用冻结', 'Credit hold released'),
  'credit.profile': msg('信用档案修改', 'Credit profile changed'),
};

const auditSource: TimelineSource = (core, accountId, lang) =>
  (
    core.sqlite
      .prepare(
        `select at, action, user_name, before, after, reason from audit_log
         where entity_type = 'account' and entity_id = ? and action in ('credit.hold', 'credit.release', 'credit.profile') order by at desc limit ?`,
      )
      .all(accountId, LIMIT) as { at: number; action: string; user_name: string | null; before: string | null; after: string | null; reason: string | null }[]
  ).map((a) => {
    const parse = (t: string | null) => {
      try {
        return (t ? JSON.parse(t) : {}) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    const change = a.action === 'credit.profile' ? profileChange(parse(a.before), parse(a.after), lang) : '';
    const why = a.reason ? `${pick(msg('原因', 'Reason'), lang)}：${a.reason}` : '';
    return { at: a.at, kind: a.action, title: pick(TITLES[a.action]!, lang), detail: [change, why].filter(Boolean).join(' · ') || null, by: a.user_name };
  });

const gradeSource: TimelineSource = (core, accountId, lang) =>
  (
    core.sqlite
      .prepare(
        `select r.at, g.grade, g.previous_grade, g.score from credit_runs r cross join credit_grades g on g.run_id = r.id and g.account_id = ?
         where g.previous_grade is null or g.previous_grade <> g.grade order by r.at desc limit ?`,
      )
      .all(accountId, LIMIT) as { at: number; grade: string; previous_grade: string | null; score: number }[]
  ).map((g) => ({
    at: g.at,
    kind: 'credit.grade',
    title: g.previous_grade ? `${pick(msg('信用等级', 'Credit grade'), lang)} ${g.previous_grade} → ${g.grade}` : `${pick(msg('首次信用评级', 'First credit grade'), lang)}：${g.grade}`,
    detail: `${pick(msg('得分', 'Score'), lang)} ${g.score}`,
    by: null,
  }));

export const creditTimelineSources: TimelineSource[] = [checkSource, overrideSource, auditSource, gradeSource];
