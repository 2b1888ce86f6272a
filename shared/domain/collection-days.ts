import { addMonths, diffDays, type IsoDate } from './dates';

/**
 * How fast an account (or a rep's accounts) pays. Two figures, because people mean both by "DSO":
 * - days to collect: the amount-weighted average number of days from an order's confirmation to the
 *   money being allocated to it, over the collections made in the window;
 * - DSO (days sales outstanding): open receivables at the end of the window ÷ sales confirmed in the
 *   window × the window's days.
 */
export interface Collection {
  amountFen: number;
  /** When the money became owed (the order's confirmation date). */
  owedSince: IsoDate;
  /** When it was collected (the allocation date). */
  collectedOn: IsoDate;
}

export const DSO_WINDOWS = [3, 6, 12] as const;

/** The window [from, to] of the last `months` months ending on asOf (inclusive both ends). */
export function windowOf(asOf: IsoDate, months: number): { from: IsoDate; to: IsoDate; days: number } {
  const from = addMonths(asOf, -months);
  return { from, to: asOf, days: diffDays(from, asOf) };
}

/** Amount-weighted average days, one decimal; null when nothing was collected. */
export function averageDaysToCollect(collections: readonly Collection[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const c of collections) {
    if (c.amountFen <= 0) continue;
    weight += c.amountFen;
    sum += c.amountFen * Math.max(0, diffDays(c.owedSince, c.collectedOn));
  }
  return weight === 0 ? null : Math.round((sum / weight) * 10) / 10;
}

/** Classic DSO, one decimal; null without sales in the window. */
export function dso(openFen: number, salesFen: number, days: number): number | null {
  if (salesFen <= 0) return null;
  return Math.round((openFen / salesFen) * days * 10) / 10;
}
