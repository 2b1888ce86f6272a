import { describe, expect, it } from 'vitest';
import { bracketVariants, cleanCellText, isNullish, singleLine, toHalfWidth, toHalfWidthText } from './text-clean';

describe('text cleaning', () => {
  it('turns full-width digits, letters and punctuation into half-width', () => {
    expect(toHalfWidth('１２３ＡＢＣ，（）％')).toBe('123ABC,()%');
    expect(toHalfWidth('华为\u3000技术')).toBe('华为 技术');
  });
  it('keeps Chinese punctuation in text as typed', () => {
    expect(toHalfWidthText('鑫顺涂料（南京）有限公司')).toBe('鑫顺涂料（南京）有限公司');
    expect(toHalfWidthText('ＡＢＣ科技，１号楼：东／西％')).toBe('ABC科技，1号楼：东/西%');
    expect(toHalfWidthText('华为\u3000技术')).toBe('华为 技术');
  });
  it('writes a name with its brackets either way', () => {
    expect(bracketVariants('鑫顺涂料(南京)有限公司')).toEqual(['鑫顺涂料(南京)有限公司', '鑫顺涂料（南京）有限公司']);
    expect(bracketVariants('鑫顺涂料（南京）有限公司')).toEqual(['鑫顺涂料（南京）有限公司', '鑫顺涂料(南京)有限公司']);
    expect(bracketVariants('杭州星河科技有限公司')).toEqual(['杭州星河科技有限公司']);
  });
  it('trims, drops invisible and control characters and reports the controls', () => {
    expect(cleanCellText('\u200B 13800138000\t')).toEqual({ text: '13800138000', removedControls: false });
    expect(cleanCellText('a\u0000b')).toEqual({ text: 'ab', removedControls: true });
    expect(cleanCellText('line1\r\nline2')).toEqual({ text: 'line1\nline2', removedControls: false });
    expect(cleanCellText('x\u00A0y').text).toBe('x y');
  });
  it('cleans random text exactly as the full pass does, fast path or not', () => {
    // The full pass, written out: the quick check for "nothing to clean" must never change a result.
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
    const full = (raw: string) => {
      const removedControls = raw.replace(CONTROL, '') !== raw;
      const text = raw.replace(CONTROL, '').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').replace(/\r\n?/g, '\n');
      return { text: text.trim(), removedControls };
    };
    const alphabet = ['a', '华', '1', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u000B', '\u001F', '\u007F', '\u200B', '\u2060', '\uFEFF', '\u00AD', '\u00A0', '\u2003', '\u202F', '\u205F', '\u3000', '\u0085', '\u2028'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const len = Math.floor(next() * 8);
      for (let k = 0; k < len; k++) s += next() < 0.6 ? alphabet[Math.floor(next() * 3)] : alphabet[Math.floor(next() * alphabet.length)];
      expect(cleanCellText(s)).toEqual(full(s));
    }
  });
  it('collapses whitespace for single-line fields and knows nullish tokens', () => {
    expect(singleLine(' 上海  浦东\n新区 ')).toBe('上海 浦东 新区');
    expect(isNullish('N/A')).toBe(true);
    expect(isNullish('无')).toBe(true);
    expect(isNullish('0')).toBe(false);
  });
});
