import { basename } from 'node:path';
import type { MergeRange } from '../../shared/domain/import/grid';
import { displayText } from '../../electron/backend/services/import/read/number-format';
import { openWorkbook } from '../../electron/backend/services/import/read/open-workbook';
import type { WorkbookSource } from '../../electron/backend/services/import/read/source';
import type { SheetRow } from '../../electron/backend/services/import/read/cell';
import type { EncodingChoice } from '../../electron/backend/services/import/read/text/text-encoding';

export interface ReadSheet {
  rows: SheetRow[];
  merges: MergeRange[];
  /** Display text grid: [rowNumber - 1][col], '' for empty, trailing empties trimmed. */
  text: string[][];
}

/** Reads every sheet of a file through the import readers (what the import sees). */
export async function readAll(path: string, opts: { encoding?: EncodingChoice } = {}): Promise<{ source: WorkbookSource; sheets: Map<string, ReadSheet> }> {
  const source = await openWorkbook(path, { fileName: basename(path), encoding: opts.encoding ?? 'auto' });
  const sheets = new Map<string, ReadSheet>();
  try {
    for (const s of source.sheets) {
      if (!s.readable) continue;
      const rows: SheetRow[] = [];
      const r = await source.readSheet(s.name, { onRow: (row) => rows.push(row), check: () => {} });
      const text: string[][] = [];
      for (const row of rows) {
        const cells = Array.from(row.cells, (c) => displayText(c, source.date1904));
        while (cells.length && cells[cells.length - 1] === '') cells.pop();
        text[row.row - 1] = cells;
      }
      for (let i = 0; i < text.length; i++) text[i] ??= [];
      sheets.set(s.name, { rows, merges: r.merges, text });
    }
  } finally {
    source.close();
  }
  return { source, sheets };
}
