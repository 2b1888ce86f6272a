import { type LocalizedText, msg } from '../i18n/text';
import { addDays, isIsoDate, type IsoDate } from './dates';
import { type Fen, splitFen } from './money';

/**
 * 回款计划: an order's total split into instalments with due dates, written the way people say it:
 * "30% on confirmation, 70% net 60" or "30% 确认时, 70% 60天". Days count from the confirmation date.
 * Amounts come from splitFen, so they always add up to the order total exactly.
 */
export interface PlanTerm {
  /** Share of the total in basis points (3000 = 30 %). */
  shareBp: number;
  /** Days after confirmation the instalment is due (0 = on confirmation). */
  days: number;
}

export interface PlannedInstalment {
  seq: number;
  label: string;
  dueOn: IsoDate;
  amountFen: Fen;
}

export type PlanParse = { ok: true; terms: PlanTerm[] } | { ok: false; reason: LocalizedText };

const TERM = /^(\d{1,3}(?:\.\d{1,2})?)\s*%\s*(.*)$/;
const ON_CONFIRMATION = /^(?:on\s+confirmation|upfront|in\s+advance|确认时付?|确认时|预付|首付|订金|定金)$/i;
const NET_DAYS = /^(?:net\s*(\d{1,4})|(?:确认后|净)?\s*(\d{1,4})\s*天(?:内)?)$/i;

function percentToBp(text: string): number {
  const [whole = '0', frac = ''] = text.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

export function parsePlanText(text: string): PlanParse {
  const parts = text
    .split(/[,，;；+]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, reason: msg('回款计划为空', 'The payment plan is empty') };
  if (parts.length > 24) return { ok: false, reason: msg('回款计划最多 24 期', 'A payment plan has at most 24 instalments') };
  const terms: PlanTerm[] = [];
  for (const part of parts) {
    const m = TERM.exec(part);
    if (!m) return { ok: false, reason: msg(`无法理解“${part}”：应写成“30% 确认时”或“70% 60天”`, `Cannot read "${part}": write it as "30% on confirmation" or "70% net 60"`) };
    const shareBp = percentToBp(m[1]!);
    const rest = (m[2] ?? '').trim();
    let days: number;
    if (rest === '' || ON_CONFIRMATION.test(rest)) days = 0;
    else {
      const n = NET_DAYS.exec(rest);
      if (!n) return { ok: false, reason: msg(`无法理解“${part}”中的期限“${rest}”`, `Cannot read the term "${rest}" in "${part}"`) };
      days = Number(n[1] ?? n[2]);
    }
    if (shareBp <= 0) return { ok: false, reason: msg(`“${part}”的比例应大于 0`, `The share in "${part}" must be above 0`) };
    terms.push({ shareBp, days });
  }
  const sum = terms.reduce((a, t) => a + t.shareBp, 0);
  if (sum !== 10_000) {
    const pct = (sum / 100).toFixed(2).replace(/\.00$/, '');
    return { ok: false, reason: msg(`各期比例合计应为 100%，现在是 ${pct}%`, `The shares must add up to 100 %, they add up to ${pct} %`) };
  }
  return { ok: true, terms };
}

function pctText(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function termLabel(t: PlanTerm): string {
  return t.days === 0 ? `${pctText(t.shareBp)} 确认时` : `${pctText(t.shareBp)} ${t.days}天`;
}

/** The canonical English text of a plan ("30% on confirmation, 70% net 60"). */
export function formatPlan(terms: readonly PlanTerm[]): string {
  return terms.map((t) => (t.days === 0 ? `${pctText(t.shareBp)} on confirmation` : `${pctText(t.shareBp)} net ${t.days}`)).join(', ');
}

/** The default plan: everything due after the order's payment terms. */
export function defaultPlan(paymentTermsDays: number): PlanTerm[] {
  return [{ shareBp: 10_000, days: paymentTermsDays }];
}

export function generateInstalments(totalFen: Fen, confirmedOn: IsoDate, terms: readonly PlanTerm[]): PlannedInstalment[] {
  const amounts = splitFen(totalFen, terms.map((t) => t.shareBp));
  return terms.map((t, i) => ({ seq: i + 1, label: termLabel(t), dueOn: addDays(confirmedOn, t.days), amountFen: amounts[i] ?? 0 }));
}

export interface ManualInstalment {
  label: string;
  dueOn: string;
  amountFen: Fen;
}

/** Checks a hand-edited plan against the order total; returns the first problem or null. */
export function planProblem(totalFen: Fen, instalments: readonly ManualInstalment[]): LocalizedText | null {
  if (instalments.length === 0) return msg('回款计划至少要有一期', 'A payment plan needs at least one instalment');
  for (const [i, inst] of instalments.entries()) {
    const n = i + 1;
    if (!isIsoDate(inst.dueOn)) return msg(`第 ${n} 期的到期日“${inst.dueOn}”不是有效日期（应为 YYYY-MM-DD）`, `Instalment ${n}: due date "${inst.dueOn}" is not a valid date (YYYY-MM-DD)`);
    if (!Number.isSafeInteger(inst.amountFen) || inst.amountFen <= 0) return msg(`第 ${n} 期的金额应大于 0`, `Instalment ${n}: the amount must be above 0`);
  }
  const sum = instalments.reduce((a, x) => a + x.amountFen, 0);
  if (sum !== totalFen) return msg(`各期金额合计 ${sum / 100} 元，应等于订单金额 ${totalFen / 100} 元`, `The instalments add up to ${sum / 100} yuan; they must equal the order total ${totalFen / 100} yuan`);
  return null;
}
