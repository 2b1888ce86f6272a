import { afterEach, describe, expect, it } from 'vitest';
import { getSession } from '../../../electron/backend/services/import/session/session-store';
import { setUpBackend } from '../../helpers/backend';
import { writeXlsx } from '../../helpers/import-files';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * The validation writes its results without their indexes and builds them at the end: after every
 * validation (and re-validation) the result grid's filters and the duplicate search have them again.
 */
describe('staged results indexes', () => {
  it('are back after a validation and a re-validation', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const file = await writeXlsx(t.dir, '客户.xlsx', [
      ['客户名称', '电话'],
      ['杭州星河科技有限公司', '13800138000'],
      ['杭州星河科技有限公司', '13800138000'],
      ['宁波海港贸易有限公司', '057488886666'],
    ]);
    const f = await t.client.call('imports.open', { path: file });
    await t.client.call('imports.preview', { sessionId: f.sessionId, kind: 'accounts' });
    const m = await t.client.call('imports.mapping', { sessionId: f.sessionId, kind: 'accounts' });
    const v = await t.client.call('imports.validate', { sessionId: f.sessionId, kind: 'accounts', mapping: m.mapping });
    expect(v.plan).toMatchObject({ create: 2, skip: 1 });
    expect(v.duplicatesInFile).toBe(1);
    const sx = getSession(t.core, f.sessionId).staging.schema;
    const indexes = () => (t.core.sqlite.prepare(`select name from ${sx}.sqlite_master where type = 'index' order by name`).pluck().all() as string[]).filter((n) => n.startsWith('results_'));
    expect(indexes()).toEqual(['results_action', 'results_grp', 'results_key', 'results_status']);
    const s = await t.client.call('imports.skip', { sessionId: f.sessionId, indexes: [3], skip: true });
    expect(s.plan).toMatchObject({ create: 1, skip: 2 });
    expect(indexes()).toEqual(['results_action', 'results_grp', 'results_key', 'results_status']);
  });
});
