import type { Actor, Core } from '../../core';
import { runCreditBatch } from './credit-batch';
import { latestRun } from './credit-risk-list';

/**
 * The daily credit grading (start of the app, then once a day): grades move with the calendar (overdue
 * days, expiring temporary limits), so the risk overview and the dashboard alerts start from today's run.
 * Runs only when no run exists for today yet; returns how many accounts were graded.
 */
export function runDailyCreditGrading(core: Core, actor: Actor): number | null {
  const last = latestRun(core);
  if (last && last.asOf >= core.today()) return null;
  const hasAccounts = core.sqlite.prepare('select 1 from accounts where deleted_at is null limit 1').get();
  if (!hasAccounts) return null;
  return runCreditBatch(core, actor).accountCount;
}
