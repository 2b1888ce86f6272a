import type { Fen } from '../money';
import { toHalfWidth } from './text-clean';

/**
 * Money as reps write it: ¥1,280.00 / ￥1280 / RMB 1,280 / 1,280.00元 / 12.8万元 / 1.5亿 / 82.00元/支 /
 * (1,200) for a negative / 1 280,50 is refused (a decimal comma cannot be told from a thousands comma).
 * Everything is exact decimal arithmetic on BigInt: 12.8万元 is 12,800,000 fen, never 12799999.99….
 */
export type AmountParse =
  | { ok: true; fen: Fen; note?: 'rounded' }
  | { ok: false; code: 'AMOUNT_FORMAT' | 'AMOUNT_RANGE'; detail: string };

const UNIT_FACTORS: Record<string, bigint> = { '': 1n, 元: 1n, 块: 1n, 千元: 1000n, 千: 1000n, 万元: 10_000n, 万: 10_000n, 百万: 1_000_000n, 百万元: 1_000_000n, 亿元: 100_000_000n, 亿: 100_000_000n };
const MAX_FEN = 10n ** 13n;

interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

/** "1,234.5" / "1234.5" / "1.2e3" → exact decimal; grouping commas must come in threes. */
export function parseDecimal(text: string): Decimal | null {
  const m = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const whole = (m[2] ?? '0').replaceAll(',', '');
  const frac = m[3] ?? '';
  let digits = BigInt(whole + frac);
  let scale = frac.length;
  const exp = m[4] ? Number(m[4]) : 0;
  if (exp > 0) {
    if (exp > scale) {
      digits *= 10n ** BigInt(exp - scale);
      scale = 0;
    } else scale -= exp;
  } else scale -= exp;
  return { negative: m[1] === '-', digits, scale };
}

/** value × factor as integer units, rounded half away from zero; whether rounding dropped digits. */
function scaleTo(dec: Decimal, factor: bigint): { value: bigint; rounded: boolean } {
  const scaled = dec.digits * factor;
  if (dec.scale <= 0) return { value: scaled * 10n ** BigInt(-dec.scale), rounded: false };
  const div = 10n ** BigInt(dec.scale);
  const q = scaled / div;
  const r = scaled % div;
  return { value: r * 2n >= div ? q + 1n : q, rounded: r !== 0n };
}

function stripCurrency(text: string): { text: string; negative: boolean } {
  let t = toHalfWidth(text).replace(/\s+/g, '').replace(/[¥￥]/g, '');
  t = t.replace(/^(RMB|CNY|人民币)/i, '').replace(/(RMB|CNY)$/i, '');
  // Per-unit price suffixes: 82.00元/支, 12元/盒, 5.5/kg.
  t = t.replace(/\/[^\d/]{1,4}$/, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  if (t.startsWith('-') && t.length > 1 && /^-[¥￥]/.test(text.trim())) {
    negative = !negative;
    t = t.slice(1);
  }
  return { text: t, negative };
}

/**
 * Parses an amount in yuan into fen. unitFactor comes from the column header (金额（万元）→ 10000);
 * a unit written in the cell itself (12.8万元) takes precedence over the header's.
 */
export function parseAmountText(raw: string, unitFactor = 1): AmountParse {
  const { text, negative } = stripCurrency(raw);
  const m = /^(.*?)(千元|千|万元|万|百万元|百万|亿元|亿|元|块)?(整)?$/.exec(text);
  const body = m?.[1] ?? text;
  const unit = m?.[2];
  const dec = parseDecimal(body);
  if (!dec) return { ok: false, code: 'AMOUNT_FORMAT', detail: raw };
  const factor = unit !== undefined ? UNIT_FACTORS[unit]! : BigInt(unitFactor);
  const { value, rounded } = scaleTo(dec, factor * 100n);
  if (value > MAX_FEN) return { ok: false, code: 'AMOUNT_RANGE', detail: raw };
  const sign = dec.negative !== negative ? -1 : 1;
  const fen = sign * Number(value);
  return rounded ? { ok: true, fen: fen === 0 ? 0 : fen, note: 'rounded' } : { ok: true, fen: fen === 0 ? 0 : fen };
}

/**
 * The decimal a spreadsheet number stands for: Excel keeps and shows 15 significant digits, so a cell
 * holding 35621.354999999996 (float noise from a formula) is 35621.355 to the user, and to us.
 */
export function excelDecimalText(value: number): string {
  return value.toPrecision(15);
}

/** A number read from a numeric cell (yuan × unitFactor) → fen, through the decimal Excel shows. */
export function parseAmountNumber(value: number, unitFactor = 1): AmountParse {
  if (!Number.isFinite(value)) return { ok: false, code: 'AMOUNT_FORMAT', detail: String(value) };
  const dec = parseDecimal(excelDecimalText(value));
  if (!dec) return { ok: false, code: 'AMOUNT_FORMAT', detail: String(value) };
  const { value: v, rounded } = scaleTo(dec, BigInt(unitFactor) * 100n);
  if (v > MAX_FEN) return { ok: false, code: 'AMOUNT_RANGE', detail: String(value) };
  const fen = dec.negative ? -Number(v) : Number(v);
  return rounded ? { ok: true, fen: fen === 0 ? 0 : fen, note: 'rounded' } : { ok: true, fen: fen === 0 ? 0 : fen };
}

export type PercentParse = { ok: true; bp: number; note?: 'assumed-percent' } | { ok: false; code: 'PERCENT_FORMAT'; detail: string };

/**
 * Percentages in basis points (1 % = 100 bp): "12.5%", 0.125 (a % formatted cell holds the fraction),
 * "13" in a tax-rate column means 13 %. With discount: true, "8折" / "八五折" (pay 80 % / 85 %) become a
 * 20 % / 15 % discount.
 */
export function parsePercentText(raw: string, opts: { discount?: boolean } = {}): PercentParse {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  if (opts.discount) {
    const zhe = /^([0-9.]+|[一二三四五六七八九]{1,2})折$/.exec(text);
    if (zhe) {
      const digits = zhe[1]!.replace(/[一二三四五六七八九]/g, (c) => String('一二三四五六七八九'.indexOf(c) + 1));
      const n = Number(digits.length === 2 && !digits.includes('.') ? `${digits[0]}.${digits[1]}` : digits);
      if (Number.isFinite(n) && n > 0 && n <= 10) return { ok: true, bp: Math.round((10 - n) * 1000) };
    }
  }
  const pct = /^(.*?)(%|％|‰)$/.exec(text);
  const dec = parseDecimal(pct ? pct[1]! : text);
  if (!dec) return { ok: false, code: 'PERCENT_FORMAT', detail: raw };
  const sign = dec.negative ? -1 : 1;
  if (pct) {
    const factor = pct[2] === '‰' ? 10n : 100n;
    return { ok: true, bp: sign * Number(scaleTo(dec, factor).value) };
  }
  return parsePercentNumber(sign * (Number(dec.digits) / 10 ** dec.scale));
}

export function parsePercentNumber(value: number): PercentParse {
  if (!Number.isFinite(value)) return { ok: false, code: 'PERCENT_FORMAT', detail: String(value) };
  const dec = parseDecimal(excelDecimalText(Math.abs(value)));
  if (!dec) return { ok: false, code: 'PERCENT_FORMAT', detail: String(value) };
  const sign = value < 0 ? -1 : 1;
  if (Math.abs(value) <= 1) return { ok: true, bp: sign * Number(scaleTo(dec, 10_000n).value) };
  if (Math.abs(value) <= 100) return { ok: true, bp: sign * Number(scaleTo(dec, 100n).value), note: 'assumed-percent' };
  return { ok: false, code: 'PERCENT_FORMAT', detail: String(value) };
}
