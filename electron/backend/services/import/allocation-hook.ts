import type { Actor, Core } from '../../core';

/**
 * Owner assignment on import by the allocation rules. The allocation module (built on its own branch)
 * registers its rule engine here; until it does, imports that ask for it say so with a warning and
 * leave new accounts in the pool (公海).
 */
export interface NewAccountForAllocation {
  id: string;
  territoryId: string | null;
  industry: string | null;
  tier: string;
  source: string | null;
}

/** Returns accountId → repId for the accounts the rules assign; must not write anything itself. */
export type ImportOwnerAllocator = (core: Core, actor: Actor, accounts: readonly NewAccountForAllocation[]) => Map<string, string>;

let allocator: ImportOwnerAllocator | null = null;

export function registerImportOwnerAllocator(fn: ImportOwnerAllocator | null): void {
  allocator = fn;
}

export function importOwnerAllocator(): ImportOwnerAllocator | null {
  return allocator;
}
