import { afterEach, describe, expect, it } from 'vitest';
import { packedRows } from '../../electron/backend/services/credit/packed-rows';
import { creditWorld, type CreditWorld } from '../helpers/credit';

let t: CreditWorld | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** The credit passes read their rows as one JSON text (packed-rows.ts); it must give what the row API gives. */
describe('packedRows', () => {
  it('returns exactly the rows and values the row API returns: reals to the last bit, text, NULL, integers, order kept', async () => {
    t = await creditWorld();
    const sql = `select column1, column2, column3, column4 from (values
      ('b', 1.0 / 3, null, 9007199254740991),
      ('a', 2.5e-7, '2026-07-17', -42),
      ('c', 1651384.0, '额度 "引号" \\ 反斜杠', 0),
      ('d', 123456789.123456789 * 1e9, 'x', 7)) where column4 <> @skip order by column4`;
    const raw = t.core.sqlite.prepare(sql).raw().all({ skip: 1 });
    const packed = packedRows(t.core, sql, 4, { skip: 1 });
    expect(packed).toEqual(raw);
    for (let i = 0; i < raw.length; i++) for (let j = 0; j < 4; j++) expect(Object.is(packed[i]![j], (raw[i] as unknown[])[j])).toBe(true);
  });

  it('gives an empty list when the statement has no rows', async () => {
    t = await creditWorld();
    expect(packedRows(t.core, 'select 1, 2 where 0', 2, {})).toEqual([]);
  });
});
