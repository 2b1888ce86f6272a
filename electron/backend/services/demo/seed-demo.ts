import type { Actor, Core } from '../../core';

export interface SeedOptions {
  actor: Actor;
  accounts?: number;
  seed?: number;
}

/** Placeholder until the demo generator lands (same session). */
export function seedDemo(_core: Core, _opts: SeedOptions): { accounts: number } {
  return { accounts: 0 };
}
