import { monotonicFactory, type PRNG } from 'ulid';

const factory = monotonicFactory();

/** A new time-ordered id (ULID). */
export function newId(at?: number): string {
  return factory(at);
}

/** A deterministic id generator for seeded data (same seed → same ids). */
export function seededIdFactory(random: () => number): (at: number) => string {
  const prng: PRNG = random;
  const f = monotonicFactory(prng);
  return (at) => f(at);
}
