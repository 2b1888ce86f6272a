import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../shared/rpc/client';
import { contract } from '../../shared/contract';
import { fixedClock } from '../../electron/backend/clock';
import { createBackend, type BackendOptions } from '../../electron/backend/createBackend';
import { silentLogger } from '../../electron/backend/logger';
import { inProcessTransport } from '../../electron/backend/transports/in-process';

export function tempDir(prefix = 'salesdesk-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real backend on a temporary SQLite file, a fixed clock and a structured-clone client. */
export function testBackend(opts: Partial<BackendOptions> & { now?: string } = {}) {
  const tmp = tempDir();
  const clock = fixedClock(opts.now ?? '2026-11-23T02:00:00Z');
  const backend = createBackend({ dbFile: join(tmp.dir, 'test.sqlite'), clock, logger: silentLogger, validateOutput: true, ...opts });
  const client = createClient(contract, inProcessTransport(backend.dispatch));
  return {
    backend,
    client,
    clock,
    dir: tmp.dir,
    core: backend.core,
    close() {
      backend.close();
      tmp.cleanup();
    },
  };
}

/** A backend that has been through first-run setup (admin "admin", no password). */
export async function setUpBackend(opts: Parameters<typeof testBackend>[0] = {}) {
  const t = testBackend(opts);
  await t.client.call('setup.complete', { admin: { username: 'admin', displayName: '管理员' }, demo: false });
  return t;
}
