import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { importBatches, users } from '../../../../db/schema';
import type { ImportPreview, ImportRow, ImportRunResult, ValidationSummaryDto } from '../../../../shared/contract/imports';
import { KIND_SPECS, type FieldSpec } from '../../../../shared/domain/import/fields';
import { columnLetter } from '../../../../shared/domain/import/grid';
import { suggestMapping, type ColumnMapping } from '../../../../shared/domain/import/header-match';
import type { DuplicatePolicy, ImportKind } from '../../../../shared/domain/import/kinds';
import { shapeKey } from '../../../../shared/domain/import/shape-key';
import { pick, type Lang } from '../../../../shared/i18n/text';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { CallContext, Core } from '../../core';
import { newId } from '../../ids';
import { commitImport, type CommitResult } from './commit/commit-import';
import { writeErrorReport } from './commit/error-report';
import { undoImport } from './commit/undo-import';
import { DEFAULT_LIMITS } from './read/limits';
import { displayText } from './read/number-format';
import { openWorkbook } from './read/open-workbook';
import { CsvSource } from './read/text/csv-source';
import type { EncodingChoice } from './read/text/text-encoding';
import type { ImportSession, ImportOptions } from './session/import-session';
import { chooseHeader, detectHeader, firstDataRow, loadData, readHead, taskControl, toGridRow } from './session/load-table';
import { addSession, closeSession, findTask, getSession, withSession } from './session/session-store';
import { Staging } from './session/staging';
import { findTemplate, rememberTemplate, templateByName } from './templates';
import type { RowIssue } from './validate/issue';
import { runValidation } from './validate/run-validation';

/**
 * The import use cases behind the wizard and the CLI: open a file, preview a sheet, propose a mapping,
 * validate (the dry run), fix and skip rows, commit in one transaction, write the error report, list
 * and undo batches. Sessions keep the parsed rows between steps.
 */

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function fileInfo(session: ImportSession) {
  const src = session.source;
  const firstVisible = src.sheets.find((s) => s.state === 'visible' && s.readable) ?? null;
  return {
    sessionId: session.id,
    fileName: session.fileName,
    size: session.fileSize,
    format: src.format,
    encoding: src.encoding,
    encodingSource: src instanceof CsvSource ? src.encodingSource : null,
    date1904: src.date1904,
    sheets: src.sheets.map((s) => ({ name: s.name, state: s.state, readable: s.readable })),
    defaultSheet: firstVisible?.name ?? null,
  };
}

export async function openImport(core: Core, input: { path: string; fileName?: string | undefined; encoding: EncodingChoice; taskId?: string | undefined }) {
  const fileName = input.fileName ?? basename(input.path);
  const source = await openWorkbook(input.path, { fileName, encoding: input.encoding, limits: DEFAULT_LIMITS });
  let size: number;
  let digest: string;
  try {
    size = (await stat(input.path)).size;
    digest = await sha256(input.path);
  } catch (error) {
    source.close();
    throw error;
  }
  const session: ImportSession = {
    id: newId(core.clock.now()),
    path: input.path,
    fileName,
    fileSha256: digest,
    fileSize: size,
    encodingChoice: input.encoding,
    source,
    staging: new Staging(core.sqlite),
    sheet: null,
    headerRow: 0,
    headerRows: 1,
    headers: [],
    marked: [],
    head: [],
    merges: [],
    sheetRowCount: 0,
    sourceWarnings: [],
    loadedFor: null,
    kind: null,
    mapping: [],
    options: { unmapped: 'ignore', onDuplicate: 'skip', assignOwners: false },
    sender: null,
    summary: null,
    validatedFor: null,
    committedBatchId: null,
    busy: false,
    lastUsed: Date.now(),
    abort: null,
    taskId: input.taskId ?? null,
  };
  addSession(core, session);
  return fileInfo(session);
}

function startTask(session: ImportSession, taskId: string | undefined): void {
  session.abort = new AbortController();
  session.taskId = taskId ?? session.taskId ?? newId();
}

export async function previewImport(
  core: Core,
  ctx: CallContext,
  input: { sessionId: string; sheet?: string | undefined; headerRow?: number | undefined; headerRows?: 1 | 2 | undefined; encoding?: EncodingChoice | undefined; kind?: ImportKind | undefined },
): Promise<ImportPreview> {
  return withSession(core, input.sessionId, async (session) => {
    startTask(session, undefined);
    const control = taskControl(core, session, '读取预览 / reading preview', DEFAULT_LIMITS.timeoutMs);
    if (input.encoding && input.encoding !== session.encodingChoice && session.source.format === 'csv') {
      const reopened = await openWorkbook(session.path, { fileName: session.fileName, encoding: input.encoding });
      session.source.close();
      session.source = reopened;
      session.encodingChoice = input.encoding;
      session.sheet = null;
    }
    const src = session.source;
    const sheet = input.sheet ?? session.sheet ?? src.sheets.find((s) => s.state === 'visible' && s.readable)?.name ?? src.sheets.find((s) => s.readable)?.name;
    if (!sheet) throw new AppError('FILE_ERROR', msg(`文件“${session.fileName}”中没有可导入的工作表`, `File "${session.fileName}" has no sheet that can be imported`));
    if (!src.sheets.some((s) => s.name === sheet)) throw new AppError('NOT_FOUND', msg(`文件“${session.fileName}”中没有名为“${sheet}”的工作表`, `File "${session.fileName}" has no sheet named "${sheet}"`));
    if (session.sheet !== sheet || session.head.length === 0) await readHead(session, sheet, control);
    chooseHeader(session, input.kind, input.headerRow, input.headerRows);
    const detected = input.headerRow === undefined ? session.headerRow : detectHeader(session, input.kind).headerRow;
    session.summary = null;
    const date1904 = src.date1904;
    const start = firstDataRow(session);
    // Bogus used ranges (A1:XFD2) would make thousands of empty preview columns: show what has headers.
    const width = Math.min(Math.max(session.headers.length, ...session.head.map((r) => r.cells.length)), Math.max(session.headers.length, 1) + 5, 200);
    const grid = session.head.slice(0, 40).map((r) => {
      const g = toGridRow(r, date1904);
      return { row: r.row, cells: Array.from({ length: width }, (_, c) => g.cells[c] ?? ''), filled: [] as number[] };
    });
    // Show vertical-merge fill in the preview exactly as the import will apply it.
    for (const m of session.merges) {
      if (m.bottom === m.top || m.top < start) continue;
      const top = grid.find((g) => g.row === m.top);
      if (!top) continue;
      for (const g of grid) {
        if (g.row <= m.top || g.row > m.bottom) continue;
        for (let c = m.left; c <= m.right && c < width; c++) {
          if (g.cells[c] === '') {
            g.cells[c] = top.cells[m.left] ?? '';
            g.filled.push(c);
          }
        }
      }
    }
    const dataRows = grid.filter((g) => g.row >= start);
    return {
      sheet,
      headerRow: session.headerRow,
      headerRows: session.headerRows,
      detectedHeaderRow: detected,
      encoding: src.encoding,
      encodingSource: src instanceof CsvSource ? src.encodingSource : null,
      rowCount: session.sheetRowCount,
      columns: session.headers.map((header, index) => ({ index, letter: columnLetter(index), header, marked: session.marked[index] ?? false, samples: dataRows.map((g) => g.cells[index] ?? '').filter((x) => x !== '').slice(0, 3) })),
      grid,
      merges: session.merges.slice(0, 2000),
      warnings: session.sourceWarnings.map((w) => ({ code: w.code, message: ctx.lang === 'en' ? w.en : w.zh })),
    };
  });
}

function fieldDto(f: FieldSpec, lang: Lang) {
  return { key: f.key, label: pick(f.label, lang), type: f.type, required: Boolean(f.required), values: f.values ? Object.keys(f.values) : null };
}

export function mappingFor(core: Core, ctx: CallContext, input: { sessionId: string; kind: ImportKind; sender?: string | null | undefined }) {
  const session = getSession(core, input.sessionId);
  if (!session.sheet) throw new AppError('RULE_VIOLATION', msg('请先选择工作表和表头行', 'Choose the sheet and header row first'));
  const spec = KIND_SPECS[input.kind];
  const remembered = findTemplate(core, input.kind, session.headers, input.sender ?? null);
  const mapping = remembered?.mapping ?? suggestMapping(input.kind, session.headers);
  return {
    kind: input.kind,
    fields: spec.fields.map((f) => fieldDto(f, ctx.lang)),
    requiredAnyOf: spec.requiredAnyOf.map((g) => [...g]),
    mapping,
    template: remembered ? { id: remembered.template.id, name: remembered.template.name, sender: remembered.template.sender } : null,
    shapeKey: shapeKey(session.headers),
  };
}

export async function validateImport(
  core: Core,
  input: { sessionId: string; kind: ImportKind; mapping: { column: number; field: string | null }[]; onDuplicate: DuplicatePolicy; unmapped: 'notes' | 'ignore'; assignOwners: boolean; sender?: string | null | undefined; taskId?: string | undefined },
): Promise<ValidationSummaryDto> {
  return withSession(core, input.sessionId, async (session) => {
    if (!session.sheet) throw new AppError('RULE_VIOLATION', msg('请先选择工作表和表头行', 'Choose the sheet and header row first'));
    if (session.committedBatchId) throw new AppError('CONFLICT', msg('这个文件已经导入过了（同一会话）', 'This file was already imported in this session'));
    startTask(session, input.taskId);
    session.kind = input.kind;
    session.mapping = input.mapping.filter((m) => m.column < session.headers.length).map((m) => ({ column: m.column, field: m.field, confidence: 1 }));
    session.options = { onDuplicate: input.onDuplicate, unmapped: input.unmapped, assignOwners: input.assignOwners } satisfies ImportOptions;
    session.sender = input.sender ?? null;
    const control = taskControl(core, session, '读取并校验 / reading and validating', DEFAULT_LIMITS.timeoutMs);
    await loadData(session, control);
    session.summary = await runValidation(core, session, control);
    return session.summary;
  });
}

interface ResultRow {
  idx: number;
  row: number;
  cells: string;
  filled: string | null;
  status: number;
  action: string;
  issues: string | null;
  changes: string | null;
  alloc: string | null;
  skipped: number;
}

function toRowDto(session: ImportSession, r: ResultRow, fixes: Map<number, string>, lang: Lang): ImportRow {
  const staged = Staging.decode(r.idx, r.row, r.cells, r.filled);
  const date1904 = session.source.date1904;
  const cells = session.headers.map((_, c) => (fixes.has(c) ? fixes.get(c)! : displayText(staged.cells[c] ?? null, date1904)));
  const issues = (r.issues ? (JSON.parse(r.issues) as RowIssue[]) : []).map((i) => ({
    level: i.level,
    code: i.code,
    col: i.col,
    column: i.col === null ? null : columnLetter(i.col),
    header: i.col === null ? null : (session.headers[i.col] ?? null),
    field: i.field,
    value: i.value,
    message: lang === 'en' ? i.en : i.zh,
    suggestions: i.suggestions ?? [],
  }));
  const fields = session.kind ? KIND_SPECS[session.kind].fields : [];
  const changes = (r.changes ? (JSON.parse(r.changes) as { field: string; before: unknown; after: unknown }[]) : []).map((c) => {
    const f = fields.find((x) => x.key === c.field);
    return { field: c.field, label: f ? pick(f.label, lang) : c.field, before: c.before === null || c.before === undefined ? null : String(c.before), after: c.after === null || c.after === undefined ? null : String(c.after) };
  });
  return {
    index: r.idx,
    row: r.row,
    cells,
    filled: staged.filled,
    fixed: [...fixes.keys()],
    status: r.status === 2 ? 'error' : r.status === 1 ? 'warning' : 'ok',
    action: r.action as ImportRow['action'],
    skipped: r.skipped === 1,
    issues,
    changes,
    owner: r.alloc ? (JSON.parse(r.alloc) as ImportRow['owner']) : null,
  };
}

const FILTERS: Record<string, string> = {
  all: '1 = 1',
  errors: 'r.status = 2',
  warnings: 'r.status = 1',
  create: `r.action = 'create'`,
  update: `r.action = 'update'`,
  unchanged: `r.action = 'unchanged'`,
  skip: `r.action = 'skip'`,
  duplicates: `(r.issues like '%"DUP_IN_FILE"%' or r.issues like '%"DUP_IN_DB"%' or r.issues like '%"DUP_UNIQUE"%')`,
};

export function listRows(core: Core, ctx: CallContext, input: { sessionId: string; offset: number; limit: number; filter: string }) {
  const session = getSession(core, input.sessionId);
  if (!session.summary) throw new AppError('RULE_VIOLATION', msg('请先校验', 'Validate first'));
  const sx = session.staging.schema;
  const where = FILTERS[input.filter] ?? '1 = 1';
  const total = (core.sqlite.prepare(`select count(*) as n from ${sx}.results r where ${where}`).get() as { n: number }).n;
  const rows = core.sqlite
    .prepare(`select s.idx, s.row, s.cells, s.filled, r.status, r.action, r.issues, r.changes, r.alloc, (k.idx is not null) as skipped from ${sx}.results r join ${sx}.rows s on s.idx = r.idx left join ${sx}.skips k on k.idx = r.idx where ${where} order by r.idx limit ? offset ?`)
    .all(input.limit, input.offset) as ResultRow[];
  return { total, items: rows.map((r) => toRowDto(session, r, session.staging.fixesFor(r.idx), ctx.lang)) };
}

/** Re-validates after a fix or skip: the whole set, since duplicates and order groups span rows. */
async function revalidate(core: Core, session: ImportSession): Promise<ValidationSummaryDto> {
  const control = taskControl(core, session, '重新校验 / re-validating', DEFAULT_LIMITS.timeoutMs);
  session.summary = await runValidation(core, session, control);
  return session.summary;
}

export async function fixCell(core: Core, ctx: CallContext, input: { sessionId: string; index: number; column: number; value: string }) {
  return withSession(core, input.sessionId, async (session) => {
    if (!session.summary) throw new AppError('RULE_VIOLATION', msg('请先校验', 'Validate first'));
    if (input.column >= session.headers.length) throw new AppError('INVALID_INPUT', msg('没有这一列', 'No such column'));
    if (!session.staging.get(input.index)) throw new AppError('NOT_FOUND', msg('没有这一行', 'No such row'));
    session.staging.setFix(input.index, input.column, input.value);
    startTask(session, undefined);
    const summary = await revalidate(core, session);
    const sx = session.staging.schema;
    const r = core.sqlite
      .prepare(`select s.idx, s.row, s.cells, s.filled, r.status, r.action, r.issues, r.changes, r.alloc, (k.idx is not null) as skipped from ${sx}.results r join ${sx}.rows s on s.idx = r.idx left join ${sx}.skips k on k.idx = r.idx where r.idx = ?`)
      .get(input.index) as ResultRow;
    return { row: toRowDto(session, r, session.staging.fixesFor(input.index), ctx.lang), summary };
  });
}

export async function skipRows(core: Core, input: { sessionId: string; indexes: number[]; skip: boolean }) {
  return withSession(core, input.sessionId, async (session) => {
    if (!session.summary) throw new AppError('RULE_VIOLATION', msg('请先校验', 'Validate first'));
    session.staging.setSkipped(input.indexes, input.skip);
    startTask(session, undefined);
    return revalidate(core, session);
  });
}

export async function commitSession(core: Core, ctx: CallContext, input: { sessionId: string; skipInvalid: boolean; saveTemplate: boolean; templateName?: string | undefined }) {
  return withSession(core, input.sessionId, async (session) => {
    const result: CommitResult = commitImport(core, ctx.actor, session, { skipInvalid: input.skipInvalid });
    if (input.saveTemplate && session.kind) rememberTemplate(core, ctx.actor, { kind: session.kind, headers: session.headers, mapping: session.mapping, sender: session.sender, name: input.templateName ?? null });
    const report = result.errors > 0 ? (await writeErrorReport(core, session, ctx.lang)).path : null;
    return { ...result, errorReport: report, warnings: result.warnings.map((w) => ({ code: w.code, message: ctx.lang === 'en' ? w.en : w.zh })) };
  });
}

export async function errorReport(core: Core, ctx: CallContext, input: { sessionId: string }) {
  return withSession(core, input.sessionId, async (session) => {
    if (!session.summary) throw new AppError('RULE_VIOLATION', msg('请先校验', 'Validate first'));
    return writeErrorReport(core, session, ctx.lang);
  });
}

export function cancelTask(taskId: string): { cancelled: boolean } {
  const session = findTask(taskId);
  if (!session?.abort) return { cancelled: false };
  session.abort.abort();
  return { cancelled: true };
}

export function closeImport(core: Core, sessionId: string): { ok: true } {
  try {
    closeSession(core, getSession(core, sessionId));
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
  }
  return { ok: true };
}

export function listBatches(core: Core, limit: number) {
  return core.db
    .select({ b: importBatches, by: users.displayName })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(limit)
    .all()
    .map(({ b, by }) => ({
      id: b.id,
      kind: b.kind,
      fileName: b.fileName,
      sheet: b.sheet,
      onDuplicate: b.onDuplicate,
      rows: b.rowCount,
      created: b.createdCount,
      updated: b.updatedCount,
      skipped: b.skippedCount,
      errors: b.errorCount,
      createdAt: b.createdAt,
      createdBy: by ?? null,
      undoneAt: b.undoneAt,
    }));
}

export function undoBatch(core: Core, ctx: CallContext, batchId: string) {
  return undoImport(core, ctx.actor, batchId);
}

/** Issues listed in the CLI's JSON; beyond this the counts say how many there are (memory stays flat). */
const MAX_LISTED = 10_000;

/** Every issue of every row, in sheet order (for the CLI's JSON), up to MAX_LISTED of each level. */
function collectIssues(core: Core, session: ImportSession, lang: Lang) {
  const sx = session.staging.schema;
  const errors: ImportRunResult['errors'] = [];
  const warnings: ImportRunResult['warnings'] = [];
  let errorCount = 0;
  let warningCount = 0;
  for (const r of core.sqlite.prepare(`select s.row, r.issues from ${sx}.results r join ${sx}.rows s on s.idx = r.idx where r.issues is not null order by r.idx`).iterate() as Iterable<{ row: number; issues: string }>) {
    for (const i of JSON.parse(r.issues) as RowIssue[]) {
      const isError = i.level === 'error';
      if (isError) errorCount++;
      else warningCount++;
      if ((isError ? errors : warnings).length >= MAX_LISTED) continue;
      const item = { row: r.row, column: i.col === null ? null : columnLetter(i.col), header: i.col === null ? null : (session.headers[i.col] ?? null), value: i.value, code: i.code, message: lang === 'en' ? i.en : i.zh };
      (isError ? errors : warnings).push(item);
    }
  }
  for (const w of session.sourceWarnings) warnings.push({ row: null, column: null, header: null, value: '', code: w.code, message: lang === 'en' ? w.en : w.zh });
  return { errors, warnings, errorCount, warningCount: warningCount + session.sourceWarnings.length };
}

/** Who gets each new account by the allocation rules (for the CLI's JSON), in sheet order. */
function collectAllocation(core: Core, session: ImportSession): ImportRunResult['allocation'] {
  const a = session.summary?.allocation;
  if (!a) return null;
  const sx = session.staging.schema;
  const rows = (core.sqlite.prepare(`select s.row, r.record, r.alloc from ${sx}.results r join ${sx}.rows s on s.idx = r.idx where r.alloc is not null order by r.idx limit ?`).all(MAX_LISTED) as { row: number; record: string; alloc: string }[]).map((r) => {
    const owner = JSON.parse(r.alloc) as NonNullable<ImportRow['owner']>;
    return { row: r.row, name: String((JSON.parse(r.record) as { name?: unknown }).name ?? ''), rep: owner.repName, rule: owner.rule };
  });
  return { ...a, rows };
}

/** One-shot import (the CLI): open → header → mapping (auto or a template) → validate → commit. */
export async function runImport(
  core: Core,
  ctx: CallContext,
  input: { path: string; kind: ImportKind; sheet?: string | undefined; headerRow?: number | undefined; encoding: EncodingChoice; mapping: string; onDuplicate: DuplicatePolicy; dryRun: boolean; skipInvalid: boolean; unmapped: 'notes' | 'ignore'; assignOwners: boolean; sender?: string | undefined; taskId?: string | undefined },
): Promise<ImportRunResult> {
  const file = await openImport(core, { path: input.path, encoding: input.encoding, taskId: input.taskId });
  const session = getSession(core, file.sessionId);
  try {
    if (input.sheet) {
      const meta = session.source.sheets.find((s) => s.name === input.sheet);
      if (!meta) throw new AppError('FILE_ERROR', msg(`文件“${session.fileName}”中没有名为“${input.sheet}”的工作表（有：${session.source.sheets.map((s) => s.name).join('、')}）`, `File "${session.fileName}" has no sheet named "${input.sheet}" (it has: ${session.source.sheets.map((s) => s.name).join(', ')})`));
    }
    await previewImport(core, ctx, { sessionId: session.id, sheet: input.sheet, headerRow: input.headerRow, kind: input.kind });
    let mapping: ColumnMapping[];
    if (input.mapping === 'auto') mapping = mappingFor(core, ctx, { sessionId: session.id, kind: input.kind, sender: input.sender ?? null }).mapping;
    else mapping = templateByName(core, input.kind, input.mapping, session.headers);
    const summary = await validateImport(core, { sessionId: session.id, kind: input.kind, mapping: mapping.map((m) => ({ column: m.column, field: m.field })), onDuplicate: input.onDuplicate, unmapped: input.unmapped, assignOwners: input.assignOwners, sender: input.sender ?? null, taskId: input.taskId });
    const { errors, warnings, errorCount, warningCount } = collectIssues(core, session, ctx.lang);
    const base: ImportRunResult = {
      file: session.fileName,
      kind: input.kind,
      sheet: session.sheet,
      headerRow: session.headerRow,
      encoding: session.source.encoding,
      rows: summary.rows,
      valid: summary.valid,
      created: 0,
      updated: 0,
      skipped: 0,
      errors,
      warnings,
      errorCount,
      warningCount,
      batchId: null,
      dryRun: input.dryRun,
      unchanged: summary.plan.unchanged,
      plan: summary.plan,
      errorReport: null,
      allocation: collectAllocation(core, session),
    };
    const refused = summary.errorRows > 0 && !input.skipInvalid;
    if (input.dryRun || refused) {
      return { ...base, created: refused ? 0 : summary.plan.create, updated: refused ? 0 : summary.plan.update, skipped: refused ? 0 : summary.plan.skip + (input.skipInvalid ? summary.plan.error : 0) };
    }
    const result = await commitSession(core, ctx, { sessionId: session.id, skipInvalid: input.skipInvalid, saveTemplate: true });
    return { ...base, created: result.created, updated: result.updated, skipped: result.skipped, batchId: result.batchId, errorReport: result.errorReport, warnings: [...warnings, ...result.warnings.map((w) => ({ row: null, column: null, header: null, value: '', code: w.code, message: w.message }))] };
  } finally {
    closeImport(core, session.id);
  }
}
