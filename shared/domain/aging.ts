import { type LocalizedText, msg } from '../i18n/text';
import { toDayNumber } from './dates';

/**
 * 账龄: receivables grouped by how many days past due they are on an as-of date. The buckets are set by
 * their upper bounds (default [30, 60, 90]): not yet due (0 days overdue, including the due day itself),
 * 1–30, 31–60, 61–90, then over 90.
 */
export const DEFAULT_AGING_BOUNDS = [30, 60, 90] as const;

export interface AgingBucket {
  key: string;
  /** Inclusive bounds in days overdue; minDays 0 / maxDays 0 is "not yet due"; maxDays null is open-ended. */
  minDays: number;
  maxDays: number | null;
  label: LocalizedText;
}

export function agingBoundsProblem(bounds: readonly number[]): LocalizedText | null {
  if (bounds.length === 0 || bounds.length > 10) return msg('账龄分段应有 1 到 10 个分界点', 'Aging needs between 1 and 10 bucket bounds');
  let prev = 0;
  for (const b of bounds) {
    if (!Number.isInteger(b) || b <= prev || b > 3650) return msg('账龄分界点应为递增的正整数天数（例如 30, 60, 90）', 'Aging bounds must be increasing whole numbers of days (e.g. 30, 60, 90)');
    prev = b;
  }
  return null;
}

export function agingBuckets(bounds: readonly number[] = DEFAULT_AGING_BOUNDS): AgingBucket[] {
  const out: AgingBucket[] = [{ key: 'not_due', minDays: 0, maxDays: 0, label: msg('未到期', 'not yet due') }];
  let lo = 1;
  for (const b of bounds) {
    out.push({ key: `${lo}-${b}`, minDays: lo, maxDays: b, label: msg(`逾期 ${lo}-${b} 天`, `${lo}–${b} days overdue`) });
    lo = b + 1;
  }
  const last = bounds[bounds.length - 1] ?? 0;
  out.push({ key: `${last}+`, minDays: lo, maxDays: null, label: msg(`逾期 ${last} 天以上`, `over ${last} days overdue`) });
  return out;
}

/** Days past due on asOf: 0 on and before the due date, 1 the day after. */
export function overdueDays(dueOn: string, asOf: string): number {
  return Math.max(0, toDayNumber(asOf) - toDayNumber(dueOn));
}

/** Index into agingBuckets(bounds) for a number of days overdue. */
export function bucketIndex(days: number, bounds: readonly number[] = DEFAULT_AGING_BOUNDS): number {
  if (days <= 0) return 0;
  for (let i = 0; i < bounds.length; i++) if (days <= bounds[i]!) return i + 1;
  return bounds.length + 1;
}
