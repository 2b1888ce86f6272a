/**
 * export: a 100,000-row accounts report (the full engine: paged grid query, formatting, title block,
 * SUBTOTAL totals, conditional colours) against a raw exceljs streaming write of the same cells with
 * the same options and number formats, in the same run. Each measurement runs in a child process so
 * that its peak memory (maxRSS) is its own. Targets: ratio ≤ 1.3×, peak < 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, record } from './harness';

const ROWS = 100_000;
const RUNS = 3;
const here = fileURLToPath(import.meta.url);

interface ChildResult {
  ms: number;
  peakMb: number;
  rows: number;
}

function child(mode: 'seed' | 'report' | 'raw', dir: string, nodeFlags: string[] = []): ChildResult {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', join(here, '..', 'export-child.ts'), mode, dir, String(ROWS)], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 600_000 });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-export-'));
  try {
    child('seed', dir);
    const report: ChildResult[] = [];
    const raw: ChildResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate so that disk cache and CPU noise fall on both sides alike.
      raw.push(child('raw', dir));
      report.push(child('report', dir));
    }
    // The same export with V8's old space capped at 128 MB: shows how much is live data rather than
    // garbage V8 had not collected yet (by default it lets the heap grow while memory is plentiful).
    const capped = child('report', dir, ['--max-old-space-size=128']);
    const ms = median(report.map((r) => r.ms));
    const rawMs = median(raw.map((r) => r.ms));
    const peak = Math.max(...report.map((r) => r.peakMb));
    record({
      suite: 'export',
      name: `accounts report xlsx, ${ROWS.toLocaleString('en-US')} rows`,
      ms,
      runs: RUNS,
      baselineMs: rawMs,
      ratio: ms / rawMs,
      peakMb: peak,
      target: '≤ 1.3× raw, < 300 MB',
      pass: ms / rawMs <= 1.3 && peak < 300,
      extra: { rawPeakMb: Math.max(...raw.map((r) => r.peakMb)), cappedHeapPeakMb: capped.peakMb, cappedHeapMs: capped.ms, rows: report[0]?.rows ?? 0 },
    });
    process.stdout.write(
      `  peak RSS: raw exceljs ${Math.max(...raw.map((r) => r.peakMb)).toFixed(0)} MB, report ${peak.toFixed(0)} MB; report with --max-old-space-size=128: ${capped.peakMb.toFixed(0)} MB in ${capped.ms.toFixed(0)} ms\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
