/**
 * What counts as money owed. An order owes money once it is confirmed and until it is cancelled:
 * its open amount is total − returned − collected. Instalments (回款计划) schedule that amount; an
 * instalment is overdue from the day after its due date while not fully paid.
 */

export const MONEY_STATES = ['confirmed', 'partly_shipped', 'shipped', 'completed', 'on_hold'] as const;

export interface OrderMoney {
  state: string;
  confirmedOn: string | null;
  totalFen: number;
  returnedFen: number;
  collectedFen: number;
}

/** Draft orders owe nothing yet; an on-hold order owes only if it had been confirmed before the hold. */
export function owesMoney(o: Pick<OrderMoney, 'state' | 'confirmedOn'>): boolean {
  if (o.state === 'on_hold') return o.confirmedOn !== null;
  return (MONEY_STATES as readonly string[]).includes(o.state);
}

export function openAmountFen(o: OrderMoney): number {
  if (!owesMoney(o)) return 0;
  return Math.max(0, o.totalFen - o.returnedFen - o.collectedFen);
}

/** Days an instalment is overdue on a date: 0 on and before its due date. */
export function daysOverdue(dueOn: string, asOf: string, toDay: (d: string) => number): number {
  return Math.max(0, toDay(asOf) - toDay(dueOn));
}

export interface InstalmentMoney {
  dueOn: string;
  seq: number;
  amountFen: number;
  /** Net of allocations to this instalment (allocations released later are negative rows). */
  paidFen: number;
}

/**
 * How much of each instalment is still owed once the order's returns are taken into account. Payments
 * are allocated to instalments (oldest due first by default); returned goods cancel what is still
 * unpaid from the latest-due instalment backwards, because a return shortens the tail of the plan, not
 * the part that is already due. Returns the cancelled part per instalment, in the input's order.
 */
export function returnCancellations(instalments: readonly InstalmentMoney[], returnedFen: number): number[] {
  const order = instalments.map((_, i) => i).sort((a, b) => {
    const x = instalments[a]!;
    const y = instalments[b]!;
    return x.dueOn < y.dueOn ? 1 : x.dueOn > y.dueOn ? -1 : y.seq - x.seq;
  });
  const out = instalments.map(() => 0);
  let left = Math.max(0, returnedFen);
  for (const i of order) {
    if (left <= 0) break;
    const inst = instalments[i]!;
    const unpaid = Math.max(0, inst.amountFen - inst.paidFen);
    const take = Math.min(unpaid, left);
    out[i] = take;
    left -= take;
  }
  return out;
}

/** The open amount of each instalment (amount − paid − cancelled by returns), in the input's order. */
export function instalmentOpenAmounts(instalments: readonly InstalmentMoney[], returnedFen: number): number[] {
  const cancelled = returnCancellations(instalments, returnedFen);
  return instalments.map((inst, i) => Math.max(0, inst.amountFen - inst.paidFen - cancelled[i]!));
}
