import { type LocalizedText, msg } from '../i18n/text';
import type { Exposure } from './credit-exposure';
import { usedPct } from './credit-exposure';
import type { CreditLevel, CreditPolicy, ResolvedCredit } from './credit-limit';
import { formatFen } from './money';

/**
 * 信用检查: from the facts about an account (its resolved limit, exposure, overdue items and hold) to an
 * outcome and every reason for it, written out in both languages. Rules:
 * - over the limit (exposure > limit; with limit 0, any exposure) → the account's policy decides:
 *   warn → warn, needs approval → needs_approval, block → blocked;
 * - at or above the warning line (warnAtPct of the limit) but within it → warn;
 * - the overdue rule: more than `minFen` is more than `days` days overdue → the rule's action (by default
 *   the account's policy, or a fixed warn / needs approval / block);
 * - a credit hold → blocked, whatever the policy (a manager may still override).
 * The outcome is the worst of them; the reasons list every rule, passed ones included.
 */
export const CREDIT_OUTCOMES = ['pass', 'warn', 'needs_approval', 'blocked'] as const;
export type CreditOutcome = (typeof CREDIT_OUTCOMES)[number];

const RANK: Record<CreditOutcome, number> = { pass: 0, warn: 1, needs_approval: 2, blocked: 3 };

export function worseOutcome(a: CreditOutcome, b: CreditOutcome): CreditOutcome {
  return RANK[b] > RANK[a] ? b : a;
}

export function outcomeOfPolicy(p: CreditPolicy): CreditOutcome {
  return p === 'block' ? 'blocked' : p;
}

/** Whether confirming needs a manager's override. */
export function needsOverride(o: CreditOutcome): boolean {
  return o === 'needs_approval' || o === 'blocked';
}

export const OVERDUE_ACTIONS = ['policy', 'warn', 'needs_approval', 'block'] as const;
export type OverdueAction = (typeof OVERDUE_ACTIONS)[number];

export interface OverdueRule {
  /** More than this many days overdue … */
  days: number;
  /** … and more than this amount (fen) in total. */
  minFen: number;
  action: OverdueAction;
}

export interface OverdueFacts {
  /** Open amount of instalments past their due date. */
  overdueFen: number;
  maxDays: number;
  /** Open amount of instalments more than rule.days days overdue. */
  beyondFen: number;
  /** The longest-overdue instalment. */
  worst: { orderNo: string; dueOn: string; days: number; openFen: number } | null;
}

export interface HoldFacts {
  on: boolean;
  reason: string | null;
  /** The date it was placed and by whom (a display name). */
  since: string | null;
  by: string | null;
}

export interface CheckFacts {
  credit: ResolvedCredit;
  exposure: Exposure;
  overdue: OverdueFacts;
  hold: HoldFacts;
  rule: OverdueRule;
  /** Warn from this share of the limit (percent); 0 turns the warning off. */
  warnAtPct: number;
  /** The order being checked, when there is one. */
  orderNo: string | null;
}

export const CREDIT_REASON_CODES = ['hold', 'limit', 'near_limit', 'within_limit', 'no_limit', 'exposure', 'temp_limit', 'overdue_rule', 'overdue', 'no_overdue', 'policy'] as const;
export type CreditReasonCode = (typeof CREDIT_REASON_CODES)[number];

export interface CreditReason {
  code: CreditReasonCode;
  /** What this reason alone makes of the check. */
  outcome: CreditOutcome;
  text: LocalizedText;
}

export interface CreditEvaluation {
  outcome: CreditOutcome;
  usedPct: number | null;
  headline: LocalizedText;
  reasons: CreditReason[];
}

export const OUTCOME_NAMES: Record<CreditOutcome, LocalizedText> = {
  pass: msg('通过', 'pass'),
  warn: msg('提醒', 'warning'),
  needs_approval: msg('需经理审批', 'needs approval'),
  blocked: msg('拦截', 'blocked'),
};

export const POLICY_NAMES: Record<CreditPolicy, LocalizedText> = {
  warn: msg('仅提醒', 'warn only'),
  needs_approval: msg('需经理审批', 'needs approval'),
  block: msg('拦截', 'block'),
};

export const LEVEL_NAMES: Record<CreditLevel, LocalizedText> = {
  account: msg('客户档案', 'account profile'),
  group: msg('客户分组默认', 'account group default'),
  tier: msg('客户级别默认', 'tier default'),
  company: msg('公司默认', 'company default'),
};

const yuan = (fen: number) => formatFen(fen);
const pct = (p: number) => `${p.toFixed(1)}%`;

function levelText(c: ResolvedCredit, source: CreditLevel | null): LocalizedText {
  if (source === 'group' && c.groupName) return msg(`客户分组“${c.groupName}”默认`, `default of account group "${c.groupName}"`);
  if (source === 'tier' && c.tier) return msg(`${c.tier} 级客户默认`, `tier ${c.tier} default`);
  return source ? LEVEL_NAMES[source] : msg('未设置', 'not set');
}

/** "额度 500,000.00 元（客户档案）" or "临时额度 800,000.00 元（至 2025-07-31）". */
function limitLabel(c: ResolvedCredit): LocalizedText {
  if (c.limitKind === 'temporary' && c.temp) return msg(`临时额度 ${yuan(c.temp.limitFen)} 元（至 ${c.temp.expiresOn}）`, `Temporary limit ${yuan(c.temp.limitFen)} (until ${c.temp.expiresOn})`);
  const src = levelText(c, c.baseSource);
  return msg(`额度 ${yuan(c.limitFen ?? 0)} 元（${src.zh}）`, `Limit ${yuan(c.limitFen ?? 0)} (${src.en})`);
}

/** "占用 468,200.00 元 + 本单 60,000.00 元" (the order part only when there is one). */
function usageSum(e: Exposure): LocalizedText {
  if (e.usedFen < 0) {
    return e.thisOrderFen > 0
      ? msg(`预收款抵扣后，本单占用 ${yuan(e.totalFen)} 元`, `after the advance payment, this order uses ${yuan(e.totalFen)}`)
      : msg('占用 0.00 元（预收款大于欠款）', 'used 0.00 (advance payments exceed what is owed)');
  }
  return e.thisOrderFen > 0
    ? msg(`占用 ${yuan(e.usedFen)} 元 + 本单 ${yuan(e.thisOrderFen)} 元`, `used ${yuan(e.usedFen)} + this order ${yuan(e.thisOrderFen)}`)
    : msg(`占用 ${yuan(e.totalFen)} 元`, `used ${yuan(e.totalFen)}`);
}

function limitReasons(f: CheckFacts): { reasons: CreditReason[]; pct: number | null } {
  const c = f.credit;
  const e = f.exposure;
  const out: CreditReason[] = [];
  const policyOutcome = outcomeOfPolicy(c.policy);
  if (c.temp) {
    const reason = c.temp.reason ? `，原因：${c.temp.reason}` : '';
    const reasonEn = c.temp.reason ? `, reason: ${c.temp.reason}` : '';
    const base = c.baseLimitFen === null ? msg('未设常规额度', 'no regular limit') : msg(`常规额度 ${yuan(c.baseLimitFen)} 元`, `regular limit ${yuan(c.baseLimitFen)}`);
    out.push({
      code: 'temp_limit',
      outcome: 'pass',
      text: c.temp.active
        ? msg(`临时额度 ${yuan(c.temp.limitFen)} 元有效至 ${c.temp.expiresOn}（含当日${reason}），${base.zh}`, `Temporary limit ${yuan(c.temp.limitFen)} applies until ${c.temp.expiresOn} inclusive${reasonEn}; ${base.en}`)
        : msg(`临时额度 ${yuan(c.temp.limitFen)} 元已于 ${c.temp.expiresOn} 到期，按${base.zh}检查`, `Temporary limit ${yuan(c.temp.limitFen)} expired on ${c.temp.expiresOn}; checked against the ${base.en}`),
    });
  }
  const sum = usageSum(e);
  if (c.limitFen === null) {
    out.push({ code: 'no_limit', outcome: 'pass', text: msg(`未设信用额度，不检查额度（${sum.zh}）`, `No credit limit is set, so none is checked (${sum.en})`) });
    return { reasons: out, pct: null };
  }
  const label = limitLabel(c);
  if (c.limitFen === 0) {
    const src = c.limitKind === 'temporary' && c.temp ? msg(`临时额度至 ${c.temp.expiresOn}`, `temporary until ${c.temp.expiresOn}`) : levelText(c, c.baseSource);
    if (e.totalFen > 0) {
      out.push({ code: 'limit', outcome: policyOutcome, text: msg(`无信用额度（款到发货，${src.zh}），${sum.zh} = ${yuan(e.totalFen)} 元未付`, `No credit (cash in advance, ${src.en}): ${sum.en} = ${yuan(e.totalFen)} unpaid`) });
    } else {
      out.push({ code: 'within_limit', outcome: 'pass', text: msg(`无信用额度（款到发货），预收款足以覆盖，${sum.zh}`, `No credit (cash in advance); advance payments cover it, ${sum.en}`) });
    }
    return { reasons: out, pct: null };
  }
  const p = usedPct(e.totalFen, c.limitFen)!;
  if (e.totalFen > c.limitFen) {
    out.push({
      code: 'limit',
      outcome: policyOutcome,
      text: msg(`${label.zh}，${sum.zh} = ${pct(p)}，超出 ${yuan(e.totalFen - c.limitFen)} 元`, `${label.en}, ${sum.en} = ${pct(p)}, ${yuan(e.totalFen - c.limitFen)} over the limit`),
    });
  } else if (f.warnAtPct > 0 && p >= f.warnAtPct) {
    out.push({
      code: 'near_limit',
      outcome: 'warn',
      text: msg(`${label.zh}，${sum.zh} = ${pct(p)}，已达提醒线 ${f.warnAtPct}%`, `${label.en}, ${sum.en} = ${pct(p)}, at or above the ${f.warnAtPct}% warning line`),
    });
  } else {
    out.push({ code: 'within_limit', outcome: 'pass', text: msg(`${label.zh}，${sum.zh} = ${pct(p)}，在额度内`, `${label.en}, ${sum.en} = ${pct(p)}, within the limit`) });
  }
  return { reasons: out, pct: p };
}

function exposureReason(e: Exposure): CreditReason {
  const zh = `占用 = 应收 ${yuan(e.receivableFen)} 元 + 已确认未开票 ${yuan(e.unbilledFen)} 元${e.advanceFen ? ` − 预收款 ${yuan(e.advanceFen)} 元` : ''}${e.thisOrderFen ? `；本单 ${yuan(e.thisOrderFen)} 元` : ''}`;
  const en = `Used = receivables ${yuan(e.receivableFen)} + confirmed not billed ${yuan(e.unbilledFen)}${e.advanceFen ? ` − advance payments ${yuan(e.advanceFen)}` : ''}${e.thisOrderFen ? `; this order ${yuan(e.thisOrderFen)}` : ''}`;
  return { code: 'exposure', outcome: 'pass', text: msg(zh, en) };
}

function overdueReason(f: CheckFacts): CreditReason {
  const o = f.overdue;
  const r = f.rule;
  if (o.overdueFen <= 0 || !o.worst) return { code: 'no_overdue', outcome: 'pass', text: msg('没有逾期款项', 'Nothing is overdue') };
  const w = o.worst;
  const worst = msg(`最长逾期 ${w.days} 天（订单 ${w.orderNo}，${yuan(w.openFen)} 元）`, `Longest overdue ${w.days} days (order ${w.orderNo}, ${yuan(w.openFen)})`);
  const ruleText = msg(`规则：逾期超过 ${r.days} 天且金额高于 ${yuan(r.minFen)} 元`, `rule: more than ${r.days} days overdue and above ${yuan(r.minFen)}`);
  if (o.maxDays > r.days && o.beyondFen > r.minFen) {
    const outcome = r.action === 'policy' ? outcomeOfPolicy(f.credit.policy) : outcomeOfPolicy(r.action);
    return {
      code: 'overdue_rule',
      outcome,
      text: msg(`${worst.zh}；逾期超过 ${r.days} 天的金额 ${yuan(o.beyondFen)} 元（${ruleText.zh}）`, `${worst.en}; ${yuan(o.beyondFen)} is more than ${r.days} days overdue (${ruleText.en})`),
    };
  }
  return {
    code: 'overdue',
    outcome: 'pass',
    text: msg(`逾期 ${yuan(o.overdueFen)} 元，${worst.zh}，未触发逾期规则（${ruleText.zh}）`, `${yuan(o.overdueFen)} overdue, ${worst.en.charAt(0).toLowerCase()}${worst.en.slice(1)}; the overdue rule is not triggered (${ruleText.en})`),
  };
}

function holdReason(h: HoldFacts): CreditReason | null {
  if (!h.on) return null;
  const when = [h.since, h.by].filter(Boolean).join(' ');
  return {
    code: 'hold',
    outcome: 'blocked',
    text: msg(`信用冻结：${when || '—'}，原因：${h.reason ?? '—'}`, `Credit hold: ${when || '—'}, reason: ${h.reason ?? '—'}`),
  };
}

function headlineOf(outcome: CreditOutcome, orderNo: string | null): LocalizedText {
  if (orderNo === null) {
    // An account on its own: what would happen to its next order.
    switch (outcome) {
      case 'pass':
        return msg('信用检查通过', 'Credit check passed');
      case 'warn':
        return msg('信用检查通过，但有提醒', 'Credit check passed with warnings');
      case 'needs_approval':
        return msg('超出信用条件：新订单需经理审批后才能确认', 'Outside the credit terms: new orders need a manager’s approval');
      case 'blocked':
        return msg('信用检查未通过：新订单将被拦截（经理可审批放行）', 'Credit check failed: new orders will be blocked (a manager may override)');
    }
  }
  switch (outcome) {
    case 'pass':
      return msg(`订单 ${orderNo} 信用检查通过`, `Order ${orderNo}: credit check passed`);
    case 'warn':
      return msg(`订单 ${orderNo} 信用检查通过，但有提醒`, `Order ${orderNo}: credit check passed with warnings`);
    case 'needs_approval':
      return msg(`订单 ${orderNo} 超出信用条件，需经理审批后才能确认`, `Order ${orderNo}: outside the credit terms; a manager must approve it before it is confirmed`);
    case 'blocked':
      return msg(`订单 ${orderNo} 信用检查未通过，已拦截（经理可审批放行）`, `Order ${orderNo}: credit check failed; blocked (a manager may override)`);
  }
}

export function evaluateCredit(f: CheckFacts): CreditEvaluation {
  const limit = limitReasons(f);
  const hold = holdReason(f.hold);
  const reasons: CreditReason[] = [...(hold ? [hold] : []), ...limit.reasons, exposureReason(f.exposure), overdueReason(f)];
  const outcome = reasons.reduce<CreditOutcome>((acc, r) => worseOutcome(acc, r.outcome), 'pass');
  const src = levelText(f.credit, f.credit.policySource);
  reasons.push({ code: 'policy', outcome: 'pass', text: msg(`超额处理策略：${POLICY_NAMES[f.credit.policy].zh}（${src.zh}）`, `Over-limit policy: ${POLICY_NAMES[f.credit.policy].en} (${src.en})`) });
  // Deciding reasons first, so the first lines a user reads are the ones that matter.
  const ordered = [...reasons].sort((a, b) => RANK[b.outcome] - RANK[a.outcome]);
  return { outcome, usedPct: limit.pct, headline: headlineOf(outcome, f.orderNo), reasons: ordered };
}

/** One message for a refused confirmation: the headline and the reasons that decided it. */
export function refusalText(e: CreditEvaluation): LocalizedText {
  const deciding = e.reasons.filter((r) => r.outcome === e.outcome);
  return msg(`${e.headline.zh}：${deciding.map((r) => r.text.zh).join('；')}`, `${e.headline.en}: ${deciding.map((r) => r.text.en).join('; ')}`);
}
