/**
 * Chart axes in a unit a reader takes in at a glance: Chinese readers count in 万 and 亿 (万元, 亿元),
 * English readers in thousands and millions. Amounts arrive as fen.
 */
export interface MoneyScale {
  /** Fen per axis unit. */
  divisor: number;
  unit: string;
}

export function moneyScale(maxFen: number, lang: string): MoneyScale {
  const yuan = Math.abs(maxFen) / 100;
  if (lang === 'en') {
    if (yuan >= 1e9) return { divisor: 1e11, unit: 'CNY bn' };
    if (yuan >= 1e6) return { divisor: 1e8, unit: 'CNY m' };
    if (yuan >= 1e4) return { divisor: 1e5, unit: 'CNY k' };
    return { divisor: 100, unit: 'CNY' };
  }
  if (yuan >= 1e9) return { divisor: 1e10, unit: '亿元' };
  if (yuan >= 1e5) return { divisor: 1e6, unit: '万元' };
  return { divisor: 100, unit: '元' };
}

/** An axis tick: no more decimals than the scale needs. */
export function scaled(fen: number, s: MoneyScale): number {
  return Math.round((fen / s.divisor) * 100) / 100;
}

/** A headline amount: 631.01万 / 6.31亿 in Chinese, 6.31m / 1.2bn in English (the exact figure goes in a tooltip). */
export function compactYuan(fen: number, lang: string): string {
  const yuan = fen / 100;
  const a = Math.abs(yuan);
  const fixed = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
  if (lang === 'en') {
    if (a >= 1e9) return `${fixed(yuan / 1e9)}bn`;
    if (a >= 1e6) return `${fixed(yuan / 1e6)}m`;
    if (a >= 1e3) return `${fixed(yuan / 1e3)}k`;
    return fixed(yuan);
  }
  if (a >= 1e8) return `${fixed(yuan / 1e8)}亿`;
  if (a >= 1e4) return `${fixed(yuan / 1e4)}万`;
  return fixed(yuan);
}
