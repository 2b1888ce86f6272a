import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen } from '../money';
import { parseAmountNumber, parseAmountText, parsePercentNumber, parsePercentText } from './parse-amount';

const fen = (n: number) => expect.objectContaining({ ok: true, fen: n });

describe('parseAmountText', () => {
  it('reads currency signs, separators and units exactly', () => {
    expect(parseAmountText('¥1,280.00')).toEqual(fen(128000));
    expect(parseAmountText('￥１，２８０．５')).toEqual(fen(128050));
    expect(parseAmountText('RMB 1,280')).toEqual(fen(128000));
    expect(parseAmountText('1,280.00元')).toEqual(fen(128000));
    expect(parseAmountText('12.8万元')).toEqual(fen(12800000));
    expect(parseAmountText('12.8万')).toEqual(fen(12800000));
    expect(parseAmountText('1.5亿')).toEqual(fen(15000000000));
    expect(parseAmountText('82.00元/支')).toEqual(fen(8200));
    expect(parseAmountText('(1,200)')).toEqual(fen(-120000));
    expect(parseAmountText('-1,200.5')).toEqual(fen(-120050));
    expect(parseAmountText('¥80.00 ')).toEqual(fen(8000));
    expect(parseAmountText('¥0.35')).toEqual(fen(35));
    expect(parseAmountText('5000元整')).toEqual(fen(500000));
  });
  it('applies the header unit when the cell has none', () => {
    expect(parseAmountText('12.8', 10000)).toEqual(fen(12800000));
    expect(parseAmountText('3元', 10000)).toEqual(fen(300));
  });
  it('rounds half away from zero at the fen and says so', () => {
    expect(parseAmountText('1.005')).toEqual({ ok: true, fen: 101, note: 'rounded' });
    expect(parseAmountText('-1.005')).toEqual({ ok: true, fen: -101, note: 'rounded' });
  });
  it('refuses what is not an amount, including European decimal commas', () => {
    expect(parseAmountText('1,7')).toMatchObject({ ok: false, code: 'AMOUNT_FORMAT' });
    expect(parseAmountText('200.000.000')).toMatchObject({ ok: false, code: 'AMOUNT_FORMAT' });
    expect(parseAmountText('abc')).toMatchObject({ ok: false, code: 'AMOUNT_FORMAT' });
    expect(parseAmountText('')).toMatchObject({ ok: false });
    expect(parseAmountText('1e20')).toMatchObject({ ok: false, code: 'AMOUNT_RANGE' });
  });
  it('round-trips every formatted amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      expect(parseAmountText(`¥${formatFen(n)}`)).toEqual(fen(n));
      expect(parseAmountText(`-¥${formatFen(Math.abs(n))}`)).toEqual(fen(-Math.abs(n) || 0));
    }));
  });
});

describe('parseAmountNumber', () => {
  it('converts numeric cells without float drift', () => {
    expect(parseAmountNumber(0.1 + 0.2)).toEqual({ ok: true, fen: 30 });
    // Excel shows (and means) 15 significant digits: float noise must not move a half-fen.
    expect(parseAmountNumber(35621.354999999996)).toEqual({ ok: true, fen: 3562136, note: 'rounded' });
    expect(parseAmountNumber(1.005)).toEqual({ ok: true, fen: 101, note: 'rounded' });
    expect(parseAmountNumber(12.8, 10000)).toEqual(fen(12800000));
    expect(parseAmountNumber(2618.2)).toEqual(fen(261820));
    expect(parseAmountNumber(-3.5)).toEqual(fen(-350));
  });
});

describe('percentages', () => {
  it('reads percent text, fractions and discounts in basis points', () => {
    expect(parsePercentText('12.5%')).toEqual({ ok: true, bp: 1250 });
    expect(parsePercentText('13')).toEqual({ ok: true, bp: 1300, note: 'assumed-percent' });
    expect(parsePercentText('0.2')).toEqual({ ok: true, bp: 2000 });
    expect(parsePercentText('8折', { discount: true })).toEqual({ ok: true, bp: 2000 });
    expect(parsePercentText('85折', { discount: true })).toEqual({ ok: true, bp: 1500 });
    expect(parsePercentText('八五折', { discount: true })).toEqual({ ok: true, bp: 1500 });
    expect(parsePercentNumber(0.13)).toEqual({ ok: true, bp: 1300 });
    expect(parsePercentText('abc')).toMatchObject({ ok: false });
    expect(parsePercentNumber(250)).toMatchObject({ ok: false });
  });
});
