import { describe, expect, it } from 'vitest';
import { parseDateSerial, parseDateText } from './parse-date';

const ok = (date: string) => expect.objectContaining({ ok: true, date });

describe('parseDateText', () => {
  it('reads the ways reps write dates', () => {
    expect(parseDateText('2024-03-01')).toEqual(ok('2024-03-01'));
    expect(parseDateText('2024/3/1')).toEqual(ok('2024-03-01'));
    expect(parseDateText('2024.3.1')).toEqual(ok('2024-03-01'));
    expect(parseDateText('2024年3月1日')).toEqual(ok('2024-03-01'));
    expect(parseDateText('2024 年 3 月 1 号')).toEqual(ok('2024-03-01'));
    expect(parseDateText('２０２４年３月１日')).toEqual(ok('2024-03-01'));
    expect(parseDateText('20240301')).toEqual(ok('2024-03-01'));
    expect(parseDateText('2024-03-01 12:45:27')).toEqual(ok('2024-03-01'));
    expect(parseDateText('2019-11-04T10:17:55')).toEqual(ok('2019-11-04'));
    expect(parseDateText('2024/3/1 9:05 PM')).toEqual(ok('2024-03-01'));
    expect(parseDateText('2024年3月1日 10时30分')).toEqual(ok('2024-03-01'));
  });
  it('reads month-first US dates and day-first when the first part cannot be a month', () => {
    expect(parseDateText('11/23/2016')).toEqual(ok('2016-11-23'));
    expect(parseDateText('23/11/2016')).toEqual(ok('2016-11-23'));
    expect(parseDateText('3/4/2024')).toEqual({ ok: true, date: '2024-03-04', note: 'ambiguous' });
    expect(parseDateText('3/1/15')).toEqual({ ok: true, date: '2015-03-01', note: 'two-digit-year' });
    expect(parseDateText('11-04-2019')).toEqual(ok('2019-11-04'));
  });
  it('rejects impossible dates and non-dates with a reason', () => {
    expect(parseDateText('2024-02-30')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parseDateText('2023年2月29日')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parseDateText('20241301')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parseDateText('00210PRG1')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parseDateText('1234-5thisisnotadate')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parseDateText('下周一')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });
  it('reads a bare number as an Excel serial in the workbook system', () => {
    expect(parseDateText('45352')).toEqual({ ok: true, date: '2024-03-01', note: 'serial' });
    expect(parseDateText('1', 1904)).toEqual({ ok: true, date: '1904-01-02', note: 'serial' });
    expect(parseDateText('60')).toMatchObject({ ok: false, code: 'DATE_FICTITIOUS' });
  });
});

describe('parseDateSerial', () => {
  it('treats 8-digit integers as yyyymmdd', () => {
    expect(parseDateSerial(20240301, 1900)).toEqual(ok('2024-03-01'));
    expect(parseDateSerial(41434, 1900)).toEqual({ ok: true, date: '2013-06-09', note: 'serial' });
  });
});
