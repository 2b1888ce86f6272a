import type { AccountPlan } from './account-plan';
import type { SeedContext } from './context';
import { weightedPicker } from './random';

/** Orders decided up front (account, day, line count), numbered SO-YYYY-NNNNNN in date order. */
export interface OrderPlan {
  /** Orders of account i are [start[i], start[i + 1]) in the arrays below, sorted by day. */
  start: Int32Array;
  day: Int32Array;
  lines: Uint8Array;
  orderNo: string[];
  lineTotal: number;
}

/** Lines per order, 1–10 (mean ≈ 5.5). */
const LINE_WEIGHTS = [8, 10, 11, 11, 11, 10, 10, 10, 9, 10];
/** Order intake by month: quiet around Spring Festival and National Day, busy before year end. */
const MONTH_WEIGHTS = [0.9, 0.6, 1.1, 1.0, 1.0, 1.15, 0.95, 0.95, 1.1, 0.9, 1.1, 1.25];

export function planOrders(ctx: SeedContext, accounts: readonly AccountPlan[], totalLines: number): OrderPlan {
  const { r } = ctx;
  const linePick = weightedPicker(LINE_WEIGHTS);
  const counts: number[] = [];
  let sum = 0;
  const anyBuyer = accounts.some((a) => a.orderWeight > 0);
  while (anyBuyer && sum < totalLines) {
    const n = Math.min(linePick(r) + 1, totalLines - sum);
    counts.push(n);
    sum += n;
  }
  const n = counts.length;

  const span = ctx.lastDay - ctx.startDay + 1;
  const dayWeight = new Float64Array(span);
  let maxWeight = 0;
  for (let i = 0; i < span; i++) {
    const month = new Date((ctx.startDay + i) * 86_400_000).getUTCMonth();
    // The business grows about 30 % over the period.
    const w = MONTH_WEIGHTS[month]! * (1 + (0.3 * i) / span);
    dayWeight[i] = w;
    if (w > maxWeight) maxWeight = w;
  }
  const accountPick = weightedPicker(accounts.map((a) => a.orderWeight));
  const acc = new Int32Array(n);
  const day = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const ai = accountPick(r);
    const a = accounts[ai]!;
    let d = a.orderFrom;
    for (let attempt = 0; attempt < 20; attempt++) {
      d = a.orderFrom + Math.floor(r.next() * (a.orderTo - a.orderFrom + 1));
      if (r.next() * maxWeight < dayWeight[d - ctx.startDay]!) break;
    }
    acc[k] = ai;
    day[k] = d;
  }

  const byAccount = Array.from({ length: n }, (_, k) => k).sort((x, y) => acc[x]! - acc[y]! || day[x]! - day[y]! || x - y);
  const start = new Int32Array(accounts.length + 1);
  for (let k = 0; k < n; k++) start[acc[k]! + 1]! += 1;
  for (let i = 0; i < accounts.length; i++) start[i + 1]! += start[i]!;
  const outDay = new Int32Array(n);
  const outLines = new Uint8Array(n);
  byAccount.forEach((k, pos) => {
    outDay[pos] = day[k]!;
    outLines[pos] = counts[k]!;
  });
  // Human numbers follow the calendar: sort positions by day (then account) and number per year.
  const orderNo: string[] = new Array<string>(n);
  const byDay = Array.from({ length: n }, (_, p) => p).sort((x, y) => outDay[x]! - outDay[y]! || x - y);
  for (const p of byDay) orderNo[p] = ctx.numbers.next('SO', ctx.date(outDay[p]!).slice(0, 4));
  return { start, day: outDay, lines: outLines, orderNo, lineTotal: sum };
}
