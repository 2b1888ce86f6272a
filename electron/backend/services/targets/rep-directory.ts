/** Reps and the territory tree, as the performance services need them. */
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Core } from '../../core';

export interface RepInfo {
  id: string;
  name: string;
  status: 'active' | 'paused' | 'left';
  territoryId: string | null;
  territoryName: string | null;
}

export interface TerritoryNode {
  id: string;
  parentId: string | null;
  name: string;
  depth: number;
}

export function loadReps(core: Core): RepInfo[] {
  return core.sqlite
    .prepare(
      `select r.id, r.name, r.status, r.territory_id as territoryId, t.name as territoryName
       from reps r left join territories t on t.id = r.territory_id
       where r.deleted_at is null order by r.name`,
    )
    .all() as RepInfo[];
}

/** The tree in display order (parents before children), each with its depth. */
export function loadTerritories(core: Core): TerritoryNode[] {
  const rows = core.sqlite.prepare(`select id, parent_id as parentId, name, sort_order as sortOrder from territories where deleted_at is null order by sort_order, name`).all() as {
    id: string;
    parentId: string | null;
    name: string;
  }[];
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: TerritoryNode[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ id: r.id, parentId: r.parentId, name: r.name, depth });
      if (depth < 20) visit(r.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The ids of a territory and everything below it. */
export function subtreeIds(nodes: readonly TerritoryNode[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId && out.has(n.parentId) && !out.has(n.id)) {
        out.add(n.id);
        grew = true;
      }
    }
  }
  return out;
}

/** A rep by id, or by exact name (the CLI's --rep 张三); ambiguous or unknown names are refused. */
export function findRep(core: Core, ref: string): RepInfo {
  const all = loadReps(core);
  const byId = all.find((r) => r.id === ref);
  if (byId) return byId;
  const byName = all.filter((r) => r.name === ref.trim());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new AppError('INVALID_INPUT', msg(`有 ${byName.length} 个业务员叫“${ref}”，请改用业务员 ID：${byName.map((r) => r.id).join('、')}`, `${byName.length} reps are named "${ref}"; use the rep id: ${byName.map((r) => r.id).join(', ')}`));
  }
  throw new AppError('NOT_FOUND', msg(`没有名为“${ref}”的业务员`, `No rep named "${ref}"`));
}
