import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateOf } from './dates';
import { localDateFn } from './local-date';

describe('localDateFn', () => {
  it('agrees with isoDateOf around midnight in several zones', () => {
    for (const tz of ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Asia/Kolkata']) {
      const f = localDateFn(tz);
      fc.assert(
        fc.property(fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }), (ms) => {
          expect(f(ms)).toBe(isoDateOf(ms, tz));
        }),
        { numRuns: 300 },
      );
    }
  });
  it('Shanghai midnight: 15:59:59Z is still the same day, 16:00Z is the next', () => {
    const f = localDateFn('Asia/Shanghai');
    expect(f(Date.parse('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(f(Date.parse('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});
