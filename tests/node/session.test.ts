import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/createBackend';
import { silentLogger } from '../../electron/backend/logger';
import { setUpBackend } from '../helpers/backend';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('users, roles and sign-in', () => {
  it('creates users with scrypt-hashed passwords and attributes writes to them', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    await t.client.call('users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: 'manager123' });
    const row = t.core.sqlite.prepare(`select password_hash from users where username = 'wang'`).get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain('manager123');

    await t.client.call('session.signIn', { username: 'wang', password: 'manager123' });
    await t.client.call('accounts.create', { name: '王经理建的客户' });
    const audit = t.core.sqlite.prepare(`select user_name from audit_log where action = 'account.create'`).get() as { user_name: string };
    expect(audit.user_name).toBe('王经理');
  });

  it('refuses wrong passwords, unknown users and non-admin user management', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    await t.client.call('users.create', { username: 'li', displayName: '李内勤', role: 'coordinator', password: 'coord123' });
    await expect(t.client.call('session.signIn', { username: 'li', password: 'wrong!' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(t.client.call('session.signIn', { username: 'ghost', password: 'x' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await t.client.call('session.signIn', { username: 'li', password: 'coord123' });
    await expect(t.client.call('users.create', { username: 'x1', displayName: 'x', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.client.call('settings.update', { signInRequired: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A coordinator may still change their own language.
    await expect(t.client.call('settings.update', { language: 'en' })).resolves.toMatchObject({ language: 'en' });
  });

  it('requires sign-in at start once turned on, and only when everyone has a password', async () => {
    const t = await setUpBackend();
    await expect(t.client.call('settings.update', { signInRequired: true })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    const me = (await t.client.call('system.status', {})).user!;
    await t.client.call('users.setPassword', { id: me.id, newPassword: 'admin-pass' });
    await t.client.call('settings.update', { signInRequired: true });
    const dbFile = t.core.dbFile;
    t.backend.close();

    const again = createBackend({ dbFile, logger: silentLogger });
    cleanup = () => {
      again.close();
      t.close();
    };
    const status = (await again.dispatch('system.status', {})) as { ok: true; value: { user: unknown; signInRequired: boolean } };
    expect(status.value.user).toBeNull();
    expect(status.value.signInRequired).toBe(true);
    expect(await again.dispatch('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await again.dispatch('session.signIn', { username: 'admin', password: 'admin-pass' })).toMatchObject({ ok: true });
    expect(await again.dispatch('accounts.list', {})).toMatchObject({ ok: true });
  });

  it('keeps at least one active admin', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const [admin] = await t.client.call('users.list', {});
    await expect(t.client.call('users.update', { id: admin!.id, version: admin!.version, role: 'coordinator' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('runs setup only once', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    await expect(t.client.call('setup.complete', { admin: { username: 'evil', displayName: 'x' }, demo: false })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
