/**
 * The territory tree (华东 > 上海 > 浦东) as plain data. Rules and pool scopes name a node and mean the
 * whole subtree, so the questions asked here are "is X inside Y" and "would this move make a cycle".
 */

export interface TerritoryNode {
  id: string;
  parentId: string | null;
}

/** id → the node itself and all its ancestors (a node is inside every one of them). */
export type AncestorIndex = ReadonlyMap<string, ReadonlySet<string>>;

export function ancestorIndex(nodes: readonly TerritoryNode[]): AncestorIndex {
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  const out = new Map<string, Set<string>>();
  for (const n of nodes) {
    const set = new Set<string>();
    let cur: string | null | undefined = n.id;
    // A corrupt tree (a cycle written by hand) must not hang the app: stop at the first repeat.
    while (cur && !set.has(cur)) {
      set.add(cur);
      cur = parent.get(cur);
    }
    out.set(n.id, set);
  }
  return out;
}

/** Whether territory `id` lies in the subtree of `rootId` (including rootId itself). */
export function isWithin(index: AncestorIndex, id: string | null, rootId: string): boolean {
  if (id === null) return false;
  return index.get(id)?.has(rootId) ?? id === rootId;
}

/** All ids in the subtree of rootId (rootId first). */
export function subtreeIds(nodes: readonly TerritoryNode[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return out;
}

/** Moving `id` under `newParentId` makes a cycle when the new parent is the node or one of its descendants. */
export function wouldCreateCycle(nodes: readonly TerritoryNode[], id: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return subtreeIds(nodes, id).includes(newParentId);
}
