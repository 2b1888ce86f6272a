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
  it('collapses whitespace for single-line fields and knows nullish tokens', () => {
    expect(singleLine(' 上海  浦东\n新区 ')).toBe('上海 浦东 新区');
    expect(isNullish('N/A')).toBe(true);
    expect(isNullish('无')).toBe(true);
    expect(isNullish('0')).toBe(false);
  });
});
