import type { Tier } from '../../../../shared/domain/allocation-match';
import type { Core } from '../../core';
import { type NewAccountForAllocation, type NewAccountOwner, type NewAccountOwnersPlan, planNewAccountOwners } from '../allocation';
import type { ImportSession } from './session/import-session';

/**
 * Owner assignment on import (导入时按分配规则分配业务员): the accounts an accounts import will create
 * without an owner get one from the saved allocation rules, by the allocation service's own planner.
 * The validation (the dry run) and the commit both call this over the same staged rows, so the commit
 * assigns exactly the owners the preview showed unless the data or the rules changed in between.
 */
export interface ImportOwner extends NewAccountOwner {
  repName: string | null;
}

export interface ImportOwnersPlan {
  /** Staged row index → planned owner, for the rows that will create an account without one. */
  byIdx: Map<number, ImportOwner>;
  plan: NewAccountOwnersPlan;
}

/** Zero-padded row index: sorts as the account ids the commit hands out in row order will. */
function keyOf(idx: number): string {
  return String(idx).padStart(10, '0');
}

export function planImportOwners(core: Core, session: ImportSession): ImportOwnersPlan {
  const sx = session.staging.schema;
  const rows = core.sqlite.prepare(`select idx, action, record, changes from ${sx}.results where action in ('create', 'update') order by idx`).all() as { idx: number; action: string; record: string | null; changes: string | null }[];
  const accounts: NewAccountForAllocation[] = [];
  // Owners the sheet names count towards loads and capacities before the rules pick.
  const extra = new Map<string, number>();
  const bump = (repId: unknown, by: number) => {
    if (typeof repId === 'string' && repId) extra.set(repId, (extra.get(repId) ?? 0) + by);
  };
  for (const r of rows) {
    if (r.action === 'update') {
      const owner = r.changes ? (JSON.parse(r.changes) as { field: string; before: unknown; after: unknown }[]).find((c) => c.field === 'owner') : undefined;
      if (owner) {
        bump(owner.after, 1);
        bump(owner.before, -1);
      }
      continue;
    }
    if (!r.record) continue;
    const rec = JSON.parse(r.record) as Record<string, unknown>;
    if (rec.ownerRepId) {
      bump(rec.ownerRepId, 1);
      continue;
    }
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    accounts.push({ key: keyOf(r.idx), territoryId: text(rec.territoryId), industry: text(rec.industry), tier: (text(rec.tier) ?? 'C') as Tier, source: text(rec.source) });
  }
  const plan = planNewAccountOwners(core, accounts, extra);
  const names = new Map((core.sqlite.prepare('select id, name from reps').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const byIdx = new Map<number, ImportOwner>();
  for (const [key, owner] of plan.owners) byIdx.set(Number(key), { ...owner, repName: owner.toRepId ? (names.get(owner.toRepId) ?? owner.toRepId) : null });
  return { byIdx, plan };
}

/** What the dry run shows: how many new accounts each rep gets (load before → after) and how many stay in the pool. */
export function allocationSummary(owners: ImportOwnersPlan) {
  const count = new Map<string, number>();
  let toPool = 0;
  for (const o of owners.byIdx.values()) {
    if (o.toRepId === null) toPool++;
    else count.set(o.toRepId, (count.get(o.toRepId) ?? 0) + 1);
  }
  return {
    accounts: owners.byIdx.size,
    assigned: owners.byIdx.size - toPool,
    toPool,
    byRep: owners.plan.loads.map((l) => ({ repId: l.repId, name: l.name, count: count.get(l.repId) ?? 0, accountsBefore: l.accountsBefore, accountsAfter: l.accountsAfter })),
    fingerprint: owners.plan.fingerprint,
  };
}
export type AllocationSummary = ReturnType<typeof allocationSummary>;
