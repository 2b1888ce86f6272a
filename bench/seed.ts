import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readMigrations } from '../db/migrate';
import { contract } from '../shared/contract';
import type { GridQuery } from '../shared/contract/grid';
import { createClient } from '../shared/rpc/client';
import { fixedClock } from '../electron/backend/clock';
import { createBackend } from '../electron/backend/createBackend';
import { silentLogger } from '../electron/backend/logger';
import { DEFAULT_DEMO_SEED, DEMO_GENERATOR_VERSION, type SeedSummary, seedDemo } from '../electron/backend/services/demo/seed-demo';
import { inProcessTransport } from '../electron/backend/transports/in-process';
import { median, record, time } from './harness';

/** The big database every suite can share: 100,000 accounts, 1,000,000 order lines, a fixed "today". */
export const BIG_DB = {
  accounts: 100_000,
  orderLines: 1_000_000,
  seed: DEFAULT_DEMO_SEED,
  /** The clock the database was seeded with; suites that depend on "today" should use it too. */
  clockAt: '2026-11-23T02:00:00Z',
} as const;

const CACHE_DIR = resolve(import.meta.dirname, '.cache');
const CACHE_FILE = join(CACHE_DIR, 'big.sqlite');
const CACHE_META = join(CACHE_DIR, 'big.json');

/** The schema a cached database was made with: every migration's name and statements (not just how many). */
export function schemaKey(): string {
  const migrations = readMigrations();
  return `${migrations.length}-${createHash('sha1').update(JSON.stringify(migrations.map((m) => [m.tag, m.statements]))).digest('hex').slice(0, 12)}`;
}

function cacheKey() {
  return { generatorVersion: DEMO_GENERATOR_VERSION, schema: schemaKey(), ...BIG_DB };
}

function cachedFile(): string | null {
  if (!existsSync(CACHE_FILE) || !existsSync(CACHE_META)) return null;
  try {
    return JSON.stringify(JSON.parse(readFileSync(CACHE_META, 'utf8'))) === JSON.stringify(cacheKey()) ? CACHE_FILE : null;
  } catch {
    return null;
  }
}

export interface SeededDatabase {
  file: string;
  ms: number;
  /** CPU time of this process while seeding, and the machine's 1-minute load average before/after. */
  cpuMs: number;
  load: string;
  closeMs: number;
  sizeMb: number;
  phases: Record<string, number>;
  summary: SeedSummary;
}

/** Sets up an admin profile and seeds the big demo company into `file` (which must not exist). */
export async function seedBigDatabase(file: string): Promise<SeededDatabase> {
  mkdirSync(dirname(file), { recursive: true });
  const backend = createBackend({ dbFile: file, clock: fixedClock(BIG_DB.clockAt), logger: silentLogger, synchronous: 'NORMAL' });
  const phases: Record<string, number> = {};
  let cpuMs = 0;
  let load = '';
  let summary: SeedSummary | null = null;
  const seedMs = async (): Promise<number> => {
    const client = createClient(contract, inProcessTransport(backend.dispatch));
    await client.call('setup.complete', { admin: { username: 'admin', displayName: '管理员' }, demo: false });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    load = loadavg()[0]!.toFixed(1);
    summary = seedDemo(backend.core, {
      actor: backend.runtime.session.actor(),
      accounts: BIG_DB.accounts,
      orderLines: BIG_DB.orderLines,
      seed: BIG_DB.seed,
      onPhase: (name, phaseMs) => (phases[name] = Math.round(phaseMs)),
    });
    const c = process.cpuUsage(c0);
    cpuMs = (c.user + c.system) / 1000;
    load += ` → ${loadavg()[0]!.toFixed(1)}`;
    return performance.now() - t0;
  };
  let ms: number;
  try {
    ms = await seedMs();
  } catch (error) {
    backend.close();
    throw error;
  }
  // Closing (optimize, final checkpoint) is part of what seeding costs before the file is usable.
  const t1 = performance.now();
  backend.close();
  const closeMs = performance.now() - t1;
  return { file, ms, cpuMs, load, closeMs, sizeMb: statSync(file).size / 1e6, phases, summary: summary! };
}

let big: Promise<string> | null = null;

/**
 * The path of a seeded 100k/1M database for this bench run: bench/.cache/big.sqlite when it was made
 * by the same generator version and schema, otherwise one seeded now into a temp folder (removed when
 * the process exits). SALESDESK_BENCH_CACHE=1 keeps a freshly seeded one in bench/.cache for later runs.
 * Suites that write to it should work on a copy.
 */
export function ensureBigDatabase(): Promise<string> {
  big ??= (async () => cachedFile() ?? (await seedIntoTemp()).file)();
  return big;
}

async function seedIntoTemp(): Promise<SeededDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-big-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const seeded = await seedBigDatabase(join(dir, 'big.sqlite'));
  if (process.env.SALESDESK_BENCH_CACHE === '1') {
    mkdirSync(CACHE_DIR, { recursive: true });
    copyFileSync(seeded.file, CACHE_FILE);
    writeFileSync(CACHE_META, JSON.stringify(cacheKey()));
  }
  return seeded;
}

function openClient(file: string) {
  const backend = createBackend({ dbFile: file, clock: fixedClock(BIG_DB.clockAt), logger: silentLogger });
  return { backend, client: createClient(contract, inProcessTransport(backend.dispatch)) };
}

/** Rows the seed wrote (every table), for the raw-insert baseline. */
function rowsWritten(s: SeedSummary): number {
  return s.territories + s.reps + s.products + s.tags + s.accounts + s.contacts + s.transfers + s.followups + s.accountTags + s.orders + s.orderLines + s.shipments + s.shipmentLines + s.instalments + s.payments + s.allocations + s.returns + s.cases + s.caseEvents + s.creditProfiles + s.targets;
}

/**
 * The floor on this machine right now: the fastest possible bulk insert (one prepared positional
 * statement, one transaction, a 10-column table with a text key and no other index), 1,000,000 rows,
 * scaled to the number of rows the seed wrote. Seeding ÷ this says how much the generator and the real
 * schema (indexes, foreign keys, wider rows) cost on top, independent of how busy the machine is.
 */
function rawInsertBaselineMs(rows: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-raw-'));
  try {
    const db = new Database(join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('create table t (id text primary key, a text not null, b text, c integer, d integer, e integer, f text, g text, h integer, i integer)');
    const stmt = db.prepare('insert into t values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const n = 1_000_000;
    const t0 = performance.now();
    db.transaction(() => {
      for (let k = 0; k < n; k++) stmt.run([`01JDEMO${String(k).padStart(19, '0')}`, `01JACCT${String(k % 100_000).padStart(19, '0')}`, '六轴工业机器人 SR-6', k % 97, 1_700_000_000_000 + k, k % 13, '2026-01-01', null, 1, k]);
    })();
    const ms = performance.now() - t0;
    db.close();
    return (ms * rows) / n;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FIRST_PAGE: Partial<GridQuery> = { offset: 0, limit: 100, sort: [{ colId: 'name', sort: 'asc' }] };

export async function run(): Promise<void> {
  const suite = 'seed';
  const seeded = await seedIntoTemp();
  big = Promise.resolve(seeded.file);
  const baseline = rawInsertBaselineMs(rowsWritten(seeded.summary));
  record({
    suite,
    name: `seed ${BIG_DB.accounts.toLocaleString('en')} accounts + ${BIG_DB.orderLines.toLocaleString('en')} order lines`,
    ms: seeded.ms,
    runs: 1,
    baselineMs: baseline,
    ratio: seeded.ms / baseline,
    target: '< 60 s',
    pass: seeded.ms < 60_000,
    extra: { rows: rowsWritten(seeded.summary), fileMb: Math.round(seeded.sizeMb), cpuMs: Math.round(seeded.cpuMs), loadAvg1m: seeded.load, closeMs: Math.round(seeded.closeMs), ...seeded.phases },
  });

  // Cold open: a fresh backend on the file (migration check included), then the grid's first page.
  const opens: number[] = [];
  const backends: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { backend, client } = openClient(seeded.file);
    const t1 = performance.now();
    const page = await client.call('accounts.list', FIRST_PAGE);
    opens.push(performance.now() - t0);
    backends.push(t1 - t0);
    if (page.total !== BIG_DB.accounts || page.items.length !== 100) throw new Error(`unexpected first page: ${page.total} rows, ${page.items.length} items`);
    backend.close();
  }
  record({
    suite,
    name: 'cold open + first accounts page (name ↑)',
    ms: opens[0]!,
    runs: 1,
    target: '< 500 ms',
    pass: opens[0]! < 500,
    extra: { openAndMigrationCheckMs: Math.round(backends[0]!), medianOf3: Math.round(median(opens)) },
  });

  const { backend, client } = openClient(seeded.file);
  try {
    // The reps' most common surname, so that the owner filter matches accounts (the generated names vary).
    const surname = backend.core.sqlite.prepare('select substr(name, 1, 1) from reps group by 1 order by count(*) desc, 1 limit 1').pluck().get() as string;
    const cases: [string, Partial<GridQuery>][] = [
      ['sort name ↓', { sort: [{ colId: 'name', sort: 'desc' }] }],
      ['sort open receivable ↓', { sort: [{ colId: 'openReceivableFen', sort: 'desc' }] }],
      ['filter tier = A', { filters: { tier: { filterType: 'set', values: ['A'] } }, sort: [{ colId: 'name', sort: 'asc' }] }],
      [`filter owner name contains ${surname}`, { filters: { ownerName: { filterType: 'text', type: 'contains', filter: surname } }, sort: [{ colId: 'name', sort: 'asc' }] }],
      ['quick search 科技', { search: '科技' }],
      ['quick search pinyin szhx', { search: 'szhx' }],
    ];
    for (const [name, query] of cases) {
      let total = 0;
      const ms = await time(
        async () => {
          total = (await client.call('accounts.list', { offset: 0, limit: 100, ...query })).total;
        },
        { runs: 7 },
      );
      record({ suite, name: `accounts grid: ${name}`, ms, runs: 7, target: '< 150 ms', pass: ms < 150, extra: { total } });
    }
  } finally {
    backend.close();
  }
}
