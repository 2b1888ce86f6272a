import type { Actor, Core } from '../core';
import { refreshAllAccountAggregates } from './aggregates';
import { backupTo, pruneBackups, timestampedBackupFile } from './backup';
import { sweepSlaBreaches } from './case-sla';
import { runDailyCreditGrading } from './credit/credit-daily';
import { dailyReclaim } from './pool';
import { runDueScheduledExports } from './export/scheduled-exports';
import { writeSettings } from './settings';

export interface StartupReport {
  backup: string | null;
  prunedBackups: number;
  refreshedAccounts: number;
  /** Cases whose SLA ran out since the last write to them (the breach flag is made to stick). */
  slaBreaches: number;
  /** Today's automatic pool reclaim (null when it already ran today); held = due but needing a person's confirmation. */
  poolReclaim: { reclaimed: number; held: number; journalId: string | null } | null;
  /** Scheduled exports that were due (or missed while the app was closed) and ran now. */
  scheduledExports: number;
  /** Accounts graded by the daily credit run (null: it had already run today). */
  creditGraded: number | null;
}

/**
 * Work the app does when it starts (and once a day while it runs): the daily automatic backup,
 * then refreshing the aggregates that move with the calendar (overdue days).
 */
export async function runDailyTasks(core: Core, actor: Actor, invalidateSettings: () => void): Promise<StartupReport> {
  const today = core.today();
  let backup: string | null = null;
  let pruned = 0;
  if (core.dbFile !== ':memory:' && core.settings().lastAutoBackupOn !== today) {
    backup = (await backupTo(core.sqlite, timestampedBackupFile(core.dataDir, 'daily', core.clock.now()))).file;
    core.tx(() => writeSettings(core.db, { lastAutoBackupOn: today }, actor, core.clock.now()));
    invalidateSettings();
    pruned = pruneBackups(core.dataDir, core.settings().backupKeepDays, core.clock.now());
  }
  const refreshedAccounts = refreshAllAccountAggregates(core);
  const slaBreaches = sweepSlaBreaches(core, actor);
  // After the aggregates: an account whose receivables were just settled may be reclaimed today.
  const poolReclaim = dailyReclaim(core, actor, invalidateSettings);
  // After the aggregates too: grades read today's overdue days.
  const creditGraded = runDailyCreditGrading(core, actor);
  // After the aggregates, so that catch-up exports see today's overdue figures (and today's owners).
  const scheduledExports = (await runDueScheduledExports(core, actor)).length;
  return { backup, prunedBackups: pruned, refreshedAccounts, slaBreaches, poolReclaim, scheduledExports, creditGraded };
}
