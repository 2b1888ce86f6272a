import { addMonths, type IsoDate } from './dates';

export type WarrantyStatus = 'in' | 'out' | 'unknown';

/**
 * 保修: covered from the ship date for `months` months; the last covered day is the day before the same
 * date `months` later (shipped 2026-01-15, 12 months → covered through 2027-01-14). Without a ship date
 * (not shipped, or a free-text case) the status is unknown.
 */
export function warrantyStatus(shippedOn: IsoDate | null, months: number | null, asOf: IsoDate): { status: WarrantyStatus; expiresOn: IsoDate | null } {
  if (!shippedOn || months === null || months < 0) return { status: 'unknown', expiresOn: null };
  const end = addMonths(shippedOn, months);
  return { status: asOf < end ? 'in' : 'out', expiresOn: end };
}
