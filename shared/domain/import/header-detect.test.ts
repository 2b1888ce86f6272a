import { describe, expect, it } from 'vitest';
import type { GridRow, MergeRange } from './grid';
import { columnIndex, columnLetter, parseRange } from './grid';
import { buildHeaders, dedupeHeaders, detectHeaderRow } from './header-detect';
import { MergeFiller } from './merge-fill';

const rows = (data: (string | null)[][], start = 1): GridRow[] => data.map((cells, i) => ({ row: start + i, cells }));

describe('grid helpers', () => {
  it('converts column letters and ranges', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(16383)).toBe('XFD');
    expect(columnIndex('XFD')).toBe(16383);
    expect(parseRange('B3:D5')).toEqual({ top: 3, left: 1, bottom: 5, right: 3 });
    expect(parseRange('A1:XFE2')).toBeNull();
  });
});

describe('detectHeaderRow', () => {
  it('skips a merged title and a preamble', () => {
    const grid = rows([
      ['2024年华东区客户清单', null, null, null],
      ['导出人：张三', null, null, null],
      [null, null, null, null],
      ['客户名称', '联系人', '电话', '信用额度'],
      ['杭州某某科技有限公司', '王五', '13800138000', '50000'],
      ['宁波某某贸易有限公司', '赵六', '13900139000', '80000'],
    ]);
    const merges: MergeRange[] = [{ top: 1, left: 0, bottom: 1, right: 3 }];
    expect(detectHeaderRow(grid, merges)).toMatchObject({ headerRow: 4, headerRows: 1 });
  });
  it('prefers the first label row when data rows are all text', () => {
    const grid = rows([
      ['姓名', '区域', '状态'],
      ['张三', '华东', '在职'],
      ['李四', '华南', '在职'],
    ]);
    expect(detectHeaderRow(grid).headerRow).toBe(1);
  });
  it('joins a merged group header with the row below', () => {
    const grid = rows([
      ['客户名称', '回款', null, '备注'],
      [null, '日期', '金额', null],
      ['某公司', '2024-03-01', '¥1,280.00', ''],
    ]);
    const merges: MergeRange[] = [
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 3, bottom: 2, right: 3 },
    ];
    const guess = detectHeaderRow(grid, merges);
    expect(guess).toMatchObject({ headerRow: 1, headerRows: 2 });
    expect(buildHeaders(grid, 1, 2, merges)).toEqual(['客户名称', '回款/日期', '回款/金额', '备注']);
  });
  it('joins a two-row header without merges (CSV) by carrying the group right', () => {
    const grid = rows([
      ['客户名称', '回款', null, '备注'],
      [null, '日期', '金额', null],
      ['某公司', '2024-03-01', '1280', 'x'],
    ]);
    expect(detectHeaderRow(grid)).toMatchObject({ headerRow: 1, headerRows: 2 });
    expect(buildHeaders(grid, 1, 2)).toEqual(['客户名称', '回款/日期', '回款/金额', '备注']);
  });
  it('names empty and repeated headers', () => {
    expect(dedupeHeaders(['金额', '', '金额'])).toEqual(['金额', '列 B', '金额 (2)']);
    expect(dedupeHeaders(['材质*', '* 标准号', '＊品名'])).toEqual(['材质', '标准号', '品名']);
  });
});

describe('MergeFiller', () => {
  it('fills vertical merges in the data area and reports the filled cells', () => {
    const data: (string | null)[][] = [
      ['客户A', 'x1'],
      [null, 'x2'],
      [null, 'x3'],
      ['客户B', 'y1'],
    ];
    const filler = new MergeFiller<string>([{ top: 2, left: 0, bottom: 4, right: 0 }, { top: 1, left: 0, bottom: 1, right: 1 }], 2);
    const filled: number[][] = [];
    data.forEach((cells, i) => {
      filled.push(filler.apply(i + 2, (c) => cells[c] ?? null, (c, v) => (cells[c] = v)));
    });
    expect(data.map((r) => r[0])).toEqual(['客户A', '客户A', '客户A', '客户B']);
    expect(filled).toEqual([[], [0], [0], []]);
  });
});
