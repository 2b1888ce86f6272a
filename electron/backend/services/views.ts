import { and, asc, eq } from 'drizzle-orm';
import { savedViews } from '../../../db/schema';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { CallContext, Core } from '../core';
import { newId } from '../ids';
import { staleVersion } from './users';

type ViewRecord = typeof savedViews.$inferSelect;

function toView(v: ViewRecord) {
  let state: unknown;
  try {
    state = JSON.parse(v.state);
  } catch {
    // A hand-edited, unreadable state opens as the grid's defaults.
    state = null;
  }
  return { id: v.id, grid: v.grid, name: v.name, state, isDefault: v.isDefault, updatedAt: v.updatedAt, version: v.version };
}

/** Saved views belong to a signed-in user profile; the anonymous CLI has none. */
function userId(ctx: CallContext): string {
  if (!ctx.user) throw new AppError('FORBIDDEN', msg('保存视图需要用户身份（请使用 --user 或登录）', 'Saved views need a user profile (sign in, or --user)'));
  return ctx.user.id;
}

export function listViews(core: Core, ctx: CallContext, grid: string) {
  return core.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId(ctx)), eq(savedViews.grid, grid)))
    .orderBy(asc(savedViews.name))
    .all()
    .map(toView);
}

export function saveView(core: Core, ctx: CallContext, input: { id?: string | undefined; version?: number | undefined; grid: string; name: string; state: unknown; isDefault: boolean }) {
  const uid = userId(ctx);
  const id = core.tx(() => {
    const now = core.clock.now();
    const clash = core.db
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(and(eq(savedViews.userId, uid), eq(savedViews.grid, input.grid), eq(savedViews.name, input.name)))
      .get();
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', msg(`已有名为“${input.name}”的视图`, `A view named "${input.name}" already exists`), { field: 'name', id: clash.id });
    if (input.isDefault) {
      core.db.update(savedViews).set({ isDefault: false }).where(and(eq(savedViews.userId, uid), eq(savedViews.grid, input.grid))).run();
    }
    const state = JSON.stringify(input.state);
    if (input.id) {
      const before = core.db.select().from(savedViews).where(eq(savedViews.id, input.id)).get();
      if (!before || before.userId !== uid) throw new AppError('NOT_FOUND', msg('视图不存在', 'View not found'));
      if (input.version !== undefined && before.version !== input.version) throw staleVersion('view', before.version);
      core.db
        .update(savedViews)
        .set({ name: input.name, grid: input.grid, state, isDefault: input.isDefault, updatedAt: now, updatedBy: uid, version: before.version + 1 })
        .where(eq(savedViews.id, input.id))
        .run();
      return input.id;
    }
    const row = { id: newId(now), userId: uid, grid: input.grid, name: input.name, state, isDefault: input.isDefault, createdAt: now, updatedAt: now, createdBy: uid, updatedBy: uid, version: 1 };
    core.db.insert(savedViews).values(row).run();
    return row.id;
  });
  return toView(core.db.select().from(savedViews).where(eq(savedViews.id, id)).get()!);
}

export function deleteView(core: Core, ctx: CallContext, id: string): { ok: true } {
  const uid = userId(ctx);
  const r = core.db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, uid)))
    .run();
  if (r.changes !== 1) throw new AppError('NOT_FOUND', msg('视图不存在', 'View not found'));
  return { ok: true };
}
