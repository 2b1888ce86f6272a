import { type SQL, sql } from 'drizzle-orm';
import { addDays } from '../../shared/domain/dates';
import { type AccountPreset, TEMP_LIMIT_WARN_DAYS } from '../../shared/domain/work-queues';
import { accounts } from '../schema';

export interface PresetClock {
  today: string;
  /** Local midnight (epoch ms) of the first day a hold counts as new. */
  newHoldSinceMs: number;
}

/**
 * The condition behind each work-queue preset of the accounts grid. The dashboard counts with the same
 * condition (through the grid's own count query), so its numbers and the grid's always agree.
 */
export function accountPresetCondition(preset: AccountPreset, clock: PresetClock): SQL {
  const { today } = clock;
  switch (preset) {
    case 'pool':
      return sql`${accounts.ownerRepId} is null`;
    case 'reclaim-soon':
      // Inside the reminder window: reminded from reclaim_remind_on, reclaimed on reclaim_on (services/pool-schedule).
      return sql`${accounts.ownerRepId} is not null and ${accounts.reclaimRemindOn} <= ${today} and ${accounts.reclaimOn} > ${today}`;
    case 'followup-due':
      return sql`${accounts.nextFollowupOn} <= ${today}`;
    case 'credit-new-hold':
      return sql`${accounts.id} in (select cp.account_id from credit_profiles cp where cp.hold = 1 and cp.hold_at >= ${clock.newHoldSinceMs})`;
    case 'credit-over-limit':
      // The credit engine's verdict (exposure against the resolved limit) from its latest run, so this
      // queue, the 信用 page and its alerts count the same accounts.
      return sql`${accounts.id} in (select g.account_id from credit_grades g
        where g.run_id = (select id from credit_runs order by at desc, id desc limit 1) and g.over_limit = 1)`;
    case 'credit-temp-expiring':
      return sql`${accounts.id} in (select cp.account_id from credit_profiles cp
        where cp.temp_limit_fen is not null and cp.temp_limit_expires_on between ${today} and ${addDays(today, TEMP_LIMIT_WARN_DAYS)})`;
  }
}
