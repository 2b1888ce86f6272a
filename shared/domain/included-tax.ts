/**
 * Chinese prices are quoted tax-inclusive (含税). The VAT contained in a tax-inclusive amount is
 * amount − amount ÷ (1 + rate); the net part is rounded half away from zero in integer arithmetic,
 * so net + tax always equals the amount exactly.
 */
export function includedTaxFen(amountFen: number, taxRateBp: number): number {
  if (!Number.isSafeInteger(amountFen) || !Number.isInteger(taxRateBp) || taxRateBp < 0) throw new RangeError(`bad amount or rate: ${amountFen}, ${taxRateBp}`);
  const sign = amountFen < 0 ? -1 : 1;
  const abs = Math.abs(amountFen);
  const divisor = 10_000 + taxRateBp;
  const net = Math.floor((2 * abs * 10_000 + divisor) / (2 * divisor));
  return sign * (abs - net);
}
