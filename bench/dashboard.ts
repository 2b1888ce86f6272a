import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../electron/backend/clock';
import { createBackend } from '../electron/backend/createBackend';
import { silentLogger } from '../electron/backend/logger';
import { agingReport } from '../electron/backend/services/ar-aging';
import { sweepSlaBreaches } from '../electron/backend/services/case-sla';
import { caseSlaHealth } from '../electron/backend/services/dashboard/case-sla-health';
import { salesTrend } from '../electron/backend/services/dashboard/sales-trend';
import { workCounts } from '../electron/backend/services/dashboard/work-counts';
import { refreshReclaimSchedule } from '../electron/backend/services/pool-schedule';
import { inProcessTransport } from '../electron/backend/transports/in-process';
import { contract } from '../shared/contract';
import { createClient } from '../shared/rpc/client';
import { record, time } from './harness';
import { BIG_DB, ensureBigDatabase } from './seed';

/**
 * 工作台 over the big database (100,000 accounts, 1,000,000 order lines): dashboard.summary through the
 * client (in-process transport, structured clone both ways), target < 500 ms. The database is a copy
 * brought to the state the app's daily tasks leave (reclaim schedule, SLA breaches), since the demo
 * generator does not fill those. The parts are timed too, to show where the time goes.
 */
export async function run(): Promise<void> {
  const suite = 'dashboard';
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-dash-'));
  try {
    const file = join(dir, 'big.sqlite');
    copyFileSync(await ensureBigDatabase(), file);
    const backend = createBackend({ dbFile: file, clock: fixedClock(BIG_DB.clockAt), logger: silentLogger });
    try {
      const actor = backend.runtime.session.actor();
      refreshReclaimSchedule(backend.core);
      sweepSlaBreaches(backend.core, actor);
      const client = createClient(contract, inProcessTransport(backend.dispatch));
      const load0 = loadavg()[0]!.toFixed(1);
      let summary: Awaited<ReturnType<typeof client.call<'dashboard.summary'>>> | null = null;
      const ms = await time(
        async () => {
          summary = await client.call('dashboard.summary', {});
        },
        { runs: 7 },
      );
      const core = backend.core;
      const parts = {
        countsMs: Math.round(await time(() => workCounts(core), { runs: 5 })),
        salesTrendMs: Math.round(await time(() => salesTrend(core), { runs: 5 })),
        agingByRepMs: Math.round(await time(() => agingReport(core, { groupBy: 'rep', limit: 8 }), { runs: 5 })),
        caseSlaMs: Math.round(await time(() => caseSlaHealth(core), { runs: 5 })),
      };
      const s = summary!;
      record({
        suite,
        name: `dashboard.summary (${BIG_DB.accounts.toLocaleString('en')} accounts, ${BIG_DB.orderLines.toLocaleString('en')} lines)`,
        ms,
        runs: 7,
        target: '< 500 ms',
        pass: ms < 500,
        extra: { ...parts, loadAvg1m: `${load0} → ${loadavg()[0]!.toFixed(1)}`, pool: s.counts.pool, overdueInstalments: s.counts.overdueInstalments, reps: s.attainment.reps.length },
      });
    } finally {
      backend.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
