import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../electron/backend/clock';
import { createBackend } from '../electron/backend/createBackend';
import { lastRunPhases } from '../electron/backend/services/credit/credit-batch';
import { silentLogger } from '../electron/backend/logger';
import { inProcessTransport } from '../electron/backend/transports/in-process';
import { contract } from '../shared/contract';
import { createClient } from '../shared/rpc/client';
import { checkpointLine, epochNow } from './checkpoint';
import { median, record, time } from './harness';
import { BIG_DB, ensureBigDatabase } from './seed';

/** The phases of the latest batch run (wall ms each), as credit-batch records them. */
const phaseLine = () => `    phases: ${Object.entries(lastRunPhases.ms).map(([k, v]) => `${k} ${v}`).join(' · ')}\n`;

/**
 * Credit risk at size, on the shared big database (bench/seed.ts: 100,000 accounts, 1,000,000 order
 * lines, payments, instalments, returns and the demo's credit profiles). The issue's targets: a single
 * credit check < 10 ms; a batch run grading every account < 2 s. The database is copied first, because
 * the runs write grades into it.
 */
export async function run(): Promise<void> {
  const source = await ensureBigDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-credit-'));
  const file = join(dir, 'credit.sqlite');
  copyFileSync(source, file);
  // Flush the 1.5 GB copy now: left to the kernel, its writeback lands inside the first timed run, whose
  // checkpoint fsyncs this same file (and whose WAL appends wait behind the journal flushing it), so the
  // first run measured the copy too (its commit took 0.2–2 s instead of ~0.1 s in a test on this machine).
  const fd = openSync(file, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const clock = fixedClock(BIG_DB.clockAt);
  const backend = createBackend({ dbFile: file, logger: silentLogger, clock, trusted: true, synchronous: 'NORMAL' });
  const client = createClient(contract, inProcessTransport(backend.dispatch));
  try {
    const db = backend.core.sqlite;
    const sizes = db
      .prepare(
        `select (select count(*) from accounts) as accounts, (select count(*) from order_lines) as lines, (select count(*) from orders) as orders,
                (select count(*) from instalments) as instalments, (select count(*) from payment_allocations) as allocations, (select count(*) from credit_profiles) as profiles,
                (select count(*) from credit_profiles where hold) as holds, (select count(*) from credit_profiles where temp_limit_fen is not null) as temps`,
      )
      .get() as Record<string, number>;
    process.stdout.write(`  data: ${JSON.stringify(sizes)}\n`);
    const extra = { accounts: sizes.accounts!, lines: sizes.lines! };

    // Accounts with the most orders make the heaviest single checks; mix them with random ones.
    const heavy = db.prepare('select account_id as id from orders group by account_id order by count(*) desc limit 20').all() as { id: string }[];
    const random = db.prepare('select id from accounts order by random() limit 40').all() as { id: string }[];
    const ids = [...heavy, ...random].map((r) => r.id);
    let k = 0;
    const next = () => ids[k++ % ids.length]!;
    const preview = await time(() => client.call('credit.check', { account: next(), record: false }), { runs: 41 });
    record({ suite: 'credit', name: 'single check, account (preview, through the API)', ms: preview, runs: 41, target: '< 10 ms', pass: preview < 10, extra });
    const recorded = await time(() => client.call('credit.check', { account: next() }), { runs: 41 });
    record({ suite: 'credit', name: 'single check, account, recorded (credit_checks row)', ms: recorded, runs: 41, target: '< 10 ms', pass: recorded < 10 });
    const heaviest = await time(() => client.call('credit.check', { account: heavy[0]!.id, record: false }), { runs: 21 });
    record({ suite: 'credit', name: `single check, the account with the most orders`, ms: heaviest, runs: 21, target: '< 10 ms', pass: heaviest < 10 });

    // Draft orders to check (their own total counts) and to confirm (the check runs inside confirmation).
    const drafts: { id: string; version: number }[] = [];
    for (const id of ids.slice(0, 24)) {
      const r = await client.call('orders.create', { accountId: id, lines: [{ description: '基准测试', quantity: 2, unitPriceFen: 12_800 }] });
      drafts.push({ id: r.order.order.id, version: r.order.order.version });
    }
    let d = 0;
    const orderCheck = await time(() => client.call('credit.check', { order: drafts[d++ % drafts.length]!.id }), { runs: 21 });
    record({ suite: 'credit', name: 'single check, draft order (its total counted)', ms: orderCheck, runs: 21, target: '< 10 ms', pass: orderCheck < 10 });
    // Confirm with the credit check; accounts the check refuses are re-tried by a manager-less path and skipped.
    const confirmSamples: number[] = [];
    for (const dr of drafts.slice(0, 21)) {
      const t0 = performance.now();
      await client.call('orders.confirm', dr).catch(() => undefined);
      confirmSamples.push(performance.now() - t0);
    }
    const confirmMs = median(confirmSamples);
    record({ suite: 'credit', name: 'confirm an order with the credit check (or its refusal, recorded)', ms: confirmMs, runs: confirmSamples.length, target: '< 20 ms', pass: confirmMs < 20 });

    const profile = await time(() => client.call('credit.getProfile', { accountId: next() }), { runs: 21 });
    record({ suite: 'credit', name: 'account credit profile (check preview + grade with factors + history)', ms: profile, runs: 21 });

    // The first run grades every account for the first time (sets accounts.credit_grade on all 100,000).
    // Earlier writes (the confirmations) checkpointed first, so what follows is the run's own.
    await backend.core.conn.checkpointer?.settle();
    const at0 = epochNow();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const first = await client.call('credit.run', {});
    const firstMs = performance.now() - t0;
    const returned0 = epochNow();
    const firstCpu = process.cpuUsage(c0);
    record({ suite: 'credit', name: 'batch run, first ever (every account graded and written)', ms: firstMs, runs: 1, target: '< 2000 ms', pass: firstMs < 2000, extra: { graded: first.accountCount, cpuMs: Math.round((firstCpu.user + firstCpu.system) / 1000), load: loadavg()[0]!.toFixed(1) } });
    process.stdout.write(`    (CPU ${Math.round((firstCpu.user + firstCpu.system) / 1000)} ms; 1-minute load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)\n${phaseLine()}`);
    process.stdout.write(await checkpointLine(backend.core.conn.checkpointer, at0, returned0));
    // Then once a day, as the app does: each run a day later, so overdue days and ages move.
    const samples: number[] = [];
    const cpu: number[] = [];
    let graded = 0;
    for (let day = 1; day <= 3; day++) {
      clock.set(Date.parse(BIG_DB.clockAt) + day * 86_400_000);
      const at = epochNow();
      const c = process.cpuUsage();
      const t = performance.now();
      const r = await client.call('credit.run', {});
      samples.push(performance.now() - t);
      const returned = epochNow();
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
      graded = r.accountCount;
      process.stdout.write(phaseLine());
      // A day passes between these runs in the app: the previous run's checkpoint is long done.
      process.stdout.write(await checkpointLine(backend.core.conn.checkpointer, at, returned));
    }
    const batch = median(samples);
    record({ suite: 'credit', name: 'batch run, daily (a day later each time; all accounts)', ms: batch, runs: samples.length, target: '< 2000 ms', pass: batch < 2000, extra: { graded, cpuMs: Math.round(median(cpu)), load: loadavg()[0]!.toFixed(1) } });
    process.stdout.write(`    (CPU median ${Math.round(median(cpu))} ms; 1-minute load ${loadavg()[0]!.toFixed(1)})\n`);
    const again = await time(() => client.call('credit.run', {}), { runs: 3, warm: false });
    record({ suite: 'credit', name: 'batch run, again the same day', ms: again, runs: 3, target: '< 2000 ms', pass: again < 2000 });
    const changes = db.prepare('select count(*) as n from credit_grades g join credit_runs r on r.id = g.run_id where g.previous_grade is not null and g.previous_grade <> g.grade').get() as { n: number };
    process.stdout.write(`  grade changes recorded across runs: ${changes.n}\n`);

    const list = await time(() => client.call('credit.list', { limit: 100 }), { runs: 7 });
    record({ suite: 'credit', name: 'risk grid: first page + count (latest run)', ms: list, runs: 7, target: '< 100 ms', pass: list < 100 });
    const filtered = await time(() => client.call('credit.list', { limit: 100, filter: { overLimit: true }, sort: [{ colId: 'usedPct', sort: 'desc' }] }), { runs: 7 });
    record({ suite: 'credit', name: 'risk grid: over limit, sorted by limit used', ms: filtered, runs: 7, target: '< 100 ms', pass: filtered < 100 });
    const alerts = await time(() => client.call('credit.alerts', {}), { runs: 7 });
    record({ suite: 'credit', name: 'dashboard credit alerts', ms: alerts, runs: 7, target: '< 100 ms', pass: alerts < 100 });
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
