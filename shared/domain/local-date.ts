import type { IsoDate } from './dates';

const QUARTER_HOUR = 15 * 60_000;

/**
 * A fast "timestamp → calendar date in this time zone" for bulk work (100,000 accounts in a reclaim
 * run). Intl formatting is slow per call, so results are cached per quarter hour: every time zone's
 * offset is a multiple of 15 minutes, so all instants in one quarter hour share a local date.
 */
export function localDateFn(timeZone: string): (ms: number) => IsoDate {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const cache = new Map<number, IsoDate>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let d = cache.get(bucket);
    if (d === undefined) {
      d = fmt.format(bucket * QUARTER_HOUR);
      if (cache.size > 200_000) cache.clear();
      cache.set(bucket, d);
    }
    return d;
  };
}
