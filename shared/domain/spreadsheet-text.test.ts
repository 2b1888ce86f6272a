import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, csvLine, displayWidth, fitColumnWidth, fromInertText, inertText, isFormulaLike } from './spreadsheet-text';

describe('spreadsheet text', () => {
  it('recognises formula-like text', () => {
    for (const t of ['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1']) expect(isFormulaLike(t)).toBe(true);
    for (const t of ['华为', '1+1', ' =1', '', 'a=b']) expect(isFormulaLike(t)).toBe(false);
    expect(inertText('=1+1')).toBe("'=1+1");
    expect(inertText('上海')).toBe('上海');
  });

  it('reads inert text back as it was', () => {
    expect(fromInertText("'=HYPERLINK(\"http://x\")")).toBe('=HYPERLINK("http://x")');
    expect(fromInertText("'-2+3")).toBe('-2+3');
    expect(fromInertText("'twas")).toBe("'twas");
    expect(fromInertText('上海')).toBe('上海');
    // Any text that does not itself start with an apostrophe survives the round trip.
    fc.assert(fc.property(fc.string().filter((s) => !s.startsWith("'")), (s) => fromInertText(inertText(s)) === s));
  });

  it('quotes CSV fields and neutralises formulas', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('TRUE');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('counts CJK as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('华为技术')).toBe(8);
    expect(displayWidth('上海 Ltd.')).toBe(9);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('一行\n更长的一行')).toBe(10);
    expect(fitColumnWidth(['客户名称', '华为技术有限公司'])).toBe(18);
    expect(fitColumnWidth(['a'])).toBe(6);
    expect(fitColumnWidth(['x'.repeat(200)])).toBe(60);
  });
});
