import { type LocalizedText, msg } from '../i18n/text';

/**
 * 售后工单状态: new → in progress → waiting on customer → resolved → closed. Waiting on the customer
 * pauses the SLA clocks; resolving stops them. Resolved and closed cases can be reopened (logged as a
 * reopen), which puts them back in progress with the clocks running again.
 */
export const CASE_STATES = ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_NAMES: Record<CaseState, LocalizedText> = {
  new: msg('新建', 'new'),
  in_progress: msg('处理中', 'in progress'),
  waiting_customer: msg('等待客户', 'waiting on customer'),
  resolved: msg('已解决', 'resolved'),
  closed: msg('已关闭', 'closed'),
};

const ALLOWED: Record<CaseState, readonly CaseState[]> = {
  new: ['in_progress', 'waiting_customer', 'resolved'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export type CaseTransition = { ok: true; reopen: boolean } | { ok: false; reason: LocalizedText };

export function caseTransition(from: CaseState, to: CaseState): CaseTransition {
  if (ALLOWED[from].includes(to)) return { ok: true, reopen: from === 'resolved' || from === 'closed' };
  const a = CASE_STATE_NAMES[from];
  const b = CASE_STATE_NAMES[to];
  if (from === to) return { ok: false, reason: msg(`工单已经是“${a.zh}”状态`, `The case is already ${a.en}`) };
  return { ok: false, reason: msg(`工单不能从“${a.zh}”变为“${b.zh}”`, `A case cannot go from ${a.en} to ${b.en}`) };
}

/** States in which the resolution clock runs (and the first-response clock, until a response). */
export const CLOCK_RUNNING_STATES: readonly CaseState[] = ['new', 'in_progress'];
export const OPEN_CASE_STATES: readonly CaseState[] = ['new', 'in_progress', 'waiting_customer'];

export type CasePriority = 'P1' | 'P2' | 'P3' | 'P4';

/** Built-in SLA targets in working minutes, used until a policy is saved for a priority. */
export const DEFAULT_SLA_TARGETS: Record<CasePriority, { firstResponseMinutes: number; resolutionMinutes: number }> = {
  P1: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  P2: { firstResponseMinutes: 2 * 60, resolutionMinutes: 2 * 8 * 60 },
  P3: { firstResponseMinutes: 4 * 60, resolutionMinutes: 5 * 8 * 60 },
  P4: { firstResponseMinutes: 8 * 60, resolutionMinutes: 10 * 8 * 60 },
};
