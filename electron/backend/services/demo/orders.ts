import { lineAmount } from '../../../../shared/domain/line-amount';
import { splitFen } from '../../../../shared/domain/money';
import type { AccountPlan } from './account-plan';
import type { SeedContext } from './context';
import { CATEGORY_LINE_WEIGHT, type SeedProduct } from './products';
import { weighted, weightedPicker, type SeededRandom } from './random';
import type { SeedRep } from './reps';
import { CARRIERS, ORDER_NOTES, RETURN_REASONS } from './texts';

export type OrderState = 'draft' | 'confirmed' | 'partly_shipped' | 'shipped' | 'completed' | 'on_hold' | 'cancelled';

export interface SeedLine {
  id: string;
  lineNo: number;
  product: SeedProduct;
  qty: number;
  priceFen: number;
  discountBp: number;
  amountFen: number;
  taxFen: number;
  shippedQty: number;
  returnedQty: number;
}

export interface SeedShipmentLine {
  id: string;
  line: SeedLine;
  qty: number;
  amountFen: number;
}

export interface SeedShipment {
  id: string;
  no: string;
  day: number;
  amountFen: number;
  notes: string;
  lines: SeedShipmentLine[];
}

export interface SeedInstalment {
  id: string;
  seq: number;
  label: string;
  dueDay: number;
  amountFen: number;
  /** The amount before a return reduced it (a customer who had already paid pays this much). */
  originalFen: number;
  prepay: boolean;
  paidFen: number;
  paidDay: number | null;
}

export interface SeedReturn {
  id: string;
  day: number;
  reason: string;
  amountFen: number;
  refundFen: number;
  lines: { id: string; line: SeedLine; qty: number; amountFen: number }[];
}

export interface SeedOrder {
  id: string;
  no: string;
  day: number;
  rep: SeedRep | null;
  state: OrderState;
  heldFrom: OrderState | null;
  confirmDay: number | null;
  promisedDay: number;
  shippedDay: number | null;
  completedDay: number | null;
  cancelledDay: number | null;
  customerPo: string | null;
  termsDays: number;
  totalFen: number;
  taxFen: number;
  shippedFen: number;
  collectedFen: number;
  returnedFen: number;
  creditStatus: string | null;
  notes: string | null;
  lines: SeedLine[];
  shipments: SeedShipment[];
  instalments: SeedInstalment[];
  ret: SeedReturn | null;
  /** Last day anything happened to the order (for updated_at). */
  lastEventDay: number;
  createdAt: number;
}

const DISCOUNTS_BP = [
  [0, 70],
  [300, 10],
  [500, 10],
  [800, 5],
  [1000, 5],
] as const;
const CONFIRM_AFTER_DAYS = [
  [0, 60],
  [1, 25],
  [2, 10],
  [3, 5],
] as const;

/** Draws products for one account: mostly from the categories its industry buys. */
export class ProductChooser {
  private readonly byCategory = new Map<string, SeedProduct[]>();
  private readonly categories: string[];

  constructor(products: readonly SeedProduct[]) {
    for (const p of products) this.byCategory.set(p.category, [...(this.byCategory.get(p.category) ?? []), p]);
    this.categories = [...this.byCategory.keys()];
  }

  pickerFor(buys: readonly string[]): (r: SeededRandom) => SeedProduct {
    const weights = this.categories.map((c) => (CATEGORY_LINE_WEIGHT[c] ?? 1) * (buys.includes(c) ? 3 : 1));
    const pickCategory = weightedPicker(weights);
    return (r) => r.pick(this.byCategory.get(this.categories[pickCategory(r)]!)!);
  }
}

/**
 * One order with its lines, state as of yesterday, shipments, return and instalment plan (payments come
 * later, per account). Dates follow a timeline: ordered → confirmed → shipped (maybe in two lots) →
 * completed, with some cancelled before shipping and a few quotes left in draft.
 */
export function buildOrder(
  ctx: SeedContext,
  account: AccountPlan,
  pickProduct: (r: SeededRandom) => SeedProduct,
  rep: SeedRep | null,
  day: number,
  lineCount: number,
  orderNo: string,
  poStyle: number,
): SeedOrder {
  const { r } = ctx;
  const Y = ctx.lastDay;
  const createdAt = ctx.stamp(day);
  const id = ctx.id(createdAt);

  const lines: SeedLine[] = [];
  const seen = new Set<string>();
  let hasEquipment = false;
  const qtyBoost = account.tier === 'A' ? 1.6 : account.tier === 'B' ? 1.15 : 1;
  for (let i = 0; i < lineCount; i++) {
    let product = pickProduct(r);
    for (let t = 0; t < 3 && (seen.has(product.id) || (product.sku === 'EQ-VFD-022' && day > Y - 180) || (product.sku === 'SW-APP-MOD' && day > Y - 240)); t++) product = pickProduct(r);
    seen.add(product.id);
    if (product.category === '设备') hasEquipment = true;
    const u = r.next();
    const qty = Math.max(1, Math.min(product.maxQty * 2, Math.round((product.minQty + u * u * (product.maxQty - product.minQty)) * qtyBoost)));
    const priceFen = r.chance(0.82) ? product.priceFen : Math.round((product.priceFen * r.int(92, 105)) / 100);
    const discountBp = weighted(r, DISCOUNTS_BP);
    // The order services' line maths, so a demo order is exactly what entering it would give.
    const { amountFen, taxFen } = lineAmount({ quantity: qty, unitPriceFen: priceFen, discountBp, taxRateBp: product.taxRateBp });
    lines.push({ id: '', lineNo: i + 1, product, qty, priceFen, discountBp, amountFen, taxFen, shippedQty: 0, returnedQty: 0 });
  }
  for (const l of lines) l.id = ctx.id(createdAt);
  let totalFen = 0;
  let taxFen = 0;
  for (const l of lines) {
    totalFen += l.amountFen;
    taxFen += l.taxFen;
  }

  // The timeline, as planned when the order came in.
  const confirmDay = day + weighted(r, CONFIRM_AFTER_DAYS);
  const lead = hasEquipment ? r.int(7, 30) : r.int(1, 10);
  const ship1 = confirmDay + lead;
  const wantsSplit = r.chance(0.2) && lines.some((l) => l.qty > 1 || lines.length > 1);
  const ship2 = wantsSplit ? ship1 + r.int(4, 25) : ship1;
  const completes = r.chance(0.9);
  const completeDay = ship2 + r.int(2, 25);
  const cancels = r.chance(0.04);
  const cancelDay = day + r.int(0, Math.max(0, Math.min(12, ship1 - day - 1)));
  const staleDraft = r.chance(0.004);
  const promisedDay = ship2 + r.int(0, 5);

  let state: OrderState;
  if (cancels && cancelDay <= Y) state = 'cancelled';
  else if (staleDraft || confirmDay > Y) state = 'draft';
  else if (ship1 > Y) state = 'confirmed';
  else if (wantsSplit && ship2 > Y) state = 'partly_shipped';
  else if (completes && completeDay <= Y) state = 'completed';
  else state = 'shipped';

  const order: SeedOrder = {
    id,
    no: orderNo,
    day,
    rep,
    state,
    heldFrom: null,
    confirmDay: state === 'draft' || (state === 'cancelled' && cancelDay < confirmDay) ? null : confirmDay,
    promisedDay,
    shippedDay: null,
    completedDay: state === 'completed' ? completeDay : null,
    cancelledDay: state === 'cancelled' ? cancelDay : null,
    customerPo: poStyle === 0 ? null : poStyle === 1 ? `PO${ctx.date(day).replaceAll('-', '').slice(0, 6)}${r.digits(4)}` : `CG-${ctx.date(day).slice(0, 4)}-${r.digits(5)}`,
    termsDays: account.termsDays,
    totalFen,
    taxFen,
    shippedFen: 0,
    collectedFen: 0,
    returnedFen: 0,
    creditStatus: null,
    notes: r.chance(0.08) ? r.pick(ORDER_NOTES) : null,
    lines,
    shipments: [],
    instalments: [],
    ret: null,
    lastEventDay: day,
    createdAt,
  };
  if (order.confirmDay !== null) order.creditStatus = r.chance(0.96) ? 'pass' : 'warn';

  // Shipments up to yesterday.
  if (state === 'partly_shipped' || state === 'shipped' || state === 'completed') {
    const first = new Map<SeedLine, number>();
    if (wantsSplit) {
      for (const l of lines) first.set(l, l.qty >= 2 ? Math.min(l.qty - 1, Math.max(1, Math.floor(l.qty * (0.3 + 0.4 * r.next())))) : r.chance(0.5) ? 1 : 0);
      if ([...first.values()].every((q) => q === 0)) first.set(lines[0]!, lines[0]!.qty);
    } else {
      for (const l of lines) first.set(l, l.qty);
    }
    const lots: { day: number; qty: Map<SeedLine, number> }[] = [{ day: ship1, qty: first }];
    const rest = new Map<SeedLine, number>();
    for (const l of lines) if (l.qty - first.get(l)! > 0) rest.set(l, l.qty - first.get(l)!);
    if (rest.size > 0 && state !== 'partly_shipped') lots.push({ day: ship2, qty: rest });
    if (rest.size === 0 && state === 'partly_shipped') {
      order.state = state = completes && completeDay <= Y ? 'completed' : 'shipped';
      if (state === 'completed') order.completedDay = completeDay;
    }
    for (const lot of lots) {
      const at = ctx.stamp(lot.day);
      const shipment: SeedShipment = { id: ctx.id(at), no: ctx.numbers.next('SH', ctx.date(lot.day).slice(0, 4)), day: lot.day, amountFen: 0, notes: carrierNote(r), lines: [] };
      for (const [l, q] of lot.qty) {
        if (q <= 0) continue;
        const amountFen = l.shippedQty + q === l.qty ? l.amountFen - Math.round((l.amountFen * l.shippedQty) / l.qty) : Math.round((l.amountFen * q) / l.qty);
        l.shippedQty += q;
        shipment.amountFen += amountFen;
        shipment.lines.push({ id: ctx.id(at), line: l, qty: q, amountFen });
      }
      order.shipments.push(shipment);
      order.shippedFen += shipment.amountFen;
      order.shippedDay = lot.day;
      order.lastEventDay = lot.day;
    }
    if (order.state === 'completed') order.lastEventDay = completeDay;
    else order.completedDay = null;
  }
  if (order.cancelledDay !== null) order.lastEventDay = order.cancelledDay;
  else if (order.confirmDay !== null && order.shipments.length === 0) order.lastEventDay = order.confirmDay;

  // A few customers send part of a delivery back (never more than a quarter of the order).
  if ((state === 'shipped' || state === 'completed') && r.chance(0.025)) {
    const returnDay = ship2 + r.int(3, 45);
    if (returnDay <= Y) {
      const at = ctx.stamp(returnDay);
      const ret: SeedReturn = { id: ctx.id(at), day: returnDay, reason: r.pick(RETURN_REASONS), amountFen: 0, refundFen: 0, lines: [] };
      for (const l of r.sample(lines, r.chance(0.7) ? 1 : 2)) {
        let q = Math.max(1, Math.floor(l.qty * (0.1 + 0.4 * r.next())));
        let amount = Math.round((l.amountFen * q) / l.qty);
        while (q > 0 && ret.amountFen + amount > totalFen / 4) {
          q--;
          amount = Math.round((l.amountFen * q) / l.qty);
        }
        if (q === 0) continue;
        l.returnedQty = q;
        ret.amountFen += amount;
        ret.lines.push({ id: ctx.id(at), line: l, qty: q, amountFen: amount });
      }
      if (ret.lines.length > 0) {
        order.ret = ret;
        order.returnedFen = ret.amountFen;
        order.lastEventDay = Math.max(order.lastEventDay, returnDay);
      }
    }
  }

  if (order.confirmDay !== null && state !== 'cancelled') planInstalments(ctx, order, ship1, ship2, order.confirmDay);
  return order;
}

function carrierNote(r: SeededRandom): string {
  const u = r.next();
  if (u < 0.1) return '客户自提';
  if (u < 0.2) return '公司车辆配送';
  const [name, prefix, digits] = r.pick(CARRIERS);
  return `${name} ${prefix}${r.digits(digits, true)}`;
}

/**
 * 回款计划: 100 % on terms after delivery, 30 % deposit + 70 % on terms, or 30/40/30 for big orders;
 * 款到发货 customers pay everything on confirmation. The amounts add up to total − returned.
 */
function planInstalments(ctx: SeedContext, order: SeedOrder, ship1: number, lastShip: number, confirmDay: number): void {
  const { r } = ctx;
  const terms = order.termsDays;
  type Part = [label: string, weight: number, due: number, prepay: boolean];
  let parts: Part[];
  if (terms === 0) parts = [['款到发货', 1, confirmDay, true]];
  else if (order.totalFen >= 20_000_000 && r.chance(0.5)) {
    parts = [
      ['预付款 30%', 30, confirmDay, true],
      ['发货款 40%', 40, ship1, false],
      [`尾款 30%（月结 ${terms} 天）`, 30, lastShip + terms, false],
    ];
  } else if (r.chance(0.25)) {
    parts = [
      ['预付款 30%', 30, confirmDay, true],
      [`尾款 70%（月结 ${terms} 天）`, 70, lastShip + terms, false],
    ];
  } else parts = [[`全款（月结 ${terms} 天）`, 1, lastShip + terms, false]];
  const amounts = splitFen(order.totalFen, parts.map((p) => p[1]));
  const original = amounts.slice();
  amounts[amounts.length - 1]! -= order.returnedFen;
  const at = ctx.stamp(confirmDay);
  let seq = 0;
  parts.forEach(([label, , due, prepay], i) => {
    if (amounts[i]! <= 0) return;
    seq++;
    order.instalments.push({ id: ctx.id(at), seq, label, dueDay: due, amountFen: amounts[i]!, originalFen: original[i]!, prepay, paidFen: 0, paidDay: null });
  });
}
