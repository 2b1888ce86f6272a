import type { AccountPlan } from './account-plan';
import type { SeedContext } from './context';
import { NO_FOLLOWUP_DAYS, ownerAt } from './ownership';
import { weighted } from './random';
import type { SeedRep } from './reps';
import { FOLLOWUP_KIND_WEIGHTS, FOLLOWUP_NOTES, NEXT_STEPS, fill } from './texts';

export interface SeedFollowup {
  id: string;
  rep: SeedRep;
  contactId: string | null;
  kind: 'call' | 'visit' | 'wechat' | 'email' | 'meeting';
  day: number;
  notes: string;
  nextStep: string | null;
  nextDay: number | null;
  nextDone: boolean;
  at: number;
}

/** How often each tier is followed up, in days (jittered ±50 %): monthly, every two months, quarterly. */
const CADENCE = { A: 30, B: 60, C: 100 } as const;

/**
 * 跟进 history of one account, walking back from its last follow-up. Most owned accounts were touched
 * within their pool rule's window, ~10 % sit in the reminder week before reclaim and ~10 % are stale
 * (60–120 days) so that pool reminders and reclaims have work to show. Pooled accounts went quiet
 * before they were reclaimed. Only the latest follow-up's next step is still open.
 */
export function planFollowups(ctx: SeedContext, a: AccountPlan, contactIds: readonly string[], productName: () => string): SeedFollowup[] {
  const { r } = ctx;
  const o = a.ownership;
  const rule = NO_FOLLOWUP_DAYS[a.tier];
  let last: number;
  if (o.owner) {
    if (a.tier === 'C' && r.chance(0.05)) return [];
    const u = r.next();
    const gap = u < 0.8 ? r.int(0, rule - 8) : u < 0.9 ? r.int(rule - 7, rule - 1) : r.int(60, 120);
    last = ctx.lastDay - gap;
    if (last < a.createdDay) last = a.createdDay + r.int(0, ctx.lastDay - a.createdDay);
  } else {
    if (!o.previousOwner) return [];
    last = o.sinceDay - rule - r.int(0, 20);
    if (last < a.createdDay) return [];
  }

  const days: number[] = [];
  for (let d = last; d >= a.createdDay; d -= Math.max(2, Math.round(CADENCE[a.tier] * (0.5 + r.next())))) {
    if (ownerAt(o, d) !== null) days.push(d);
  }
  days.reverse();

  const out: SeedFollowup[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    const rep = ownerAt(o, day)!;
    const kind = weighted(r, FOLLOWUP_KIND_WEIGHTS[a.tier]);
    const notes = fill(r.pick(FOLLOWUP_NOTES[kind]!), productName(), r.int(1, 9));
    const hasNext = r.chance(0.75);
    const isLatest = i === days.length - 1;
    const at = ctx.stamp(day);
    out.push({
      id: ctx.id(at),
      rep,
      contactId: contactIds.length > 0 && r.chance(0.8) ? r.pick(contactIds) : null,
      kind,
      day,
      notes,
      nextStep: hasNext ? r.pick(NEXT_STEPS) : null,
      nextDay: hasNext ? day + r.int(3, 30) : null,
      // Later follow-ups took care of earlier next steps; a pooled account's open step lapsed.
      nextDone: hasNext && (!isLatest || o.owner === null),
      at,
    });
  }
  return out;
}
