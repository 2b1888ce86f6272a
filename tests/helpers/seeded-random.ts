/**
 * A small seeded pseudo-random generator (a linear congruential generator) for test and bench data:
 * the same seed gives the same sequence on every machine, in [0, 1).
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
