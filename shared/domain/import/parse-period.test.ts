import { describe, expect, it } from 'vitest';
import { parsePeriodSerial, parsePeriodText } from './parse-period';

describe('periods', () => {
  it('reads months, quarters and years', () => {
    expect(parsePeriodText('2026-10')).toEqual({ ok: true, period: '2026-10', kind: 'month' });
    expect(parsePeriodText('2026年10月')).toEqual({ ok: true, period: '2026-10', kind: 'month' });
    expect(parsePeriodText('2026年十月')).toEqual({ ok: true, period: '2026-10', kind: 'month' });
    expect(parsePeriodText('202603')).toEqual({ ok: true, period: '2026-03', kind: 'month' });
    expect(parsePeriodText('2026-Q3')).toEqual({ ok: true, period: '2026-Q3', kind: 'quarter' });
    expect(parsePeriodText('2026Q3')).toEqual({ ok: true, period: '2026-Q3', kind: 'quarter' });
    expect(parsePeriodText('2026年第3季度')).toEqual({ ok: true, period: '2026-Q3', kind: 'quarter' });
    expect(parsePeriodText('2026年三季度')).toEqual({ ok: true, period: '2026-Q3', kind: 'quarter' });
    expect(parsePeriodText('Q4 2026')).toEqual({ ok: true, period: '2026-Q4', kind: 'quarter' });
    expect(parsePeriodText('2026年')).toEqual({ ok: true, period: '2026', kind: 'year' });
    expect(parsePeriodText('2026')).toEqual({ ok: true, period: '2026', kind: 'year' });
    expect(parsePeriodText('2026-13')).toMatchObject({ ok: false });
    expect(parsePeriodText('明年')).toMatchObject({ ok: false });
    expect(parsePeriodSerial(46296, 1900)).toEqual({ ok: true, period: '2026-10', kind: 'month' });
  });
});
