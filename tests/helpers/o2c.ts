import { products, reps, territories } from '../../db/schema';
import type { Core } from '../../electron/backend/core';
import { newId } from '../../electron/backend/ids';

/** Reference data the order-to-cash tests need and no service creates yet (reps, territories, products). */
export function insertTerritory(core: Core, name: string, parentId: string | null = null, code: string | null = null): string {
  const now = core.clock.now();
  const id = newId(now);
  core.db.insert(territories).values({ id, name, parentId, code, createdAt: now, updatedAt: now }).run();
  return id;
}

export function insertRep(core: Core, name: string, opts: { territoryId?: string | null; employeeNo?: string | null } = {}): string {
  const now = core.clock.now();
  const id = newId(now);
  core.db.insert(reps).values({ id, name, territoryId: opts.territoryId ?? null, employeeNo: opts.employeeNo ?? null, createdAt: now, updatedAt: now }).run();
  return id;
}

export function insertProduct(core: Core, p: { sku: string; name: string; unitPriceFen: number; taxRateBp?: number; warrantyMonths?: number }): string {
  const now = core.clock.now();
  const id = newId(now);
  core.db.insert(products).values({ id, sku: p.sku, name: p.name, unitPriceFen: p.unitPriceFen, taxRateBp: p.taxRateBp ?? 1300, warrantyMonths: p.warrantyMonths ?? 12, createdAt: now, updatedAt: now }).run();
  return id;
}

/** Gives an account an owner and a territory directly (allocation is another issue's service). */
export function setAccountOwner(core: Core, accountId: string, repId: string | null, territoryId: string | null = null): void {
  core.sqlite.prepare('update accounts set owner_rep_id = ?, territory_id = coalesce(?, territory_id) where id = ?').run(repId, territoryId, accountId);
}
