import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanSheetName, sheetNamer, sheetRef } from './sheet-names';

describe('sheet names', () => {
  it('cleans invalid characters and length', () => {
    expect(cleanSheetName('a[b]:c*d?e/f\\g')).toBe('a_b__c_d_e_f_g');
    expect(cleanSheetName("'张三'")).toBe('张三');
    expect(cleanSheetName('   ')).toBe('Sheet');
    expect(cleanSheetName('History')).toBe('History_');
    expect([...cleanSheetName('很'.repeat(40))]).toHaveLength(31);
  });

  it('dedupes case-insensitively within 31 characters', () => {
    const next = sheetNamer();
    expect(next('张三')).toBe('张三');
    expect(next('张三')).toBe('张三 (2)');
    expect(next('ABC')).toBe('ABC');
    expect(next('abc')).toBe('abc (2)');
    const long = 'x'.repeat(40);
    expect(next(long)).toBe('x'.repeat(31));
    expect(next(long)).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('always yields valid unique names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (raws) => {
        const next = sheetNamer();
        const names = raws.map(next);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) {
          expect([...n].length).toBeLessThanOrEqual(31);
          expect(n).not.toMatch(/[[\]:*?/\\]/);
          expect(n.trim()).not.toBe('');
          expect(n.startsWith("'")).toBe(false);
        }
      }),
    );
  });

  it('quotes references', () => {
    expect(sheetRef("张三's")).toBe("'张三''s'");
  });
});
