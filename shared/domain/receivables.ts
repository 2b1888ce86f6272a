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
