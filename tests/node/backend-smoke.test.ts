import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend, testBackend } from '../helpers/backend';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('backend smoke', () => {
  it('reports first run, then sets up and creates accounts', async () => {
    const t = testBackend();
    cleanup = t.close;
    const s0 = await t.client.call('system.status', {});
    expect(s0.firstRun).toBe(true);
    expect(s0.user).toBeNull();
    await expect(t.client.call('accounts.list', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const s1 = await t.client.call('setup.complete', { admin: { username: 'admin', displayName: '管理员' }, demo: false });
    expect(s1.user?.role).toBe('admin');
    const created = await t.client.call('accounts.create', { name: '华为技术有限公司', creditCode: '91440300708461136T', tier: 'A' });
    expect(created.code).toBe('KH-000001');
    const page = await t.client.call('accounts.list', { search: 'hwjs' });
    expect(page.total).toBe(1);
    expect(page.items[0]?.name).toBe('华为技术有限公司');
  });

  it('refuses a stale version', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const a = await t.client.call('accounts.create', { name: '测试客户' });
    await t.client.call('accounts.update', { id: a.id, version: a.version, patch: { phone: '13800000000' } });
    await expect(t.client.call('accounts.update', { id: a.id, version: a.version, patch: { phone: '13900000000' } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
