import { describe, expect, it } from 'vitest';
import { caseTransition } from './case-state';
import { evaluateClock, runningSegments, type StateSpan } from './sla-clock';
import { DEFAULT_WORK_CALENDAR, type WorkCalendar } from './work-calendar';

const t = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;
const cal: WorkCalendar = {
  ...DEFAULT_WORK_CALENDAR,
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeupWorkdays: ['2025-09-28', '2025-10-11'],
};

function clock(spans: StateSpan[], targetHours: number | null, now: string, opts: { until?: number | null; done?: boolean; breachedBefore?: boolean } = {}) {
  return evaluateClock(cal, runningSegments(spans, opts.until ?? null), targetHours === null ? null : targetHours * 60, t(now), { done: opts.done ?? false, breachedBefore: opts.breachedBefore ?? false });
}

describe('SLA clock', () => {
  it('runs in working hours and projects the due time across a weekend', () => {
    const spans: StateSpan[] = [{ state: 'new', from: t('2025-09-19 16:00'), to: null }];
    const r = clock(spans, 8, '2025-09-19 17:00');
    expect(r.status).toBe('running');
    expect(r.elapsedMs).toBe(HOUR);
    expect(r.remainingMs).toBe(7 * HOUR);
    // Friday 16–18 (2 h), Monday 09–12 (3 h), 13–16 (3 h) → Monday 16:00.
    expect(r.dueAt).toBe(t('2025-09-22 16:00'));
  });

  it('pauses while waiting on the customer', () => {
    const spans: StateSpan[] = [
      { state: 'new', from: t('2025-09-22 09:00'), to: t('2025-09-22 10:00') },
      { state: 'in_progress', from: t('2025-09-22 10:00'), to: t('2025-09-22 11:00') },
      { state: 'waiting_customer', from: t('2025-09-22 11:00'), to: t('2025-09-24 09:00') },
      { state: 'in_progress', from: t('2025-09-24 09:00'), to: null },
    ];
    const paused = clock(spans.slice(0, 3).map((s, i) => (i === 2 ? { ...s, to: null } : s)), 4, '2025-09-23 17:00');
    expect(paused.status).toBe('paused');
    expect(paused.elapsedMs).toBe(2 * HOUR);
    expect(paused.dueAt).toBeNull();
    const resumed = clock(spans, 4, '2025-09-24 10:00');
    expect(resumed.status).toBe('running');
    expect(resumed.elapsedMs).toBe(3 * HOUR);
    expect(resumed.dueAt).toBe(t('2025-09-24 11:00'));
  });

  it('breaches when still running after the due time, across the 国庆 holidays and a 调休 day', () => {
    // Opened Tuesday 09-30 16:00 with 4 h: 2 h on 09-30, holidays, 2 h on Thursday 10-09 → due 10-09 11:00.
    const spans: StateSpan[] = [{ state: 'in_progress', from: t('2025-09-30 16:00'), to: null }];
    expect(clock(spans, 4, '2025-10-05 12:00')).toMatchObject({ status: 'running', dueAt: t('2025-10-09 11:00'), breached: false });
    expect(clock(spans, 4, '2025-10-09 11:00')).toMatchObject({ status: 'running', breached: false });
    expect(clock(spans, 4, '2025-10-09 11:01')).toMatchObject({ status: 'breached', breached: true });
    // 12 h from Friday 10-10 17:00: 1 h, Saturday 10-11 (调休) 8 h, Monday 10-13 3 h → Monday 12:00.
    const s2: StateSpan[] = [{ state: 'new', from: t('2025-10-10 17:00'), to: null }];
    expect(clock(s2, 12, '2025-10-10 17:00').dueAt).toBe(t('2025-10-13 12:00'));
  });

  it('is met when resolved in time, breached when resolved after the due time', () => {
    const resolvedAt = (at: string): StateSpan[] => [
      { state: 'in_progress', from: t('2025-09-22 09:00'), to: t(at) },
      { state: 'resolved', from: t(at), to: null },
    ];
    expect(clock(resolvedAt('2025-09-22 18:00'), 8, '2025-09-25 12:00', { done: true })).toMatchObject({ status: 'met', breached: false });
    expect(clock(resolvedAt('2025-09-23 09:01'), 8, '2025-09-25 12:00', { done: true })).toMatchObject({ status: 'breached', breached: true });
    // Resolved on Saturday: no working time passed since Friday 18:00, but the due time had passed.
    const sat: StateSpan[] = [
      { state: 'in_progress', from: t('2025-09-19 09:00'), to: t('2025-09-20 10:00') },
      { state: 'resolved', from: t('2025-09-20 10:00'), to: null },
    ];
    expect(clock(sat, 8, '2025-09-22 09:00', { done: true })).toMatchObject({ status: 'breached', elapsedMs: 8 * HOUR });
  });

  it('stays breached: after a pause, after resolving, and when the target is later raised', () => {
    const spans: StateSpan[] = [
      { state: 'in_progress', from: t('2025-09-22 09:00'), to: t('2025-09-22 15:00') },
      { state: 'waiting_customer', from: t('2025-09-22 15:00'), to: null },
    ];
    // 4 h target ran out at 14:00 while running; pausing at 15:00 does not undo it.
    expect(clock(spans, 4, '2025-09-23 10:00')).toMatchObject({ status: 'breached', breached: true, dueAt: t('2025-09-22 14:00') });
    // The stored flag keeps it breached even when a bigger target would have been met.
    expect(clock(spans, 40, '2025-09-23 10:00', { breachedBefore: true })).toMatchObject({ status: 'breached', breached: true });
    expect(clock(spans, 40, '2025-09-23 10:00')).toMatchObject({ status: 'paused', breached: false });
  });

  it('counts again after a reopen, not while resolved', () => {
    const spans: StateSpan[] = [
      { state: 'in_progress', from: t('2025-09-22 09:00'), to: t('2025-09-22 11:00') },
      { state: 'resolved', from: t('2025-09-22 11:00'), to: t('2025-09-24 09:00') },
      { state: 'in_progress', from: t('2025-09-24 09:00'), to: null },
    ];
    const r = clock(spans, 4, '2025-09-24 10:00');
    expect(r.elapsedMs).toBe(3 * HOUR);
    expect(r.dueAt).toBe(t('2025-09-24 11:00'));
  });

  it('stops the first-response clock at the response', () => {
    const spans: StateSpan[] = [{ state: 'new', from: t('2025-09-22 09:00'), to: null }];
    const r = clock(spans, 2, '2025-09-22 15:00', { until: t('2025-09-22 10:30'), done: true });
    expect(r).toMatchObject({ status: 'met', elapsedMs: 1.5 * HOUR });
    const late = clock(spans, 1, '2025-09-22 15:00', { until: t('2025-09-22 10:30'), done: true });
    expect(late.status).toBe('breached');
  });

  it('has no clock without a target', () => {
    expect(clock([{ state: 'new', from: t('2025-09-22 09:00'), to: null }], null, '2025-09-22 10:00')).toMatchObject({ status: 'none', dueAt: null });
  });

  it('allows only the case transitions in the workflow', () => {
    expect(caseTransition('new', 'in_progress')).toEqual({ ok: true, reopen: false });
    expect(caseTransition('closed', 'in_progress')).toEqual({ ok: true, reopen: true });
    expect(caseTransition('resolved', 'in_progress')).toEqual({ ok: true, reopen: true });
    const bad = caseTransition('closed', 'resolved');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason.zh).toBe('工单不能从“已关闭”变为“已解决”');
    expect(caseTransition('new', 'closed').ok).toBe(false);
    expect(caseTransition('new', 'new').ok).toBe(false);
  });
});
