import { createBackend } from '../electron/backend/createBackend';
import { silentLogger } from '../electron/backend/logger';
import { createClient } from '../shared/rpc/client';
import { contract } from '../shared/contract';
import { inProcessTransport } from '../electron/backend/transports/in-process';
import { REPS } from './import-data';

/**
 * Runs one import in its own process so that its peak memory (maxRSS) can be measured alone:
 * tsx bench/import-child.ts <file> <db> → prints {ms, maxRssMb, created, errors} on stdout.
 */
const [file, db] = process.argv.slice(2);
const backend = createBackend({ dbFile: db!, logger: silentLogger, synchronous: 'NORMAL', trusted: true });
const client = createClient(contract, inProcessTransport(backend.dispatch));
const now = Date.now();
const insert = backend.core.sqlite.prepare(`insert into reps (id, employee_no, name, created_at, updated_at, version) values (?, ?, ?, ?, ?, 1)`);
REPS.forEach((name, i) => insert.run(`R${i}`, `E${i}`, name, now, now));
const t0 = performance.now();
const r = await client.call('imports.run', { path: file!, kind: 'accounts' });
const ms = performance.now() - t0;
backend.close();
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, created: r.created, errors: r.errors.length, rows: r.rows })}\n`);
