import type { SeedContext } from './context';
import { AUDIT_COLUMNS, prepareInsert } from './insert';
import { TAGS } from './texts';

/** The dozen 客户标签; returns name → id. */
export function seedTags(ctx: SeedContext): Map<string, string> {
  const insert = prepareInsert(ctx.sqlite, 'tags', ['id', 'name', 'color', ...AUDIT_COLUMNS]);
  const at = ctx.stamp(ctx.startDay - 1);
  const ids = new Map<string, string>();
  for (const [name, color] of TAGS) {
    const id = ctx.id(at);
    insert.run(id, name, color, at, at, ctx.actor.id, ctx.actor.id, 1);
    ids.set(name, id);
  }
  return ids;
}
