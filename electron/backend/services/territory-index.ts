import type { Territory } from '../../../shared/contract/reference';
import { type AncestorIndex, ancestorIndex } from '../../../shared/domain/territory-tree';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Core } from '../core';
import { listTerritories } from './reference';

export interface TerritoryIndex {
  nodes: Territory[];
  byId: Map<string, Territory>;
  ancestors: AncestorIndex;
}

export function loadTerritoryIndex(core: Core): TerritoryIndex {
  const nodes = listTerritories(core);
  return { nodes, byId: new Map(nodes.map((n) => [n.id, n])), ancestors: ancestorIndex(nodes) };
}

/** A territory named by a person: its id, its code, or its name (which must then be unique). */
export function resolveTerritoryRef(index: TerritoryIndex, ref: string, where: string): string {
  const r = ref.trim();
  if (index.byId.has(r)) return r;
  const byCode = index.nodes.filter((n) => n.code !== null && n.code.toLowerCase() === r.toLowerCase());
  if (byCode.length === 1) return byCode[0]!.id;
  const byName = index.nodes.filter((n) => n.name === r);
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) {
    const paths = byName.map((n) => territoryPath(index, n.id)).join('、');
    throw new AppError('INVALID_INPUT', msg(`${where}：区域“${r}”不唯一（${paths}），请用区域编码`, `${where}: territory "${r}" is ambiguous (${paths}); use its code`), { ref: r });
  }
  throw new AppError('INVALID_INPUT', msg(`${where}：找不到区域“${r}”`, `${where}: no territory "${r}"`), { ref: r });
}

/** 华东 / 上海 / 浦东 */
export function territoryPath(index: TerritoryIndex, id: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let cur = index.byId.get(id);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    names.unshift(cur.name);
    cur = cur.parentId ? index.byId.get(cur.parentId) : undefined;
  }
  return names.join(' / ');
}
