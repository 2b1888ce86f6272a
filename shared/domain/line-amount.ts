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
