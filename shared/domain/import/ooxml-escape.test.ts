import { describe, expect, it } from 'vitest';
import { decodeOoxmlEscapes } from './ooxml-escape';

describe('decodeOoxmlEscapes', () => {
  it('decodes _x000D_ to a carriage return', () => {
    expect(decodeOoxmlEscapes('a_x000D_b')).toBe('a\rb');
  });
  it('decodes the escaped underscore once and does not decode the result again', () => {
    expect(decodeOoxmlEscapes('SH_x005F_x000D_Z002')).toBe('SH_x000D_Z002');
    expect(decodeOoxmlEscapes('SH_x005f_x000D_Z002')).toBe('SH_x000D_Z002');
  });
  it('leaves text without escapes and malformed escapes alone', () => {
    expect(decodeOoxmlEscapes('_x12_ and _xZZZZ_')).toBe('_x12_ and _xZZZZ_');
    expect(decodeOoxmlEscapes('普通文本')).toBe('普通文本');
  });
});
