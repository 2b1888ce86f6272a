/**
 * 账龄 buckets by days overdue (0 = not yet due). Receivables as such are defined in receivables.ts;
 * this only names the buckets reports group them in.
 */

export const AGING_BUCKETS = [
  { key: 'current', zh: '未到期', en: 'Not due', from: 0, to: 0 },
  { key: 'd1_30', zh: '逾期1-30天', en: '1-30 days', from: 1, to: 30 },
  { key: 'd31_60', zh: '逾期31-60天', en: '31-60 days', from: 31, to: 60 },
  { key: 'd61_90', zh: '逾期61-90天', en: '61-90 days', from: 61, to: 90 },
  { key: 'd90p', zh: '逾期90天以上', en: '90+ days', from: 91, to: Number.POSITIVE_INFINITY },
] as const;

export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];

export function agingBucket(daysOverdue: number): AgingBucketKey {
  for (const b of AGING_BUCKETS) if (daysOverdue <= b.to) return b.key;
  return 'd90p';
}
