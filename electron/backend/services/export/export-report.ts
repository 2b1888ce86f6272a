/**
 * reports.export: builds a report, writes it as xlsx or csv through a temporary file into the exports
 * folder (or a chosen folder), reports progress, and records who exported what in the audit log.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { type ExportRequest, type ExportResult, type ReportKind, type ReportParams } from '../../../../shared/contract/reports';
import { exportFileName } from '../../../../shared/domain/file-names';
import { epochToZoned } from '../../../../shared/domain/zoned-time';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { REPORTS } from '../reports/catalog';
import type { ReportDefinition } from '../reports/report-types';
import { freeFileName, writeAtomically } from './atomic-file';
import { writeCsv } from './csv-writer';
import type { ReportDoc, WriteContext } from './sheet-spec';
import { writeXlsx } from './xlsx-writer';

export function exportsFolder(core: Core): string {
  return join(core.dataDir, 'exports');
}

export function buildReport(core: Core, params: ReportParams, actor: Actor): ReportDoc {
  const def = REPORTS[params.report] as ReportDefinition<ReportKind>;
  return def.build(core, params as never, { actor });
}

function stamp(core: Core): string {
  const z = epochToZoned(core.clock.now(), core.settings().timeZone);
  return `${z.date.replaceAll('-', '')}-${z.time.replace(':', '')}`;
}

export async function exportReport(core: Core, actor: Actor, req: ExportRequest): Promise<ExportResult> {
  if (req.folder !== undefined && !isAbsolute(req.folder)) {
    throw new AppError('INVALID_INPUT', msg(`导出文件夹应为绝对路径：${req.folder}`, `The export folder must be an absolute path: ${req.folder}`));
  }
  const folder = resolve(req.folder ?? exportsFolder(core));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new AppError('FILE_ERROR', msg(`无法创建导出文件夹 ${folder}：${(error as Error).message}`, `Cannot create the export folder ${folder}: ${(error as Error).message}`));
  }
  const doc = buildReport(core, req.params, actor);
  const ext = req.format === 'xlsx' ? 'xlsx' : 'csv';
  const target = freeFileName(folder, exportFileName({ title: doc.title, period: doc.periodKey, stamp: stamp(core), ext }));
  const taskId = req.taskId ?? newId(core.clock.now());
  const label = `导出 ${doc.title}`;
  const ctx: WriteContext = {
    generatedAt: core.clock.now(),
    generatedBy: actor.name,
    timeZone: core.settings().timeZone,
    company: core.settings().companyName || 'SalesDesk',
    onRows: (done) => core.events.emit('task.progress', { taskId, label, done, total: null }),
  };
  let rows: number;
  let sheets: string[];
  try {
    if (req.format === 'xlsx') {
      const r = await writeAtomically(target, (tmp) => writeXlsx(doc, tmp, ctx));
      // The report's main sheet (the one CSV exports) is what "rows" counts.
      rows = r.rows[doc.csvSheet] ?? r.rows[0] ?? 0;
      sheets = r.sheets;
    } else {
      const r = await writeAtomically(target, (tmp) => writeCsv(doc, tmp, ctx, req.encoding));
      rows = r.rows;
      sheets = [r.sheet];
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = error as NodeJS.ErrnoException;
    throw new AppError('FILE_ERROR', msg(`写入 ${target} 失败：${e.message}`, `Writing ${target} failed: ${e.message}`), { code: e.code });
  }
  const bytes = statSync(target).size;
  core.tx(() =>
    recordAudit(core, actor, {
      action: 'report.export',
      entityType: 'report',
      entityId: req.params.report,
      after: { file: target, format: req.format, encoding: req.format === 'csv' ? req.encoding : undefined, params: req.params, rows },
    }),
  );
  core.events.emit('task.progress', { taskId, label, done: rows, total: rows });
  return { file: target, report: req.params.report, period: doc.periodKey, rows, format: req.format, bytes, sheets };
}

export function recentExports(core: Core, limit: number): { file: string; name: string; bytes: number; modifiedAt: number }[] {
  const dir = exportsFolder(core);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.') && /\.(xlsx|csv)$/i.test(n))
    .map((name) => {
      const file = join(dir, name);
      const st = statSync(file);
      return { file, name, bytes: st.size, modifiedAt: Math.trunc(st.mtimeMs) };
    })
    .sort((a, b) => b.modifiedAt - a.modifiedAt)
    .slice(0, limit);
}
