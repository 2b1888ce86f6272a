import type { AccountPlan } from './account-plan';
import type { SeedContext } from './context';
import type { SeedInstalment, SeedOrder } from './orders';
import { type SeededRandom, weighted } from './random';

export type PaymentMethod = 'bank_transfer' | 'acceptance_bill' | 'cash' | 'wechat' | 'alipay' | 'other';

export interface SeedAllocation {
  id: string;
  orderId: string;
  instalmentId: string;
  amountFen: number;
  day: number;
}

export interface SeedPayment {
  id: string;
  accountId: string;
  day: number;
  amountFen: number;
  method: PaymentMethod;
  kind: 'receipt' | 'refund';
  reference: string;
  returnId: string | null;
  unallocatedFen: number;
  notes: string | null;
  allocations: SeedAllocation[];
}

/** The longest anything stays overdue in the demo (the aging report's last bucket still fills). */
const MAX_OVERDUE_DAYS = 200;

interface Receipt {
  day: number;
  parts: { order: SeedOrder; inst: SeedInstalment; amountFen: number }[];
  extraFen: number;
  notes: string | null;
}

/**
 * 回款 of one account: each instalment is paid (or not yet) according to the customer's habits —
 * prompt, normal, slow or bad payers, some paying on a fixed day of the month (so one transfer covers
 * several instalments), a few in two parts. Nothing stays overdue longer than 200 days. A customer who
 * had paid in full before returning goods gets the excess back as a refund (a negative payment); the
 * excess sits unallocated on the receipt until then. A few accounts overpay or pay in advance.
 */
export function simulatePayments(ctx: SeedContext, account: AccountPlan, orders: readonly SeedOrder[]): SeedPayment[] {
  const { r } = ctx;
  const Y = ctx.lastDay;
  const receipts = new Map<number, Receipt>();
  const refunds: SeedPayment[] = [];
  const receiptOn = (day: number): Receipt => {
    let rc = receipts.get(day);
    if (!rc) {
      rc = { day, parts: [], extraFen: 0, notes: null };
      receipts.set(day, rc);
    }
    return rc;
  };

  for (const order of orders) {
    const last = order.instalments[order.instalments.length - 1];
    for (const inst of order.instalments) {
      const due = inst.dueDay;
      let pay: number | null = payDay(r, account, inst, due);
      if (pay !== null && pay < order.day) pay = order.day;
      if (pay !== null && !inst.prepay && account.payDayOfMonth !== null) pay = nextDayOfMonth(ctx, pay, account.payDayOfMonth);
      // Days overdue are counted up to today; what would pass 200 days was paid late instead.
      const limit = ctx.todayDay - MAX_OVERDUE_DAYS;
      if (pay === null || pay > Y) {
        if (due >= limit) continue;
        pay = due + r.int(Math.min(120, Y - due), Math.min(MAX_OVERDUE_DAYS, Y - due));
      }
      const ret = order.ret;
      if (ret && inst === last && pay < ret.day && inst.originalFen > inst.amountFen) {
        // Paid in full before the goods came back: the excess waits on the receipt, then is refunded.
        const rc = receiptOn(pay);
        rc.parts.push({ order, inst, amountFen: inst.amountFen });
        const excess = inst.originalFen - inst.amountFen;
        rc.extraFen += excess;
        const refundDay = ret.day + r.int(3, 15);
        if (refundDay <= Y) {
          ret.refundFen = excess;
          const at = ctx.stamp(refundDay);
          refunds.push({
            id: ctx.id(at),
            accountId: account.id,
            day: refundDay,
            amountFen: -excess,
            method: 'bank_transfer',
            kind: 'refund',
            reference: `退款 ${order.no}`,
            returnId: ret.id,
            unallocatedFen: -excess,
            notes: `退货退款：${ret.reason}`,
            allocations: [],
          });
        }
        continue;
      }
      if (r.chance(0.07) && inst.amountFen >= 200) {
        const first = Math.round(inst.amountFen * (0.3 + 0.4 * r.next()));
        receiptOn(pay).parts.push({ order, inst, amountFen: first });
        let second = pay + r.int(10, 60);
        if (second > Y) {
          if (due >= limit) continue;
          second = Y;
        }
        receiptOn(second).parts.push({ order, inst, amountFen: inst.amountFen - first });
      } else {
        receiptOn(pay).parts.push({ order, inst, amountFen: inst.amountFen });
      }
    }
  }

  const days = [...receipts.keys()].sort((a, b) => a - b);
  if (days.length > 0 && r.chance(0.03)) {
    const rc = receipts.get(r.pick(days))!;
    const total = rc.parts.reduce((s, p) => s + p.amountFen, 0) + rc.extraFen;
    const rounded = Math.ceil(total / 1_000_000) * 1_000_000;
    rc.extraFen += rounded > total ? rounded - total : 500_000;
    rc.notes = '多付款项，作为预收款挂账';
  }
  if (r.chance(0.01)) {
    const day = Math.max(account.createdDay, Y - r.int(0, 60));
    if (day <= Y && !receipts.has(day)) {
      receipts.set(day, { day, parts: [], extraFen: r.int(1, 5) * 1_000_000, notes: '预收货款，待订单确认后核销' });
      days.push(day);
      days.sort((a, b) => a - b);
    }
  }

  const payments: SeedPayment[] = [];
  for (const day of days) {
    const rc = receipts.get(day)!;
    const at = ctx.stamp(day);
    const payment: SeedPayment = {
      id: ctx.id(at),
      accountId: account.id,
      day,
      amountFen: 0,
      method: 'bank_transfer',
      kind: 'receipt',
      reference: '',
      returnId: null,
      unallocatedFen: rc.extraFen,
      notes: rc.notes,
      allocations: [],
    };
    let allocated = 0;
    for (const part of rc.parts) {
      payment.allocations.push({ id: ctx.id(at), orderId: part.order.id, instalmentId: part.inst.id, amountFen: part.amountFen, day });
      allocated += part.amountFen;
      part.inst.paidFen += part.amountFen;
      if (part.inst.paidFen === part.inst.amountFen) part.inst.paidDay = day;
      part.order.collectedFen += part.amountFen;
    }
    payment.amountFen = allocated + rc.extraFen;
    payment.method = method(r, payment.amountFen);
    payment.reference = reference(ctx, payment.method, day);
    payments.push(payment);
  }
  for (const refund of refunds) payments.push(refund);
  return payments;
}

function payDay(r: SeededRandom, account: AccountPlan, inst: SeedInstalment, due: number): number | null {
  if (inst.prepay) return due + (account.payer === 'bad' ? r.int(0, 25) : r.int(0, 4));
  switch (account.payer) {
    case 'prompt':
      return due + r.int(-7, 6);
    case 'normal':
      return due + r.int(-3, 25);
    case 'slow':
      return due + r.int(10, 80);
    case 'bad':
      return r.chance(0.3) ? null : due + r.int(30, 240);
  }
}

/** The next day on or after `day` that falls on the given day of the month. */
function nextDayOfMonth(ctx: SeedContext, day: number, dom: number): number {
  const dayOfMonth = Number(ctx.date(day).slice(8, 10));
  if (dayOfMonth <= dom) return day + (dom - dayOfMonth);
  const d = new Date(day * 86_400_000);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, dom);
  return Math.round(next / 86_400_000);
}

function method(r: SeededRandom, amountFen: number): PaymentMethod {
  if (amountFen >= 10_000_000 && r.chance(0.3)) return 'acceptance_bill';
  if (amountFen < 500_000) {
    return weighted(r, [
      ['bank_transfer', 40],
      ['wechat', 30],
      ['alipay', 20],
      ['cash', 10],
    ] as const);
  }
  return weighted(r, [
    ['bank_transfer', 90],
    ['wechat', 4],
    ['alipay', 4],
    ['other', 2],
  ] as const);
}

function reference(ctx: SeedContext, m: PaymentMethod, day: number): string {
  const { r } = ctx;
  const ymd = ctx.date(day).replaceAll('-', '');
  switch (m) {
    case 'bank_transfer':
      return `网银转账 ${ymd}${r.digits(10)}`;
    case 'acceptance_bill':
      return `电子银行承兑汇票 ${r.int(1, 2)}${r.digits(29)}`;
    case 'wechat':
      return `微信支付 4200${r.digits(24)}`;
    case 'alipay':
      return `支付宝 ${ymd}2200${r.digits(16)}`;
    case 'cash':
      return `现金收据 No.${r.digits(7, true)}`;
    case 'other':
      return `其他 ${ymd}`;
  }
}
