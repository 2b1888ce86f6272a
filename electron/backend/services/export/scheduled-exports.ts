/**
 * Scheduled exports: a report + period + folder + schedule, run while the app is open. A run that
 * was missed while the app was closed is caught up once at start (not once per missed day).
 */
import { eq } from 'drizzle-orm';
import { scheduledExports } from '../../../../db/schema';
import { type ScheduledExport, csvEncodingSchema, reportParamsSchema, type scheduledExportInputSchema } from '../../../../shared/contract/reports';
import { nextRunAfter } from '../../../../shared/domain/schedule';
import { epochToZoned, zonedToEpoch } from '../../../../shared/domain/zoned-time';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { z } from 'zod';
import { isAbsolute } from 'node:path';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { changedFields, recordAudit } from '../audit';
import { staleVersion } from '../users';
import { exportReport } from './export-report';

type Input = z.output<typeof scheduledExportInputSchema>;
type Row = typeof scheduledExports.$inferSelect;

interface StoredParams {
  params: unknown;
  encoding?: unknown;
}

function toDto(r: Row): ScheduledExport {
  const stored = JSON.parse(r.params) as StoredParams;
  const params = reportParamsSchema.parse(stored.params);
  return {
    id: r.id,
    name: r.name,
    report: params.report,
    period: r.period,
    params,
    format: r.format,
    encoding: csvEncodingSchema.catch('utf8').parse(stored.encoding),
    folder: r.folder,
    schedule: r.schedule,
    runAt: r.runAt,
    weekday: r.weekday,
    monthDay: r.monthDay,
    enabled: r.enabled,
    lastRunAt: r.lastRunAt,
    lastResult: r.lastResult,
    nextRunAt: r.nextRunAt,
    version: r.version,
  };
}

/** The next due time after a moment, in the settings' time zone. */
export function nextDueAt(core: Core, spec: Pick<Row, 'schedule' | 'runAt' | 'weekday' | 'monthDay'>, after: number): number {
  const tz = core.settings().timeZone;
  const next = nextRunAfter({ kind: spec.schedule, time: spec.runAt, weekday: spec.weekday, monthDay: spec.monthDay }, epochToZoned(after, tz));
  return zonedToEpoch(next, tz);
}

export function listScheduledExports(core: Core): ScheduledExport[] {
  return core.db.select().from(scheduledExports).orderBy(scheduledExports.name).all().map(toDto);
}

function periodOf(params: Input['params']): string {
  return 'period' in params && typeof params.period === 'string' ? params.period : 'asOf' in params && params.asOf ? params.asOf : 'today';
}

export function saveScheduledExport(core: Core, actor: Actor, input: Input): ScheduledExport {
  if (!isAbsolute(input.folder)) throw new AppError('INVALID_INPUT', msg(`导出文件夹应为绝对路径：${input.folder}`, `The folder must be an absolute path: ${input.folder}`), { field: 'folder' });
  if (input.schedule === 'weekly' && !input.weekday) throw new AppError('INVALID_INPUT', msg('每周导出需要选择星期几', 'A weekly export needs a weekday'), { field: 'weekday' });
  if (input.schedule === 'monthly' && !input.monthDay) throw new AppError('INVALID_INPUT', msg('每月导出需要选择几号', 'A monthly export needs a day of the month'), { field: 'monthDay' });
  const now = core.clock.now();
  const values = {
    name: input.name,
    report: input.params.report,
    period: periodOf(input.params),
    params: JSON.stringify({ params: input.params, encoding: input.encoding }),
    format: input.format,
    folder: input.folder,
    schedule: input.schedule,
    runAt: input.runAt,
    weekday: input.schedule === 'weekly' ? (input.weekday ?? null) : null,
    monthDay: input.schedule === 'monthly' ? (input.monthDay ?? null) : null,
    enabled: input.enabled,
  };
  const id = core.tx(() => {
    if (input.id) {
      const before = core.db.select().from(scheduledExports).where(eq(scheduledExports.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', msg('定时导出不存在', 'Scheduled export not found'));
      if (input.version !== undefined && before.version !== input.version) throw staleVersion('scheduled export', before.version);
      const nextRunAt = values.enabled ? nextDueAt(core, values, now) : null;
      core.db
        .update(scheduledExports)
        .set({ ...values, nextRunAt, updatedAt: now, updatedBy: actor.id, version: before.version + 1 })
        .where(eq(scheduledExports.id, before.id))
        .run();
      const diff = changedFields(before as Record<string, unknown>, values);
      recordAudit(core, actor, { action: 'scheduledExport.update', entityType: 'scheduled_export', entityId: before.id, ...(diff ?? {}) }, now);
      return before.id;
    }
    const row = { id: newId(now), ...values, nextRunAt: values.enabled ? nextDueAt(core, values, now) : null, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 };
    core.db.insert(scheduledExports).values(row).run();
    recordAudit(core, actor, { action: 'scheduledExport.create', entityType: 'scheduled_export', entityId: row.id, after: row }, now);
    return row.id;
  });
  core.events.emit('data.changed', { entities: ['scheduledExports'] });
  return toDto(core.db.select().from(scheduledExports).where(eq(scheduledExports.id, id)).get()!);
}

export function deleteScheduledExport(core: Core, actor: Actor, id: string, version: number): void {
  core.tx(() => {
    const before = core.db.select().from(scheduledExports).where(eq(scheduledExports.id, id)).get();
    if (!before) throw new AppError('NOT_FOUND', msg('定时导出不存在', 'Scheduled export not found'));
    if (before.version !== version) throw staleVersion('scheduled export', before.version);
    core.db.delete(scheduledExports).where(eq(scheduledExports.id, id)).run();
    recordAudit(core, actor, { action: 'scheduledExport.delete', entityType: 'scheduled_export', entityId: id, before });
  });
  core.events.emit('data.changed', { entities: ['scheduledExports'] });
}

export interface ScheduledRun {
  id: string;
  name: string;
  ok: boolean;
  file: string | null;
  message: string | null;
  nextRunAt: number | null;
}

/** Runs one schedule now and records the outcome; a failure is recorded, not thrown. */
export async function runScheduledExport(core: Core, actor: Actor, id: string): Promise<ScheduledRun> {
  const row = core.db.select().from(scheduledExports).where(eq(scheduledExports.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', msg('定时导出不存在', 'Scheduled export not found'));
  const dto = toDto(row);
  const now = core.clock.now();
  let file: string | null = null;
  let message: string | null = null;
  try {
    const result = await exportReport(core, actor, { params: dto.params, format: dto.format, encoding: dto.encoding, folder: dto.folder });
    file = result.file;
  } catch (error) {
    message = error instanceof AppError ? `${error.text.zh} / ${error.text.en}` : (error as Error).message;
    core.logger.error(`scheduled export "${row.name}" failed`, error);
  }
  const nextRunAt = row.enabled ? nextDueAt(core, row, now) : null;
  core.tx(() =>
    core.db
      .update(scheduledExports)
      .set({ lastRunAt: now, lastResult: file ? `ok: ${file}` : `error: ${message}`, nextRunAt })
      .where(eq(scheduledExports.id, id))
      .run(),
  );
  core.events.emit('data.changed', { entities: ['scheduledExports'] });
  return { id, name: row.name, ok: file !== null, file, message, nextRunAt };
}

/** Every enabled schedule whose time has come (including runs missed while the app was closed), once each. */
export async function runDueScheduledExports(core: Core, actor: Actor): Promise<ScheduledRun[]> {
  const now = core.clock.now();
  const due = core.db
    .select()
    .from(scheduledExports)
    .all()
    .filter((r) => r.enabled && (r.nextRunAt ?? nextDueAt(core, r, r.lastRunAt ?? r.createdAt)) <= now);
  const out: ScheduledRun[] = [];
  for (const r of due) out.push(await runScheduledExport(core, actor, r.id));
  return out;
}

/**
 * The timer hook for the shell (Electron main, the browser preview): checks every minute while the
 * app runs. Returns a function that stops it.
 */
export function startExportScheduler(core: Core, actor: () => Actor, intervalMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDueScheduledExports(core, actor());
    } catch (error) {
      core.logger.error('scheduled exports tick failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
