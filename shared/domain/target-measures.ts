/**
 * The five measures targets are set for and what each actual means (the definitions managers get
 * when they ask "where does this number come from"):
 * - sales: Σ order totals of the rep's orders confirmed in the period (by confirmed_on, else
 *   ordered_on; drafts and cancelled orders excluded) minus returns booked in the period on the
 *   rep's orders. Fen.
 * - collections: Σ receipts received in the period: the part allocated to an order counts for the
 *   order's rep, the unallocated rest for the account's owner. Fen.
 * - new_accounts: accounts created in the period that the rep owns now.
 * - followups: follow-ups / visits the rep logged in the period.
 * - orders: the rep's orders confirmed in the period (same rule as sales).
 */
export const MEASURES = ['sales', 'collections', 'new_accounts', 'followups', 'orders'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_INFO: Record<Measure, { zh: string; en: string; money: boolean }> = {
  sales: { zh: '销售额', en: 'Sales', money: true },
  collections: { zh: '回款额', en: 'Collections', money: true },
  new_accounts: { zh: '新增客户', en: 'New accounts', money: false },
  followups: { zh: '跟进次数', en: 'Follow-ups', money: false },
  orders: { zh: '订单数', en: 'Orders', money: false },
};

export type MeasureValues = Record<Measure, number>;

export function zeroMeasures(): MeasureValues {
  return { sales: 0, collections: 0, new_accounts: 0, followups: 0, orders: 0 };
}
