import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../helpers/fixtures';
import { readAll } from '../../helpers/read-sheet';
import { ZipPackage } from '../../../electron/backend/services/import/read/ooxml/zip-package';
import { DEFAULT_LIMITS } from '../../../electron/backend/services/import/read/limits';

/** Cells whose formula is volatile (<f ca="1">), per sheet name, read straight from the package. */
async function volatileCells(path: string): Promise<Map<string, Set<string>>> {
  const pkg = await ZipPackage.open(path, 'f.xlsx', DEFAULT_LIMITS);
  try {
    const wb = await pkg.text('xl/workbook.xml');
    const rels = await pkg.text('xl/_rels/workbook.xml.rels');
    const out = new Map<string, Set<string>>();
    for (const m of wb.matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
      const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const xml = await pkg.text(`xl/${target}`);
      out.set(m[1]!, new Set([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f ca="1"/g)].map((x) => x[1]!)));
    }
    return out;
  } finally {
    pkg.close();
  }
}

/** An Excel "CSV" export (Windows-1252, CRLF): the text Excel itself shows, row by row. */
function oracle(name: string): string[][] {
  const text = iconv.decode(readFileSync(fixture('spreadsheets', 'expected', name)), 'windows-1252');
  const rows = parse(text, { relax_column_count: true, relax_quotes: true }) as string[][];
  return rows.map((r) => {
    const cells = [...r];
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
}

/** Excel's plain CSV loses characters outside Windows-1252 (they become "_"). */
function as1252(s: string): string {
  return [...s].map((ch) => (iconv.encode(ch, 'windows-1252').toString('latin1') === '?' && ch !== '?' ? '_' : ch)).join('');
}

function compare(actual: string[][], expected: string[][]): string[] {
  const diffs: string[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let r = 0; r < n; r++) {
    const a = (actual[r] ?? []).map(as1252);
    const e = expected[r] ?? [];
    const w = Math.max(a.length, e.length);
    for (let c = 0; c < w; c++) if ((a[c] ?? '') !== (e[c] ?? '')) diffs.push(`R${r + 1}C${c + 1}: got ${JSON.stringify(a[c] ?? '')}, Excel shows ${JSON.stringify(e[c] ?? '')}`);
  }
  return diffs;
}

describe('readers against Excel\'s own CSV exports', () => {
  for (const [file, csv] of [
    ['sheetjs_merge_cells.xlsx', 'sheetjs_merge_cells.xlsx.0.csv'],
    ['sheetjs_rich_text_stress.xlsx', 'sheetjs_rich_text_stress.xlsx.0.csv'],
    ['sheetjs_ErrorTypes.xlsx', 'sheetjs_ErrorTypes.xlsx.0.csv'],
    ['sheetjs_xlsx-stream-d-date-cell.xlsx', 'sheetjs_xlsx-stream-d-date-cell.xlsx.0.csv'],
  ] as const) {
    it(`${file} shows what Excel shows`, async () => {
      const { sheets } = await readAll(fixture('spreadsheets', 'edge', file));
      const first = [...sheets.values()][0]!;
      expect(compare(first.text, oracle(csv))).toEqual([]);
    });
  }

  it('formula_stress_test: every sheet gives the cached values Excel shows', async () => {
    const file = fixture('spreadsheets', 'edge', 'sheetjs_formula_stress_test.xlsx');
    const { sheets } = await readAll(file);
    const names = readFileSync(fixture('spreadsheets', 'expected', 'sheetjs_formula_stress_test.xlsx.sheetnames'), 'utf8').split(/\r?\n/).filter(Boolean);
    // Volatile formulas (ca="1": NOW, TODAY, RAND, INFO …) were recalculated by Excel when it wrote the
    // CSV; the import reads the value saved in the file, which is the right thing to import.
    const volatile = await volatileCells(file);
    const all: string[] = [];
    const ignored: string[] = [];
    names.forEach((name, i) => {
      const sheet = sheets.get(name);
      expect(sheet, name).toBeDefined();
      for (const d of compare(sheet!.text, oracle(`sheetjs_formula_stress_test.xlsx.${i}.csv`))) {
        const ref = /^R(\d+)C(\d+)/.exec(d)!;
        const cell = `${String.fromCharCode(64 + Number(ref[2]))}${ref[1]}`;
        if (volatile.get(name)?.has(cell)) ignored.push(`${name}!${cell}`);
        else all.push(`${name} ${d}`);
      }
    });
    expect(all).toEqual([]);
    // NOW(), TODAY(), INFO("release"), RAND(), RANDBETWEEN(): the only cells that differ.
    expect(ignored).toEqual(['Date!B6', 'Date!B7', 'Information!B3', 'Math!B46', 'Math!B47']);
  });
});
