import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from './credit-code';

describe('统一社会信用代码', () => {
  it('accepts real codes', () => {
    // Published codes of well-known companies.
    expect(validateCreditCode('91440300708461136T')).toBeNull(); // 华为技术有限公司
    expect(validateCreditCode('91110000802100433B')).toBeNull(); // 中国石油化工股份有限公司
    expect(validateCreditCode('91330100716105852F')).toBeNull(); // 阿里巴巴（中国）网络技术有限公司
  });
  it('names what is wrong', () => {
    expect(validateCreditCode('91440300708461136')).toBe('length');
    expect(validateCreditCode('91440300708461136I')).toBe('character');
    expect(validateCreditCode('91440300708461136A')).toBe('checksum');
  });
  it('computes the check character and normalises pasted text', () => {
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
    expect(normalizeCreditCode(' ９１４４０３００７０８４６１１３６ｔ ')).toBe('91440300708461136T');
  });
});
