import { describe, expect, it } from 'vitest';
import { nonDataRow } from '../../../electron/backend/services/import/validate/non-data-row';
import type { Cell } from '../../../electron/backend/services/import/read/cell';

const s = (v: string): Cell => ({ k: 's', v });
const HEADER_KEYS = ['客户名称', '联系电话', '信用额度'];

describe('rows that are not data', () => {
  it('skips a row blank in every mapped column, a repeated header and a totals line, with the reason', () => {
    expect(nonDataRow([null, s('备注'), null], false, HEADER_KEYS, false)?.code).toBe('EMPTY_ROW');
    expect(nonDataRow([s('客户名称'), s('联系电话'), null], true, HEADER_KEYS, false)?.code).toBe('HEADER_REPEAT');
    expect(nonDataRow([s(' 合 计： '), null, s('1,280.00')], true, HEADER_KEYS, false)).toMatchObject({ code: 'TOTAL_ROW', value: '合 计：' });
  });

  it('keeps a data row, even one that starts with a word like 合计 inside a name', () => {
    expect(nonDataRow([s('合计贸易有限公司'), s('0571-88886666'), null], true, HEADER_KEYS, false)).toBeNull();
    expect(nonDataRow([s('客户名称'), null, null], true, HEADER_KEYS, false)).toBeNull();
  });
});
