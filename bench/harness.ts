import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

/**
 * The benchmark harness: each case measures one operation (median of `runs`), optionally next to a
 * raw baseline measured in the same run, and reports the target it must meet.
 */
export interface BenchResult {
  suite: string;
  name: string;
  /** Median milliseconds. */
  ms: number;
  runs: number;
  target?: string;
  /** Whether the target was met (undefined when there is none). */
  pass?: boolean;
  /** ms of the raw baseline, and ms / baseline. */
  baselineMs?: number;
  ratio?: number;
  peakMb?: number;
  extra?: Record<string, string | number>;
}

export const results: BenchResult[] = [];

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Times fn `runs` times (after one warm-up when warm is true) and returns the median in ms. */
export async function time(fn: () => unknown, opts: { runs?: number; warm?: boolean } = {}): Promise<number> {
  const runs = opts.runs ?? 5;
  if (opts.warm ?? true) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function record(r: BenchResult): BenchResult {
  results.push(r);
  const target = r.target ? ` (target ${r.target}: ${r.pass ? 'ok' : 'MISSED'})` : '';
  const ratio = r.ratio !== undefined ? ` ratio ${r.ratio.toFixed(2)}× of raw ${r.baselineMs!.toFixed(1)} ms` : '';
  process.stdout.write(`  ${r.suite} · ${r.name}: ${r.ms.toFixed(1)} ms${ratio}${target}\n`);
  return r;
}

export function printTable(): void {
  const rows = results.map((r) => [
    r.suite,
    r.name,
    r.ms.toFixed(1),
    r.baselineMs !== undefined ? r.baselineMs.toFixed(1) : '',
    r.ratio !== undefined ? `${r.ratio.toFixed(2)}×` : '',
    r.peakMb !== undefined ? r.peakMb.toFixed(0) : '',
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED',
  ]);
  const head = ['suite', 'case', 'ms', 'raw ms', 'ratio', 'peak MB', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

export function writeJson(dir = 'bench/results'): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const doc = { at: new Date().toISOString(), node: process.version, cpus: availableParallelism(), results };
  writeFileSync(file, JSON.stringify(doc, null, 2));
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(doc, null, 2));
  return file;
}
