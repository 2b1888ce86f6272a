import { sql } from 'drizzle-orm';
import { cases } from '../../../../db/schema';
import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import type { Core } from '../../core';
import { slaConditions } from '../case-list';
import { warnHorizon } from '../case-sla';

/**
 * Open cases by priority and SLA state, with the cases grid's own conditions. Each case lands in one
 * state, the worst first: breached, about to breach, on track; a case whose clocks are stopped while
 * it waits on the customer is paused; the rest have no running clock.
 */
export function caseSlaHealth(core: Core): DashboardSummary['caseSla'] {
  const now = core.clock.now();
  const s = slaConditions(now, warnHorizon(core, now));
  const rows = core.db.all<{ priority: string; breached: number; about: number; onTrack: number; paused: number; noClock: number }>(sql`
    select priority, sum(k = 1) as breached, sum(k = 2) as about, sum(k = 3) as onTrack, sum(k = 4) as paused, sum(k = 5) as noClock
    from (select ${cases.priority} as priority,
                 case when ${s.breached} then 1 when ${s.about} then 2 when ${s.onTrack} then 3 when ${cases.state} = 'waiting_customer' then 4 else 5 end as k
          from ${cases} where ${cases.state} in ('new', 'in_progress', 'waiting_customer'))
    group by priority order by priority`);
  return ['P1', 'P2', 'P3', 'P4'].map((priority) => {
    const r = rows.find((x) => x.priority === priority);
    return { priority, breached: r?.breached ?? 0, aboutToBreach: r?.about ?? 0, onTrack: r?.onTrack ?? 0, paused: r?.paused ?? 0, noClock: r?.noClock ?? 0 };
  });
}
