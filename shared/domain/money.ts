/**
 * Money is integer fen (1/100 CNY) everywhere: in the database, in the contract and in domain rules.
 * Floats only ever appear at the edges (a user typing "12.5" or a spreadsheet cell), and are converted
 * here, once, by decimal string arithmetic so that 0.1 + 0.2 style errors never reach a ledger.
 */

export type Fen = number;

const MAX_SAFE_FEN = Number.MAX_SAFE_INTEGER;

/** Parses a plain decimal yuan string ("1280", "-3.5", "0.07") into fen. Returns null when it is not one. */
export function parseYuan(text: string): Fen | null {
  const m = /^\s*([+-]?)(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  // Round half away from zero at the third decimal, as accountants do.
  const cents = (frac + '000').slice(0, 2);
  const third = Number((frac + '000')[2]);
  let fen = BigInt(whole ?? '0') * 100n + BigInt(cents);
  if (third >= 5) fen += 1n;
  if (fen > BigInt(MAX_SAFE_FEN)) return null;
  const value = Number(fen);
  return sign === '-' ? -value : value;
}

/** Converts a yuan amount held as a JS number (e.g. from a spreadsheet cell) to fen without float drift. */
export function yuanNumberToFen(yuan: number): Fen | null {
  if (!Number.isFinite(yuan)) return null;
  // toFixed(3) gives the decimal the user saw; parseYuan rounds it properly.
  return parseYuan(yuan.toFixed(3));
}

/** 123456 → "1,234.56"; negative amounts keep a leading minus. */
export function formatFen(fen: Fen, opts: { grouping?: boolean } = {}): string {
  const grouping = opts.grouping ?? true;
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, '0');
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** fen → yuan as a number, for charts and spreadsheet cells only (never for arithmetic). */
export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** Multiplies an amount by a ratio given in basis points (1 bp = 0.01 %), rounding half away from zero. */
export function applyBasisPoints(fen: Fen, bp: number): Fen {
  const product = fen * bp;
  const q = Math.trunc(product / 10_000);
  const r = product - q * 10_000;
  if (Math.abs(r) * 2 >= 10_000) return q + Math.sign(product);
  return q;
}

/** Splits an amount into parts proportional to weights; the parts always add up to the amount exactly. */
export function splitFen(total: Fen, weights: readonly number[]): Fen[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = parts.length - 1; rest !== 0 && i >= 0; i--) {
    const step = Math.sign(rest);
    parts[i] = (parts[i] ?? 0) + step;
    rest -= step;
  }
  return parts;
}

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
