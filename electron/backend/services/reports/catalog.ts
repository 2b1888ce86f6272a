import type { ReportKind } from '../../../../shared/contract/reports';
import { accountsReport } from './accounts-report';
import { arAgingReport } from './ar-aging-report';
import { caseSlaReport } from './case-sla-report';
import { creditRiskReport } from './credit-risk-report';
import { importsReport } from './imports-report';
import { leaderboardReport } from './leaderboard-report';
import { repPerformanceReport } from './rep-performance-report';
import type { ReportDefinition } from './report-types';
import { poolReport, transfersReport } from './transfers-report';

/** Every report kind, in the order the UI lists them. */
export const REPORTS: { [K in ReportKind]: ReportDefinition<K> } = {
  'rep-performance': repPerformanceReport,
  leaderboard: leaderboardReport,
  'ar-aging': arAgingReport,
  'credit-risk': creditRiskReport,
  'case-sla': caseSlaReport,
  accounts: accountsReport,
  transfers: transfersReport,
  pool: poolReport,
  imports: importsReport,
};
