/**
 * 今日待办 counts. Each is computed with the very query its grid counts with (the accounts grid's count
 * with a preset, orders.totals, the cases grid's count, the instalments grid's totals), so a card's number
 * is the number of rows the grid shows when the card is clicked.
 */
import { accountsListQueries } from '../../../../db/repositories/accounts';
import { openInstalmentTotals } from '../../../../db/repositories/open-instalments';
import { orderTotals } from '../../../../db/repositories/orders';
import type { WorkCounts } from '../../../../shared/contract/dashboard';
import type { GridQuery } from '../../../../shared/contract/grid';
import type { AccountPreset } from '../../../../shared/domain/work-queues';
import type { Core } from '../../core';
import { accountPresetWhere } from '../account-preset-where';
import { countCases } from '../case-list';

const NO_GRID_FILTER: GridQuery = { offset: 0, limit: 1, sort: [], filters: {} };

export function workCounts(core: Core): { counts: WorkCounts; overdueFen: number } {
  const today = core.today();
  const accounts = (preset: AccountPreset) => accountsListQueries(core.db, NO_GRID_FILTER, today, accountPresetWhere(core, preset)).count$.get()?.n ?? 0;
  const overdue = openInstalmentTotals(core.db, NO_GRID_FILTER, { overdue: true }, today);
  return {
    counts: {
      pool: accounts('pool'),
      reclaimSoon: accounts('reclaim-soon'),
      followupsDue: accounts('followup-due'),
      creditPending: orderTotals(core.db, { filters: {}, filter: { creditPending: true } }, today, null).count,
      creditNewHolds: accounts('credit-new-hold'),
      creditOverLimit: accounts('credit-over-limit'),
      creditTempExpiring: accounts('credit-temp-expiring'),
      casesBreached: countCases(core, { filters: {}, filter: { open: true, sla: 'breached' } }),
      casesAboutToBreach: countCases(core, { filters: {}, filter: { open: true, sla: 'about_to_breach' } }),
      overdueInstalments: overdue.count,
    },
    overdueFen: overdue.openFen,
  };
}
