/** 工作台: one call for the whole dashboard (today's work counts, then the chart data). */
import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import { agingBuckets } from '../../../../shared/domain/aging';
import type { Lang } from '../../../../shared/i18n/text';
import type { Core } from '../../core';
import { agingReport } from '../ar-aging';
import { caseSlaHealth } from './case-sla-health';
import { salesTrend } from './sales-trend';
import { workCounts } from './work-counts';

/** Reps shown by name in the aging stack; the rest are summed. */
const AGING_REPS = 8;

export function dashboardSummary(core: Core, lang: Lang): DashboardSummary {
  const { counts, overdueFen } = workCounts(core);
  const { months, attainment } = salesTrend(core);
  const aging = agingReport(core, { groupBy: 'rep', limit: AGING_REPS }, lang);
  const shown = aging.rows.map((r) => ({ repId: r.id, name: r.name, bucketsFen: r.bucketsFen }));
  const othersFen = aging.totals.bucketsFen.map((total, i) => total - shown.reduce((s, r) => s + (r.bucketsFen[i] ?? 0), 0));
  return {
    today: core.today(),
    counts,
    overdueFen,
    months,
    attainment,
    aging: {
      buckets: agingBuckets(core.settings().agingBounds).map((b) => ({ key: b.key, label: b.label, minDays: b.minDays, maxDays: b.maxDays })),
      totalsFen: aging.totals.bucketsFen,
      reps: shown,
      othersFen,
    },
    caseSla: caseSlaHealth(core),
  };
}
