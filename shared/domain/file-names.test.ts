import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFileName, safeFileName } from './file-names';

describe('file names', () => {
  it('removes separators, reserved characters and names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a<b>c:d"e|f?g*h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('报表. . ')).toBe('报表');
    expect(safeFileName('   ')).toBe('export');
    expect(exportFileName({ title: '业绩/排行', period: '2026-Q3', stamp: '20261123-1005', ext: 'xlsx' })).toBe('业绩_排行_2026-Q3_20261123-1005.xlsx');
  });

  it('never yields a path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const n = safeFileName(s);
        expect(n).not.toMatch(/[/\\]/);
        expect(n.length).toBeGreaterThan(0);
        expect(n).not.toBe('.');
        expect(n).not.toBe('..');
      }),
    );
  });
});
