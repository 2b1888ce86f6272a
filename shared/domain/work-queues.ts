import { type LocalizedText, msg } from '../i18n/text';

/**
 * 今日待办: the coordinator's work queues on the dashboard. Each is a count of rows that one page's grid
 * shows when it is opened with the queue's filter in the URL (#/accounts?filter=pool …); the dashboard's
 * count and the grid's count come from the same SQL condition, so they always agree.
 */

/** Named account filters the accounts grid accepts (accounts.list `preset`, URL `filter`). */
export const ACCOUNT_PRESETS = ['pool', 'reclaim-soon', 'followup-due', 'credit-new-hold', 'credit-over-limit', 'credit-temp-expiring'] as const;
export type AccountPreset = (typeof ACCOUNT_PRESETS)[number];

/** Named case filters: open cases past their SLA, or about to be. */
export const CASE_PRESETS = ['sla-breached', 'sla-about-to-breach'] as const;
export type CasePreset = (typeof CASE_PRESETS)[number];

export const ORDER_PRESETS = ['credit-pending'] as const;
export type OrderPreset = (typeof ORDER_PRESETS)[number];

export const INSTALMENT_PRESETS = ['overdue'] as const;
export type InstalmentPreset = (typeof INSTALMENT_PRESETS)[number];

/** A new credit hold is one placed within this many days (today included). */
export const NEW_HOLD_DAYS = 7;
/** A temporary limit "expires soon" when its last day is within this many days from today. */
export const TEMP_LIMIT_WARN_DAYS = 7;

export type WorkQueueKey =
  | 'pool'
  | 'reclaimSoon'
  | 'followupsDue'
  | 'creditPending'
  | 'creditNewHolds'
  | 'creditOverLimit'
  | 'creditTempExpiring'
  | 'casesBreached'
  | 'casesAboutToBreach'
  | 'overdueInstalments';

export interface WorkQueue {
  key: WorkQueueKey;
  group: 'accounts' | 'credit' | 'cases' | 'receivables';
  /** The page that lists the rows, and the URL parameters that filter it. */
  path: '/accounts' | '/orders' | '/cases' | '/payments';
  params: Record<string, string>;
  /** How urgent a non-zero count is (the card's colour). */
  tone: 'info' | 'warning' | 'danger';
  label: LocalizedText;
  /** The dashboard tile's words (its group's title says the rest: 信用, 售后 …). */
  short: LocalizedText;
}

export const WORK_QUEUES: readonly WorkQueue[] = [
  { key: 'pool', group: 'accounts', path: '/accounts', params: { filter: 'pool' }, tone: 'info', label: msg('公海客户（未分配）', 'Unassigned accounts (pool)'), short: msg('公海客户', 'In the pool') },
  { key: 'reclaimSoon', group: 'accounts', path: '/accounts', params: { filter: 'reclaim-soon' }, tone: 'warning', label: msg('即将回收公海', 'About to fall into the pool'), short: msg('即将回收', 'Reclaim soon') },
  { key: 'followupsDue', group: 'accounts', path: '/accounts', params: { filter: 'followup-due' }, tone: 'warning', label: msg('跟进到期', 'Follow-ups due'), short: msg('跟进到期', 'Follow-ups due') },
  { key: 'creditPending', group: 'credit', path: '/orders', params: { filter: 'credit-pending' }, tone: 'danger', label: msg('待信用审批订单', 'Orders awaiting credit decision'), short: msg('待审批订单', 'Awaiting approval') },
  { key: 'creditNewHolds', group: 'credit', path: '/accounts', params: { filter: 'credit-new-hold' }, tone: 'danger', label: msg('新增信用冻结（7天内）', 'New credit holds (7 days)'), short: msg('新增冻结', 'New holds') },
  { key: 'creditOverLimit', group: 'credit', path: '/accounts', params: { filter: 'credit-over-limit' }, tone: 'warning', label: msg('超出信用额度', 'Over credit limit'), short: msg('超出额度', 'Over limit') },
  { key: 'creditTempExpiring', group: 'credit', path: '/accounts', params: { filter: 'credit-temp-expiring' }, tone: 'info', label: msg('临时额度7天内到期', 'Temporary limits expiring in 7 days'), short: msg('临时额度到期', 'Temp. limit ending') },
  { key: 'casesBreached', group: 'cases', path: '/cases', params: { filter: 'sla-breached' }, tone: 'danger', label: msg('售后 SLA 已超时', 'Cases past SLA'), short: msg('已超时', 'Past SLA') },
  { key: 'casesAboutToBreach', group: 'cases', path: '/cases', params: { filter: 'sla-about-to-breach' }, tone: 'warning', label: msg('售后 SLA 即将超时', 'Cases near SLA breach'), short: msg('即将超时', 'Near breach') },
  { key: 'overdueInstalments', group: 'receivables', path: '/payments', params: { tab: 'instalments', filter: 'overdue' }, tone: 'danger', label: msg('逾期回款计划', 'Overdue instalments'), short: msg('逾期回款计划', 'Overdue instalments') },
];

export function isAccountPreset(v: string | null | undefined): v is AccountPreset {
  return (ACCOUNT_PRESETS as readonly string[]).includes(v ?? '');
}
export function isCasePreset(v: string | null | undefined): v is CasePreset {
  return (CASE_PRESETS as readonly string[]).includes(v ?? '');
}
export function isOrderPreset(v: string | null | undefined): v is OrderPreset {
  return (ORDER_PRESETS as readonly string[]).includes(v ?? '');
}
