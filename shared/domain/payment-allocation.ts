import { type LocalizedText, msg } from '../i18n/text';
import { type Fen, formatFen } from './money';

/**
 * 回款分配: how a payment (or the account's unallocated credit) is spread over orders and instalments.
 * Within an order, money goes to the oldest-due instalment first. Requests with an amount are served
 * first, then requests without one ("the rest") in the order given. Over-allocation (more than the
 * order or instalment still owes, or more than the money available) is refused, never trimmed silently.
 */
export interface OpenItem {
  orderId: string;
  orderNo: string;
  instalmentId: string;
  /** 1-based instalment number within the order. */
  seq: number;
  dueOn: string;
  openFen: Fen;
}

export interface AllocationRequest {
  orderId: string;
  /** A specific instalment; otherwise the order's instalments, oldest due first. */
  instalmentId?: string | null;
  /** Omitted: as much as the order (or instalment) owes, up to what is left of the money. */
  amountFen?: Fen | null;
}

export interface AllocationLine {
  orderId: string;
  instalmentId: string;
  amountFen: Fen;
}

export type AllocationPlan = { ok: true; lines: AllocationLine[]; allocatedFen: Fen; remainderFen: Fen } | { ok: false; reason: LocalizedText };

function yuan(fen: Fen): string {
  return formatFen(fen);
}

function byDue(a: OpenItem, b: OpenItem): number {
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : a.seq - b.seq;
}

export function planAllocation(availableFen: Fen, requests: readonly AllocationRequest[], openItems: readonly OpenItem[]): AllocationPlan {
  const open = new Map(openItems.map((i) => [i.instalmentId, i.openFen]));
  const items = [...openItems].sort(byDue);
  let left = availableFen;
  const lines: AllocationLine[] = [];
  const orderNoOf = (orderId: string) => items.find((i) => i.orderId === orderId)?.orderNo ?? orderId;

  const targets = (r: AllocationRequest) => items.filter((i) => i.orderId === r.orderId && (r.instalmentId == null || i.instalmentId === r.instalmentId));
  const openOf = (list: OpenItem[]) => list.reduce((a, i) => a + (open.get(i.instalmentId) ?? 0), 0);
  const take = (list: OpenItem[], amount: Fen) => {
    let rest = amount;
    for (const i of list) {
      if (rest <= 0) break;
      const o = open.get(i.instalmentId) ?? 0;
      const t = Math.min(o, rest);
      if (t <= 0) continue;
      open.set(i.instalmentId, o - t);
      const last = lines.find((l) => l.instalmentId === i.instalmentId);
      if (last) last.amountFen += t;
      else lines.push({ orderId: i.orderId, instalmentId: i.instalmentId, amountFen: t });
      rest -= t;
    }
  };
  const what = (r: AllocationRequest, list: OpenItem[]) => {
    const no = orderNoOf(r.orderId);
    if (r.instalmentId == null) return { zh: `订单 ${no}`, en: `order ${no}` };
    const seq = list[0]?.seq ?? '?';
    return { zh: `订单 ${no} 第 ${seq} 期`, en: `instalment ${seq} of order ${no}` };
  };

  const withAmount = requests.filter((r) => r.amountFen != null);
  const rest = requests.filter((r) => r.amountFen == null);
  for (const r of withAmount) {
    const amount = r.amountFen!;
    const list = targets(r);
    const w = what(r, list);
    if (list.length === 0) return { ok: false, reason: msg(`${w.zh} 没有待收款项（未确认、已取消、已收清或不属于该客户）`, `${w.en} has nothing open to pay (not confirmed, cancelled, fully paid or another account's)`) };
    if (!Number.isSafeInteger(amount) || amount <= 0) return { ok: false, reason: msg(`分配给${w.zh}的金额应大于 0`, `The amount allocated to ${w.en} must be above 0`) };
    const o = openOf(list);
    if (amount > o) return { ok: false, reason: msg(`超额分配：${w.zh} 只剩 ${yuan(o)} 元未收，不能分配 ${yuan(amount)} 元`, `Over-allocation: ${w.en} has only ${yuan(o)} yuan open, cannot allocate ${yuan(amount)}`) };
    if (amount > left) return { ok: false, reason: msg(`超额分配：只剩 ${yuan(left)} 元可分配，不能给${w.zh}分配 ${yuan(amount)} 元`, `Over-allocation: only ${yuan(left)} yuan is left to allocate, cannot give ${yuan(amount)} to ${w.en}`) };
    take(list, amount);
    left -= amount;
  }
  for (const r of rest) {
    const list = targets(r);
    const w = what(r, list);
    if (list.length === 0) return { ok: false, reason: msg(`${w.zh} 没有待收款项（未确认、已取消、已收清或不属于该客户）`, `${w.en} has nothing open to pay (not confirmed, cancelled, fully paid or another account's)`) };
    const o = openOf(list);
    if (o <= 0) return { ok: false, reason: msg(`${w.zh} 已经分配足额`, `${w.en} is already fully allocated`) };
    if (left <= 0) return { ok: false, reason: msg(`没有剩余金额可分配给${w.zh}`, `Nothing is left to allocate to ${w.en}`) };
    const amount = Math.min(o, left);
    take(list, amount);
    left -= amount;
  }
  return { ok: true, lines, allocatedFen: availableFen - left, remainderFen: left };
}

/** Oldest due first across every open instalment of the account, until the money runs out. */
export function planAutoAllocation(availableFen: Fen, openItems: readonly OpenItem[]): AllocationPlan {
  const lines: AllocationLine[] = [];
  let left = availableFen;
  for (const i of [...openItems].sort(byDue)) {
    if (left <= 0) break;
    const t = Math.min(i.openFen, left);
    if (t <= 0) continue;
    lines.push({ orderId: i.orderId, instalmentId: i.instalmentId, amountFen: t });
    left -= t;
  }
  return { ok: true, lines, allocatedFen: availableFen - left, remainderFen: left };
}

/** An existing net allocation of one payment to one instalment, candidate for release. */
export interface AllocatedPiece {
  paymentId: string;
  orderId: string;
  instalmentId: string;
  instalmentDueOn: string;
  instalmentSeq: number;
  paymentReceivedOn: string;
  paymentNo: string;
  netFen: Fen;
}

/**
 * Which allocations to undo to free `amountFen` (an order cancelled, returned goods that were already
 * paid for): latest-due instalment first, and within it the latest payment first, so the money that
 * stays allocated is the earliest money on the earliest dues. Pieces come back as negative lines.
 */
export function planRelease(amountFen: Fen, pieces: readonly AllocatedPiece[]): { paymentId: string; orderId: string; instalmentId: string; amountFen: Fen }[] {
  const sorted = [...pieces].sort((a, b) => {
    if (a.instalmentDueOn !== b.instalmentDueOn) return a.instalmentDueOn < b.instalmentDueOn ? 1 : -1;
    if (a.instalmentSeq !== b.instalmentSeq) return b.instalmentSeq - a.instalmentSeq;
    if (a.paymentReceivedOn !== b.paymentReceivedOn) return a.paymentReceivedOn < b.paymentReceivedOn ? 1 : -1;
    return a.paymentNo < b.paymentNo ? 1 : -1;
  });
  const out: { paymentId: string; orderId: string; instalmentId: string; amountFen: Fen }[] = [];
  let left = amountFen;
  for (const p of sorted) {
    if (left <= 0) break;
    const t = Math.min(p.netFen, left);
    if (t <= 0) continue;
    out.push({ paymentId: p.paymentId, orderId: p.orderId, instalmentId: p.instalmentId, amountFen: -t });
    left -= t;
  }
  return out;
}

/** Splits allocation lines over the payments whose unallocated credit pays for them, oldest payment first. */
export function drawFromCredits(lines: readonly AllocationLine[], credits: readonly { paymentId: string; unallocatedFen: Fen }[]): (AllocationLine & { paymentId: string })[] {
  const pool = credits.filter((c) => c.unallocatedFen > 0).map((c) => ({ ...c }));
  const out: (AllocationLine & { paymentId: string })[] = [];
  let ci = 0;
  for (const line of lines) {
    let rest = line.amountFen;
    while (rest > 0) {
      const c = pool[ci];
      if (!c) throw new Error('drawFromCredits: not enough credit (caller must check the net credit first)');
      const t = Math.min(c.unallocatedFen, rest);
      out.push({ ...line, paymentId: c.paymentId, amountFen: t });
      c.unallocatedFen -= t;
      rest -= t;
      if (c.unallocatedFen === 0) ci++;
    }
  }
  return out;
}
