import { eq } from 'drizzle-orm';
import { accountFollowers, accountTags, reps, tags } from '../../../db/schema';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { recordAudit } from './audit';
import { requireRep } from './rep-lookup';

function requireAccount(core: Core, id: string): void {
  const a = core.sqlite.prepare('select deleted_at from accounts where id = ?').get(id) as { deleted_at: number | null } | undefined;
  if (!a || a.deleted_at !== null) throw new AppError('NOT_FOUND', msg(`客户不存在：${id}`, `Account not found: ${id}`));
}

function tagNames(core: Core, accountId: string): string[] {
  return core.db
    .select({ name: tags.name })
    .from(accountTags)
    .innerJoin(tags, eq(tags.id, accountTags.tagId))
    .where(eq(accountTags.accountId, accountId))
    .all()
    .map((t) => t.name)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Tags are not versioned fields of the account (a label set beside it), but every change is audited. */
export function setAccountTags(core: Core, actor: Actor, input: { id: string; tags: string[] }): { tags: string[] } {
  const result = core.tx(() => {
    requireAccount(core, input.id);
    const before = tagNames(core, input.id);
    const wanted = [...new Set(input.tags.map((t) => t.trim()).filter((t) => t !== ''))];
    const now = core.clock.now();
    const ids = wanted.map((name) => {
      const existing = core.db.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get();
      if (existing) return existing.id;
      const id = newId(now);
      core.db.insert(tags).values({ id, name, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 }).run();
      return id;
    });
    core.db.delete(accountTags).where(eq(accountTags.accountId, input.id)).run();
    for (const tagId of ids) core.db.insert(accountTags).values({ accountId: input.id, tagId }).run();
    const after = tagNames(core, input.id);
    if (before.join('\u0000') !== after.join('\u0000')) recordAudit(core, actor, { action: 'account.tags', entityType: 'account', entityId: input.id, before: { tags: before }, after: { tags: after } });
    return { tags: after };
  });
  core.events.emit('data.changed', { entities: ['accounts', 'tags'] });
  return result;
}

function followers(core: Core, accountId: string) {
  return core.db
    .select({ repId: reps.id, name: reps.name })
    .from(accountFollowers)
    .innerJoin(reps, eq(reps.id, accountFollowers.repId))
    .where(eq(accountFollowers.accountId, accountId))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function setAccountFollowers(core: Core, actor: Actor, input: { id: string; repIds: string[] }) {
  const result = core.tx(() => {
    requireAccount(core, input.id);
    const before = followers(core, input.id);
    const ids = [...new Set(input.repIds)];
    for (const id of ids) {
      const rep = requireRep(core, id);
      if (rep.status === 'left' && !before.some((b) => b.repId === id)) throw new AppError('INVALID_INPUT', msg(`业务员${rep.name}已离职`, `${rep.name} has left`), { field: 'repIds' });
    }
    const now = core.clock.now();
    core.db.delete(accountFollowers).where(eq(accountFollowers.accountId, input.id)).run();
    for (const repId of ids) core.db.insert(accountFollowers).values({ accountId: input.id, repId, createdAt: now, createdBy: actor.id }).run();
    const after = followers(core, input.id);
    if (before.map((b) => b.repId).join() !== after.map((a) => a.repId).join()) {
      recordAudit(core, actor, { action: 'account.followers', entityType: 'account', entityId: input.id, before: { followers: before.map((b) => b.name) }, after: { followers: after.map((a) => a.name) } });
    }
    return { followers: after };
  });
  core.events.emit('data.changed', { entities: ['accounts'] });
  return result;
}

export function listTags(core: Core) {
  return core.sqlite
    .prepare('select t.id, t.name, t.color, (select count(*) from account_tags at where at.tag_id = t.id) as accountCount from tags t order by t.name')
    .all() as { id: string; name: string; color: string | null; accountCount: number }[];
}

/** Account ids for ids or account codes, in the order given; what matches neither is listed as missing. */
export function resolveAccountRefs(core: Core, refs: string[]): { ids: string[]; missing: string[] } {
  const rows = core.sqlite
    .prepare(
      `select r.value as ref, coalesce(a.id, b.id) as id from json_each(?) r
       left join accounts a on a.id = r.value and a.deleted_at is null
       left join accounts b on b.code = upper(r.value) and b.deleted_at is null`,
    )
    .raw()
    .all(JSON.stringify(refs.map((r) => r.trim()))) as [string, string | null][];
  const ids: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const [ref, id] of rows) {
    if (id === null) missing.push(ref);
    else if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return { ids, missing };
}
