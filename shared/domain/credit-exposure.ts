import { type OrderMoney, openAmountFen, owesMoney } from './receivables';

/**
 * 信用占用 (exposure): what the account would owe if the order being checked went through.
 *
 *   exposure = open receivables + confirmed-but-unbilled orders − advance money + this order
 *
 * Both first terms come from receivables.ts: an order owes its open amount (total − returned −
 * collected) from confirmation until cancelled, completed orders included. That open amount splits into
 * the part not yet billed (billing follows shipment: total − billed, at most the open amount, because
 * money collected ahead of billing pays for the unbilled part first) and the billed part, the
 * receivable. Advance money is the account's unallocated receipts (回款 not yet allocated to an order):
 * a customer who paid ahead is not a risk for that amount, which is what "limit 0 = cash in advance"
 * needs. The order being checked adds its total only while it does not owe money yet (a draft); once
 * confirmed it is already inside the receivables. Exposure never goes below 0.
 */
export interface ExposureOrder extends OrderMoney {
  billedFen: number;
}

export interface OrderExposure {
  /** Billed and not paid. */
  receivableFen: number;
  /** Confirmed, not billed yet, not paid ahead. */
  unbilledFen: number;
}

export function orderExposure(o: ExposureOrder): OrderExposure {
  const open = openAmountFen(o);
  const unbilled = Math.min(open, Math.max(0, o.totalFen - o.billedFen));
  return { receivableFen: open - unbilled, unbilledFen: unbilled };
}

export interface Exposure {
  receivableFen: number;
  unbilledFen: number;
  /** Unallocated receipts held for the account (never negative here). */
  advanceFen: number;
  /** receivable + unbilled − advance: may be negative when the advance covers more than is owed. */
  usedFen: number;
  /** What the order being checked adds (0 when it already owes money or there is none). */
  thisOrderFen: number;
  /** max(0, used + this order). */
  totalFen: number;
}

export function exposureOf(parts: { receivableFen: number; unbilledFen: number; advanceFen: number; thisOrderFen: number }): Exposure {
  const advance = Math.max(0, parts.advanceFen);
  const used = parts.receivableFen + parts.unbilledFen - advance;
  return { receivableFen: parts.receivableFen, unbilledFen: parts.unbilledFen, advanceFen: advance, usedFen: used, thisOrderFen: parts.thisOrderFen, totalFen: Math.max(0, used + parts.thisOrderFen) };
}

/**
 * The account's exposure from its orders (any state; those that owe nothing add nothing) and the order
 * being checked (a draft adds its total; a cancelled one nothing).
 */
export function accountExposure(orders: readonly ExposureOrder[], advanceFen: number, checked: Pick<OrderMoney, 'state' | 'confirmedOn' | 'totalFen'> | null): Exposure {
  let receivable = 0;
  let unbilled = 0;
  for (const o of orders) {
    const e = orderExposure(o);
    receivable += e.receivableFen;
    unbilled += e.unbilledFen;
  }
  const thisOrderFen = checked && !owesMoney(checked) && checked.state !== 'cancelled' ? checked.totalFen : 0;
  return exposureOf({ receivableFen: receivable, unbilledFen: unbilled, advanceFen, thisOrderFen });
}

/** Exposure as a share of the limit in percent with one decimal; null when there is no positive limit. */
export function usedPct(totalFen: number, limitFen: number | null): number | null {
  if (limitFen === null || limitFen <= 0) return null;
  return Math.round((totalFen * 1000) / limitFen) / 10;
}
