import { describe, expect, it } from 'vitest';
import { numberToIdText, parseBool, parseIntegerText } from './parse-scalar';

describe('scalars', () => {
  it('reads yes/no', () => {
    expect(parseBool('是')).toBe(true);
    expect(parseBool('否')).toBe(false);
    expect(parseBool('TRUE')).toBe(true);
    expect(parseBool('√')).toBe(true);
    expect(parseBool('也许')).toBeNull();
  });
  it('reads whole numbers and refuses fractions', () => {
    expect(parseIntegerText('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseIntegerText('１２个')).toEqual({ ok: true, value: 12 });
    expect(parseIntegerText('12.0')).toEqual({ ok: true, value: 12 });
    expect(parseIntegerText('12.5')).toMatchObject({ ok: false });
  });
  it('writes numeric IDs in full and flags the ones past Excel precision', () => {
    expect(numberToIdText(13800138000)).toEqual({ text: '13800138000' });
    expect(numberToIdText(123000000000000000)).toEqual({ text: '123000000000000000', note: 'precision' });
    expect(numberToIdText(8595602512225)).toEqual({ text: '8595602512225' });
    expect(numberToIdText(1.5)).toEqual({ text: '1.5' });
  });
});
