import { type CaseState, CLOCK_RUNNING_STATES } from './case-state';
import { addWorkingMs, type WorkCalendar, workingMsBetween } from './work-calendar';

/**
 * SLA clocks in working time. A clock runs over "segments" (the spans during which the case was in a
 * running state) and counts only the working time inside them. Its due instant is the earliest moment
 * the target is used up; it is breached when the case was still running after that moment. Once
 * breached always breached: the stored flag is passed back in and never cleared.
 */
export interface StateSpan {
  state: CaseState;
  from: number;
  /** null: the case is still in this state. */
  to: number | null;
}

export interface Segment {
  from: number;
  to: number | null;
}

export type ClockStatus = 'none' | 'running' | 'paused' | 'met' | 'breached';

export interface ClockResult {
  status: ClockStatus;
  targetMinutes: number | null;
  /** Working ms used so far. */
  elapsedMs: number;
  /** Working ms left (0 once used up); null without a target. */
  remainingMs: number | null;
  /** When the target runs out (projected while running); null while paused before it or without a target. */
  dueAt: number | null;
  breached: boolean;
}

/** The spans in which the clock runs, cut off at `until` (e.g. the first response). */
export function runningSegments(spans: readonly StateSpan[], until: number | null = null, running: readonly CaseState[] = CLOCK_RUNNING_STATES): Segment[] {
  const out: Segment[] = [];
  for (const s of spans) {
    if (!running.includes(s.state)) continue;
    let to = s.to;
    if (until !== null) {
      if (s.from >= until) continue;
      to = to === null ? until : Math.min(to, until);
    }
    if (to !== null && to <= s.from) continue;
    out.push({ from: s.from, to });
  }
  return out;
}

export function evaluateClock(
  cal: WorkCalendar,
  segments: readonly Segment[],
  targetMinutes: number | null,
  now: number,
  opts: { done: boolean; breachedBefore: boolean },
): ClockResult {
  let elapsedMs = 0;
  for (const s of segments) elapsedMs += workingMsBetween(cal, s.from, Math.min(s.to ?? now, now));
  const open = segments.length > 0 && segments[segments.length - 1]!.to === null && !opts.done;
  if (targetMinutes === null) {
    return { status: 'none', targetMinutes, elapsedMs, remainingMs: null, dueAt: null, breached: opts.breachedBefore };
  }
  const targetMs = targetMinutes * 60_000;
  let left = targetMs;
  let dueAt: number | null = null;
  for (const s of segments) {
    if (s.to === null) {
      dueAt = addWorkingMs(cal, s.from, left);
      break;
    }
    const w = workingMsBetween(cal, s.from, s.to);
    if (w >= left) {
      dueAt = addWorkingMs(cal, s.from, left);
      break;
    }
    left -= w;
  }
  const ranPastDue = dueAt !== null && segments.some((s) => Math.min(s.to ?? now, now) > dueAt!);
  const breached = opts.breachedBefore || ranPastDue;
  const remainingMs = Math.max(0, targetMs - elapsedMs);
  const status: ClockStatus = breached ? 'breached' : opts.done ? 'met' : open ? 'running' : 'paused';
  // Only a running clock (or one that ran out before a pause) has a meaningful due instant to show.
  return { status, targetMinutes, elapsedMs, remainingMs, dueAt: opts.done && !breached ? null : dueAt, breached };
}
