import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { accounts, caseEvents, cases, slaPolicies } from '../../../db/schema';
import type { SlaClockView } from '../../../shared/contract/cases';
import { type CasePriority, type CaseState, CLOCK_RUNNING_STATES, DEFAULT_SLA_TARGETS } from '../../../shared/domain/case-state';
import { type ClockResult, evaluateClock, runningSegments, type StateSpan } from '../../../shared/domain/sla-clock';
import { addWorkingMs, type WorkCalendar } from '../../../shared/domain/work-calendar';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { recordAudit } from './audit';

/**
 * SLA bookkeeping for cases. The clocks are recomputed from the case's state history (case_events)
 * with the work calendar; what is stored is what the list filters need: the due instants of running
 * clocks and the sticky breach flags (set once, never cleared).
 */
export type CaseRecord = typeof cases.$inferSelect;
export type CaseEventRecord = typeof caseEvents.$inferSelect;

export function caseSpans(c: Pick<CaseRecord, 'openedAt'>, events: readonly Pick<CaseEventRecord, 'toState' | 'at'>[]): StateSpan[] {
  const spans: StateSpan[] = [{ state: 'new', from: c.openedAt, to: null }];
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (!e.toState) continue;
    const last = spans[spans.length - 1]!;
    if (e.toState === last.state) continue;
    last.to = Math.max(e.at, last.from);
    spans.push({ state: e.toState, from: last.to, to: null });
  }
  return spans;
}

export interface CaseClocks {
  firstResponse: ClockResult;
  resolution: ClockResult;
  /** Whether each clock is still counting (for storing its due instant). */
  firstResponseOpen: boolean;
  resolutionOpen: boolean;
}

/** What the clocks read from a case (the demo generator evaluates cases before they are rows). */
export type CaseClockInputs = Pick<CaseRecord, 'openedAt' | 'state' | 'firstRespondedAt' | 'firstResponseTargetMin' | 'resolutionTargetMin' | 'firstResponseBreached' | 'resolutionBreached'>;

export function evaluateCase(cal: WorkCalendar, c: CaseClockInputs, events: readonly Pick<CaseEventRecord, 'toState' | 'at'>[], now: number): CaseClocks {
  const spans = caseSpans(c, events);
  const running = CLOCK_RUNNING_STATES.includes(c.state as CaseState);
  const resolved = c.state === 'resolved' || c.state === 'closed';
  const firstResponse = evaluateClock(cal, runningSegments(spans, c.firstRespondedAt), c.firstResponseTargetMin, now, {
    done: c.firstRespondedAt !== null,
    breachedBefore: c.firstResponseBreached,
  });
  const resolution = evaluateClock(cal, runningSegments(spans), c.resolutionTargetMin, now, { done: resolved, breachedBefore: c.resolutionBreached });
  return { firstResponse, resolution, firstResponseOpen: running && c.firstRespondedAt === null, resolutionOpen: running };
}

/** The instant after which a running clock counts as "about to breach" when its due time is before it. */
export function warnHorizon(core: Core, now: number): number {
  const s = core.settings();
  return addWorkingMs(s.workCalendar, now, s.slaWarnMinutes * 60_000);
}

function clockView(r: ClockResult, open: boolean, now: number, horizon: number): SlaClockView {
  return {
    status: r.status,
    targetMinutes: r.targetMinutes,
    elapsedMinutes: Math.round(r.elapsedMs / 600) / 100,
    remainingMinutes: r.remainingMs === null ? null : Math.round(r.remainingMs / 600) / 100,
    dueAt: r.dueAt,
    breached: r.breached,
    aboutToBreach: open && !r.breached && r.status === 'running' && r.dueAt !== null && r.dueAt >= now && r.dueAt <= horizon,
  };
}

/** A case's two clocks and their combined state at `now`, as the cases grid, the CLI and the SLA report show them. */
export function caseSlaView(cal: WorkCalendar, c: CaseRecord, events: readonly Pick<CaseEventRecord, 'toState' | 'at'>[], now: number, horizon: number) {
  const clocks = evaluateCase(cal, c, events, now);
  const firstResponse = clockView(clocks.firstResponse, clocks.firstResponseOpen, now, horizon);
  const resolution = clockView(clocks.resolution, clocks.resolutionOpen, now, horizon);
  return { firstResponse, resolution, sla: slaStateOf(firstResponse, resolution) };
}

function slaStateOf(a: SlaClockView, b: SlaClockView): 'breached' | 'about_to_breach' | 'on_track' | 'paused' | 'met' | 'none' {
  if (a.breached || b.breached) return 'breached';
  if (a.aboutToBreach || b.aboutToBreach) return 'about_to_breach';
  if (a.status === 'running' || b.status === 'running') return 'on_track';
  if (a.status === 'paused' || b.status === 'paused') return 'paused';
  if (a.status === 'met' || b.status === 'met') return 'met';
  return 'none';
}

export function loadEvents(core: Core, caseIds: readonly string[]): Map<string, CaseEventRecord[]> {
  const m = new Map<string, CaseEventRecord[]>();
  if (caseIds.length === 0) return m;
  for (const e of core.db.select().from(caseEvents).where(inArray(caseEvents.caseId, [...caseIds])).orderBy(caseEvents.at, caseEvents.id).all()) {
    const list = m.get(e.caseId) ?? [];
    list.push(e);
    m.set(e.caseId, list);
  }
  return m;
}

/** The SLA columns a case stores at `now`: the due instants of running clocks and the sticky breach flags. */
export function storedSla(cal: WorkCalendar, c: CaseClockInputs, events: readonly Pick<CaseEventRecord, 'toState' | 'at'>[], now: number) {
  const clocks = evaluateCase(cal, c, events, now);
  return {
    firstResponseDueAt: clocks.firstResponseOpen ? clocks.firstResponse.dueAt : null,
    resolutionDueAt: clocks.resolutionOpen ? clocks.resolution.dueAt : null,
    firstResponseBreached: clocks.firstResponse.breached,
    resolutionBreached: clocks.resolution.breached,
  };
}

/** Recomputes and stores one case's due instants and (sticky) breach flags; call inside the write's tx. */
export function refreshCaseSla(core: Core, caseId: string): void {
  const c = core.db.select().from(cases).where(eq(cases.id, caseId)).get()!;
  const sla = storedSla(core.settings().workCalendar, c, loadEvents(core, [caseId]).get(caseId) ?? [], core.clock.now());
  core.db.update(cases).set(sla).where(eq(cases.id, caseId)).run();
}

/**
 * Marks running clocks whose due time has passed as breached (daily task and before reports). The list
 * already treats them as breached by comparing the due instant with now; this makes the flag stick.
 */
export function sweepSlaBreaches(core: Core, actor: Actor): number {
  const now = core.clock.now();
  const due = core.db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        inArray(cases.state, ['new', 'in_progress']),
        or(
          and(eq(cases.firstResponseBreached, false), isNull(cases.firstRespondedAt), sql`${cases.firstResponseDueAt} < ${now}`),
          and(eq(cases.resolutionBreached, false), sql`${cases.resolutionDueAt} < ${now}`),
        ),
      ),
    )
    .all();
  core.tx(() => {
    for (const { id } of due) {
      refreshCaseSla(core, id);
      core.db.insert(caseEvents).values({ id: newId(now), caseId: id, kind: 'comment', note: 'SLA 已超时 / SLA breached', at: now, by: actor.name }).run();
      recordAudit(core, actor, { action: 'case.sla_breached', entityType: 'case', entityId: id });
    }
  });
  return due.length;
}

export interface SlaPolicyView {
  id: string | null;
  priority: CasePriority;
  tier: 'A' | 'B' | 'C' | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  builtIn: boolean;
}

export function listSlaPolicies(core: Core): SlaPolicyView[] {
  const rows = core.db.select().from(slaPolicies).all();
  const out: SlaPolicyView[] = [];
  for (const priority of ['P1', 'P2', 'P3', 'P4'] as const) {
    const general = rows.find((r) => r.priority === priority && r.tier === null);
    out.push(
      general
        ? { id: general.id, priority, tier: null, firstResponseMinutes: general.firstResponseMinutes, resolutionMinutes: general.resolutionMinutes, builtIn: false }
        : { id: null, priority, tier: null, ...DEFAULT_SLA_TARGETS[priority], builtIn: true },
    );
    for (const r of rows.filter((x) => x.priority === priority && x.tier !== null).sort((a, b) => String(a.tier).localeCompare(String(b.tier)))) {
      out.push({ id: r.id, priority, tier: r.tier, firstResponseMinutes: r.firstResponseMinutes, resolutionMinutes: r.resolutionMinutes, builtIn: false });
    }
  }
  return out;
}

/** The targets for a priority and the account's tier: a tier-specific policy wins over the general one. */
export function slaTargetsFor(core: Core, priority: CasePriority, accountId: string): { firstResponseMinutes: number; resolutionMinutes: number } {
  const tier = core.db.select({ tier: accounts.tier }).from(accounts).where(eq(accounts.id, accountId)).get()?.tier ?? null;
  const rows = core.db.select().from(slaPolicies).where(eq(slaPolicies.priority, priority)).all();
  const hit = rows.find((r) => r.tier !== null && r.tier === tier) ?? rows.find((r) => r.tier === null);
  return hit ? { firstResponseMinutes: hit.firstResponseMinutes, resolutionMinutes: hit.resolutionMinutes } : DEFAULT_SLA_TARGETS[priority];
}

export function saveSlaPolicy(core: Core, actor: Actor, input: { priority: CasePriority; tier: 'A' | 'B' | 'C' | null; firstResponseMinutes: number; resolutionMinutes: number }): SlaPolicyView[] {
  core.tx(() => {
    const now = core.clock.now();
    const existing = core.db
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.priority, input.priority), input.tier === null ? isNull(slaPolicies.tier) : eq(slaPolicies.tier, input.tier)))
      .get();
    if (existing) {
      core.db
        .update(slaPolicies)
        .set({ firstResponseMinutes: input.firstResponseMinutes, resolutionMinutes: input.resolutionMinutes, updatedAt: now, updatedBy: actor.id, version: existing.version + 1 })
        .where(eq(slaPolicies.id, existing.id))
        .run();
      recordAudit(core, actor, { action: 'sla_policy.update', entityType: 'sla_policy', entityId: existing.id, before: { firstResponseMinutes: existing.firstResponseMinutes, resolutionMinutes: existing.resolutionMinutes }, after: input });
    } else {
      const id = newId(now);
      core.db.insert(slaPolicies).values({ id, ...input, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 }).run();
      recordAudit(core, actor, { action: 'sla_policy.create', entityType: 'sla_policy', entityId: id, after: input });
    }
  });
  core.events.emit('data.changed', { entities: ['sla_policies'] });
  return listSlaPolicies(core);
}
