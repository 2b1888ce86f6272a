import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../electron/backend/ids';
import { setUpBackend } from '../helpers/backend';
import { buildReportWorld, type World } from '../helpers/report-world';

let t: Awaited<ReturnType<typeof setUpBackend>>;
let w: World;
beforeAll(async () => {
  t = await setUpBackend();
  w = buildReportWorld(t.core);
  // Enough owner changes that the workbook writer yields to the event loop many times while writing them.
  const insert = t.core.sqlite.prepare(`insert into account_transfers (id, account_id, from_rep_id, to_rep_id, kind, reason, at, by) values (?, ?, null, ?, 'assign', ?, ?, null)`);
  const at = Date.parse('2026-11-10T02:00:00Z');
  t.core.tx(() => {
    for (let i = 0; i < 3000; i++) insert.run(newId(), w.account.a1, w.rep.zhang, `批量分配 ${i}`, at + (i % 7));
  });
});
afterAll(() => t.close());

describe('a report export while other calls use the database', () => {
  it('answers every call made during the export and writes every row', async () => {
    const exporting = t.client.call('reports.export', { params: { report: 'transfers', period: '2026-11' }, format: 'xlsx', folder: t.dir });
    let done = false;
    const other: Promise<unknown>[] = [];
    void exporting.finally(() => (done = true));
    while (!done) {
      other.push(t.client.call('accounts.list', { limit: 10 }));
      await new Promise((r) => setImmediate(r));
    }
    const result = await exporting;
    expect(other.length).toBeGreaterThan(1);
    await expect(Promise.all(other)).resolves.toBeDefined();
    // The world's own three owner changes in November, plus these: none lost or repeated at a chunk boundary.
    expect(result.rows).toBe(3003);
  });
});
