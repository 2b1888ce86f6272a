/** The backend never reads Date.now() directly: tests and benchmarks pass a clock they control. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock stopped at a moment; advance() moves it (tests of day boundaries, SLA timers …). */
export function fixedClock(start: number | string): Clock & { advance(ms: number): void; set(ms: number | string): void } {
  let t = typeof start === 'string' ? Date.parse(start) : start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = typeof ms === 'string' ? Date.parse(ms) : ms;
    },
  };
}
