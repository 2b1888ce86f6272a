import { buildHeaders, detectHeaderRow, hasRequiredMark } from '../../../../../shared/domain/import/header-detect';
import type { GridRow } from '../../../../../shared/domain/import/grid';
import { MergeFiller } from '../../../../../shared/domain/import/merge-fill';
import type { ImportKind } from '../../../../../shared/domain/import/kinds';
import type { Core } from '../../../core';
import type { Cell, SheetRow } from '../read/cell';
import { displayText } from '../read/number-format';
import { readError } from '../read/read-error';
import type { ImportSession } from './import-session';

/** Rows read for header detection and the sheet preview. */
export const HEAD_ROWS = 60;

export interface TaskControl {
  check(): void;
  progress(done: number, total: number | null): void;
}

/** A check() that throws on cancel (the session's AbortController) or when the time budget is spent. */
export function taskControl(core: Core, session: ImportSession, label: string, timeoutMs: number): TaskControl {
  const deadline = Date.now() + timeoutMs;
  let lastEmit = 0;
  return {
    check() {
      if (session.abort?.signal.aborted) throw readError('CANCELLED', session.fileName);
      if (Date.now() > deadline) throw readError('TIMEOUT', session.fileName, session.sheet ? { sheet: session.sheet } : {});
    },
    progress(done, total) {
      const now = Date.now();
      if (session.taskId && (now - lastEmit > 100 || done === total)) {
        lastEmit = now;
        core.events.emit('task.progress', { taskId: session.taskId, label, done, total });
      }
    },
  };
}

export function toGridRow(r: SheetRow, date1904: boolean): GridRow {
  const cells: (string | null)[] = [];
  const typed: boolean[] = [];
  for (let c = 0; c < r.cells.length; c++) {
    const x = r.cells[c];
    cells.push(x ? displayText(x, date1904) : null);
    typed.push(x ? x.k !== 's' : false);
  }
  return { row: r.row, cells, typed };
}

/** Reads the first rows and all merges of a sheet (the preview and header detection). */
export async function readHead(session: ImportSession, sheet: string, control: TaskControl): Promise<void> {
  const head: SheetRow[] = [];
  const result = await session.source.readSheet(sheet, { maxRows: HEAD_ROWS, onRow: (r) => head.push(r), check: control.check });
  session.sheet = sheet;
  session.head = head;
  session.merges = result.merges;
  session.sheetRowCount = result.rowCount;
  session.sourceWarnings = result.warnings;
  session.loadedFor = null;
  session.summary = null;
}

/** The header row (and whether a second one joins it) that detection proposes for the sheet. */
export function detectHeader(session: ImportSession, kind: ImportKind | undefined): { headerRow: number; headerRows: 1 | 2 } {
  const grid = session.head.map((r) => toGridRow(r, session.source.date1904));
  const guess = detectHeaderRow(grid, session.merges, kind);
  return { headerRow: guess.headerRow, headerRows: guess.headerRows };
}

/** Applies a header choice (or the detected one) and builds the column headers. */
export function chooseHeader(session: ImportSession, kind: ImportKind | undefined, headerRow?: number, headerRows?: 1 | 2): void {
  const grid = session.head.map((r) => toGridRow(r, session.source.date1904));
  if (headerRow === undefined) {
    const guess = detectHeader(session, kind);
    session.headerRow = guess.headerRow;
    session.headerRows = headerRows ?? guess.headerRows;
  } else {
    session.headerRow = headerRow;
    session.headerRows = headerRows ?? 1;
  }
  const width = Math.max(0, ...grid.map((r) => r.cells.length));
  const rawHead = grid.filter((r) => r.row >= session.headerRow && r.row < session.headerRow + session.headerRows);
  session.marked = Array.from({ length: width }, (_, c) => rawHead.some((r) => hasRequiredMark(r.cells[c] ?? '')));
  if (session.headerRow === 0) {
    session.headers = Array.from({ length: width }, (_, c) => `列 ${columnName(c)}`);
  } else {
    const built = buildHeaders(grid, session.headerRow, session.headerRows, session.merges);
    // Data may be wider than the header row: those columns get letter names.
    while (built.length < width) built.push(`列 ${columnName(built.length)}`);
    session.headers = built;
  }
  // Trailing columns with no header and no data in the preview are dropped (bogus used ranges).
  let last = session.headers.length - 1;
  const dataStart = firstDataRow(session);
  while (last >= 0 && /^列 [A-Z]+$/.test(session.headers[last]!) && !session.head.some((r) => r.row >= dataStart && r.cells[last])) last--;
  session.headers = session.headers.slice(0, last + 1);
}

function columnName(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function firstDataRow(session: ImportSession): number {
  return session.headerRow === 0 ? 1 : session.headerRow + session.headerRows;
}

export function loadKey(session: ImportSession): string {
  return `${session.sheet}|${session.headerRow}|${session.headerRows}|${session.encodingChoice}`;
}

/** Streams every data row of the chosen sheet into staging, filling vertical merges down. */
export async function loadData(session: ImportSession, control: TaskControl): Promise<void> {
  const key = loadKey(session);
  if (session.loadedFor === key) return;
  if (!session.sheet) throw readError('NO_SHEETS', session.fileName);
  session.staging.reset();
  const start = firstDataRow(session);
  const width = session.headers.length;
  const filler = new MergeFiller<Cell>(session.merges, start);
  let seen = 0;
  const result = await session.source.readSheet(session.sheet, {
    onRow: (r) => {
      if (r.row < start) return;
      const cells = r.cells.length > width ? r.cells.slice(0, width) : r.cells;
      const filled = filler.empty ? [] : filler.apply(r.row, (c) => cells[c] ?? null, (c, v) => (cells[c] = v));
      if (cells.some((c) => c)) session.staging.add(r.row, cells, filled);
      if (++seen % 5000 === 0) control.progress(seen, session.sheetRowCount || null);
    },
    check: control.check,
  });
  session.staging.flush();
  session.sourceWarnings = result.warnings;
  session.sheetRowCount = result.rowCount;
  control.progress(seen, seen);
  if (session.staging.count === 0) {
    throw session.head.length === 0 ? readError('SHEET_EMPTY', session.fileName, { sheet: session.sheet }) : readError('NO_DATA_ROWS', session.fileName, { sheet: session.sheet });
  }
  session.loadedFor = key;
}
