import type { WalCheckpointer } from '../db/wal-checkpointer';

/** Epoch ms on the same clock as the worker's reports (Date.now() may step apart from it). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * An operation's WAL checkpoint, which the worker (db/wal-checkpointer) does after the commit instead of
 * the commit doing it: waited for here, outside the timed operation, and described. startedAt/returnedAt:
 * epoch ms (epochNow) when the operation started and returned.
 */
export async function checkpointLine(ck: WalCheckpointer | null, startedAt: number, returnedAt: number): Promise<string> {
  if (!ck) return '    (no background checkpointer: commits checkpoint)\n';
  const last = await ck.settle();
  const ours = ck.reports.filter((r) => r.startedAt >= startedAt && r.log > 0);
  const end = Math.max(last.startedAt + last.ms, ...ours.map((r) => r.startedAt + r.ms));
  const ms = ours.reduce((sum, r) => sum + r.ms, 0);
  return `    background checkpoint: ${Math.max(0, ...ours.map((r) => r.log))} WAL pages in ${Math.round(ms)} ms on the worker, finished ${Math.round(end - returnedAt)} ms after the run returned\n`;
}
