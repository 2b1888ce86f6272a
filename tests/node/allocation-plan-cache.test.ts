import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { makeAccounts, makeRep } from '../helpers/allocation-data';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const ALL = { scope: { kind: 'unassigned' as const }, rules: { source: 'saved' as const } };

/** Three reps taking turns over eight unassigned accounts. */
async function setup() {
  const t = await setUpBackend();
  cleanup = t.close;
  const reps = [await makeRep(t.client, '张伟'), await makeRep(t.client, '李娜'), await makeRep(t.client, '王芳')];
  const accounts = await makeAccounts(t.client, 8);
  await t.client.call('allocationRules.create', { name: '轮流', targetRepIds: reps.map((r) => r.id), strategy: 'round_robin' });
  const owners = () => new Map(t.core.sqlite.prepare('select id, owner_rep_id from accounts').raw().all() as [string, string | null][]);
  /** Another connection to the same file, as a second window or the CLI would have. */
  const other = (fn: (db: Database.Database) => void) => {
    const db = new Database(join(t.dir, 'test.sqlite'));
    try {
      fn(db);
    } finally {
      db.close();
    }
  };
  return { ...t, reps, accounts, owners, other };
}

describe("applying the preview's kept plan", () => {
  it('applies the preview as planned when nothing was written since, exactly as planning again would', async () => {
    const t = await setup();
    const p = await t.client.call('allocation.preview', { ...ALL, rowLimit: 10 });
    const kept = await t.client.call('allocation.apply', { ...ALL, expectFingerprint: p.fingerprint });
    expect(kept).toMatchObject({ changed: 8, reusedPreview: true, fingerprint: p.fingerprint });
    const keptOwners = t.owners();
    const cursor = (await t.client.call('allocationRules.list', {})).rules[0]!.rrCursor;

    await t.client.call('journals.undo', { id: kept.journalId! });
    const again = await t.client.call('allocation.apply', ALL);
    expect(again).toMatchObject({ changed: 8, reusedPreview: false, fingerprint: p.fingerprint });
    expect(t.owners()).toEqual(keptOwners);
    expect((await t.client.call('allocationRules.list', {})).rules[0]!.rrCursor).toBe(cursor);
  });

  it('plans again after any write on this connection: a rep paused since the preview gets nothing', async () => {
    const t = await setup();
    const p = await t.client.call('allocation.preview', { ...ALL, rowLimit: 10 });
    const li = t.reps[1]!;
    await t.client.call('reps.update', { id: li.id, version: li.version, patch: { status: 'paused' } });
    await expect(t.client.call('allocation.apply', { ...ALL, expectFingerprint: p.fingerprint })).rejects.toMatchObject({ code: 'CONFLICT' });
    const applied = await t.client.call('allocation.apply', ALL);
    expect(applied.reusedPreview).toBe(false);
    expect([...t.owners().values()]).not.toContain(li.id);
  });

  it("plans again after another connection's commit", async () => {
    const t = await setup();
    const li = t.reps[1]!;
    await t.client.call('allocation.preview', { ...ALL, rowLimit: 10 });
    t.other((db) => db.prepare("update reps set status = 'paused' where id = ?").run(li.id));
    const applied = await t.client.call('allocation.apply', ALL);
    expect(applied).toMatchObject({ changed: 8, reusedPreview: false });
    expect([...t.owners().values()]).not.toContain(li.id);
  });

  it("keeps the plan through a checkpoint on another connection (the app's background checkpointer)", async () => {
    const t = await setup();
    await t.client.call('allocation.preview', { ...ALL, rowLimit: 10 });
    t.other((db) => db.pragma('wal_checkpoint(PASSIVE)'));
    expect((await t.client.call('allocation.apply', ALL)).reusedPreview).toBe(true);
  });

  it('uses a kept plan only for the same scope and rules, and only once', async () => {
    const t = await setup();
    await t.client.call('allocation.preview', { scope: { kind: 'accounts', ids: [t.accounts[0]!.id] }, rules: ALL.rules, rowLimit: 10 });
    expect((await t.client.call('allocation.apply', ALL)).reusedPreview).toBe(false);
    const p = await t.client.call('allocation.preview', { ...ALL, rowLimit: 10 });
    const applied = await t.client.call('allocation.apply', ALL);
    expect(applied).toMatchObject({ changed: 0, reusedPreview: true, fingerprint: p.fingerprint });
    expect((await t.client.call('allocation.apply', ALL)).reusedPreview).toBe(false);
  });
});
