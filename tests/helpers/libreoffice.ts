/**
 * LibreOffice headless as an independent reader of our workbooks: it recalculates every formula on
 * load (a profile setting; by default it would trust the cached results we wrote) and exports each
 * sheet as CSV, or the workbook as PDF for a look.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? 'soffice';

export function libreOfficeMissing(): string | null {
  try {
    execFileSync(SOFFICE, ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return null;
  } catch {
    return 'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils';
  }
}

let profile: string | null = null;
function profileDir(): string {
  if (profile) return profile;
  profile = join(tmpdir(), `lo-profile-salesdesk-${process.pid}-${Date.now()}`);
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

function soffice(args: string[]): void {
  execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${profileDir()}`, ...args], { stdio: 'pipe', timeout: 180_000 });
}

/**
 * Every sheet of every workbook as rows of text. shown = true exports the formatted text as a user
 * sees it ("1,234.56", "70.0%"); false exports raw values.
 */
export function sheetsAsCsv(files: string[], outDir: string, opts: { shown?: boolean } = {}): Map<string, Map<string, string[][]>> {
  mkdirSync(outDir, { recursive: true });
  // Field sep 44 (,), quote 34 ("), UTF-8 (76), from line 1, …, "save as shown", …, sheet -1 = all sheets.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${opts.shown ? 'true' : 'false'},false,false,-1`;
  soffice(['--convert-to', filter, '--outdir', outDir, ...files]);
  const out = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const stem = basename(file, extname(file));
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(outDir)) {
      if (!name.startsWith(`${stem}-`) || !name.endsWith('.csv')) continue;
      const sheet = name.slice(stem.length + 1, -4);
      sheets.set(sheet, parse(readFileSync(join(outDir, name), 'utf8'), { relax_column_count: true }) as string[][]);
    }
    out.set(file, sheets);
  }
  return out;
}

/** PDF of each workbook, then PNG pages (pdftoppm -r 80); returns the PNG files. */
export function renderPages(files: string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  soffice(['--convert-to', 'pdf', '--outdir', outDir, ...files]);
  const pngs: string[] = [];
  for (const file of files) {
    const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
    const prefix = join(outDir, basename(file, extname(file)));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-l', '3', pdf, prefix], { stdio: 'pipe', timeout: 120_000 });
    for (const n of readdirSync(outDir)) if (n.startsWith(basename(prefix)) && n.endsWith('.png')) pngs.push(join(outDir, n));
  }
  return pngs;
}
