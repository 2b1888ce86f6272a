import { type Fen, applyBasisPoints } from './money';

/**
 * Order line maths. Prices are tax-inclusive (含税单价), as Chinese quotes are: the line amount is
 * quantity × unit price − discount, and the VAT is the part of that amount it already contains.
 */
export interface LineInput {
  quantity: number;
  unitPriceFen: Fen;
  /** Discount in basis points of the gross amount (500 = 5 %). */
  discountBp: number;
  /** VAT rate in basis points (1300 = 13 %). */
  taxRateBp: number;
}

export interface LineAmount {
  grossFen: Fen;
  discountFen: Fen;
  /** quantity × unit price − discount, tax included. */
  amountFen: Fen;
  /** The tax contained in amountFen: amount × rate / (1 + rate), rounded half away from zero. */
  taxFen: Fen;
}

/** Rounds a / b to the nearest integer, halves away from zero (a, b integers, b > 0). */
export function divRound(a: number, b: number): number {
  const q = Math.trunc(a / b);
  const r = a - q * b;
  if (Math.abs(r) * 2 >= b) return q + Math.sign(a);
  return q;
}

export function lineAmount(line: LineInput): LineAmount {
  const grossFen = line.quantity * line.unitPriceFen;
  const discountFen = applyBasisPoints(grossFen, line.discountBp);
  const amountFen = grossFen - discountFen;
  const taxFen = divRound(amountFen * line.taxRateBp, 10_000 + line.taxRateBp);
  return { grossFen, discountFen, amountFen, taxFen };
}

export function orderTotals(lines: readonly LineInput[]): { totalFen: Fen; taxFen: Fen } {
  let totalFen = 0;
  let taxFen = 0;
  for (const l of lines) {
    const a = lineAmount(l);
    totalFen += a.amountFen;
    taxFen += a.taxFen;
  }
  return { totalFen, taxFen };
}

/**
 * The amount of a line that `doneQty` of its `quantity` units stand for (shipped, returned). Computed
 * cumulatively so that the parts of successive shipments always add up to the line amount exactly.
 */
export function proRataFen(amountFen: Fen, doneQty: number, quantity: number): Fen {
  if (quantity <= 0) return 0;
  if (doneQty >= quantity) return amountFen;
  return divRound(amountFen * doneQty, quantity);
}

/** Checks a line a user typed; returns what is wrong in both languages, or null. */
export function lineProblem(line: LineInput): { zh: string; en: string } | null {
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) return { zh: `数量应为正整数（收到 ${line.quantity}）`, en: `quantity must be a positive whole number (got ${line.quantity})` };
  if (!Number.isSafeInteger(line.unitPriceFen) || line.unitPriceFen < 0) return { zh: '单价不能为负数', en: 'unit price cannot be negative' };
  if (!Number.isInteger(line.discountBp) || line.discountBp < 0 || line.discountBp > 10_000) return { zh: '折扣应在 0% 到 100% 之间', en: 'discount must be between 0 % and 100 %' };
  if (!Number.isInteger(line.taxRateBp) || line.taxRateBp < 0 || line.taxRateBp > 10_000) return { zh: '税率应在 0% 到 100% 之间', en: 'tax rate must be between 0 % and 100 %' };
  if (!Number.isSafeInteger(line.quantity * line.unitPriceFen)) return { zh: '金额过大', en: 'amount is too large' };
  return null;
}

/**
 * A line a spreadsheet gives by its amount (数量 and 金额 but no 单价): the whole-fen unit price whose
 * line amount is that amount. When no price gives it exactly (the sheet's amount was itself rounded,
 * e.g. 5 × 2,258.62 at 25 % off = 8,469.825), the price whose amount comes closest (nearest the
 * quotient, then lower, on a tie); `exact` says which. Stored lines always obey lineAmount.
 */
export function lineFromAmount(line: { quantity: number; amountFen: Fen; discountBp: number; taxRateBp: number }): { unitPriceFen: Fen; amount: LineAmount; exact: boolean } {
  const { quantity, amountFen, discountBp, taxRateBp } = line;
  const net = quantity * (10_000 - discountBp);
  const guess = net > 0 ? divRound(amountFen * 10_000, net) : 0;
  let best: { unitPriceFen: Fen; amount: LineAmount } | null = null;
  for (let p = Math.max(0, guess - 2); p <= Math.max(0, guess + 2); p++) {
    const amount = lineAmount({ quantity, unitPriceFen: p, discountBp, taxRateBp });
    const off = Math.abs(amount.amountFen - amountFen);
    const bestOff = best === null ? Infinity : Math.abs(best.amount.amountFen - amountFen);
    // Equally good prices (a heavy discount makes several give the amount): the one nearest the quotient.
    if (off < bestOff || (off === bestOff && Math.abs(p - guess) < Math.abs(best!.unitPriceFen - guess))) best = { unitPriceFen: p, amount };
  }
  return { ...best!, exact: best!.amount.amountFen === amountFen };
}
