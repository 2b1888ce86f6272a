import { describe, expect, it } from 'vitest';
import { parsePhone, phoneKey } from './parse-phone';

describe('parsePhone', () => {
  it('normalises mobiles with country codes and separators', () => {
    expect(parsePhone('138-0013-8000')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile' });
    expect(parsePhone('+86 138 0013 8000')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile' });
    expect(parsePhone('008613800138000')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile' });
    expect(parsePhone('１３８００１３８０００')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile' });
  });
  it('normalises landlines with area codes and extensions', () => {
    expect(parsePhone('(0571)8888 8888')).toEqual({ ok: true, phone: '0571-88888888', kind: 'landline' });
    expect(parsePhone('010-12345678')).toEqual({ ok: true, phone: '010-12345678', kind: 'landline' });
    expect(parsePhone('021-1234567 转 801')).toEqual({ ok: true, phone: '021-1234567-801', kind: 'landline' });
    expect(parsePhone('021-12345678-801')).toEqual({ ok: true, phone: '021-12345678-801', kind: 'landline' });
    expect(parsePhone('400-820-8820')).toEqual({ ok: true, phone: '4008208820', kind: 'service' });
  });
  it('keeps the first of several numbers and flags it', () => {
    expect(parsePhone('13800138000/13900139000')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile', note: 'several' });
  });
  it('rejects what is not a phone number', () => {
    expect(parsePhone('12345')).toMatchObject({ ok: false });
    expect(parsePhone('abc')).toMatchObject({ ok: false });
    expect(parsePhone('23800138000')).toMatchObject({ ok: false });
  });
  it('gives one key for the same number written differently', () => {
    expect(phoneKey('0571-8888 8888')).toBe(phoneKey('(0571)88888888'));
    expect(phoneKey(null)).toBe('');
  });
});
