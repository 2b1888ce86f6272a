import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from '../dates';
import { isoDateToSerial, serialToIsoDate } from './excel-dates';

describe('Excel serial dates', () => {
  it('maps the 1900 system including the days before the fictitious 1900-02-29', () => {
    expect(serialToIsoDate(1, 1900)).toEqual({ date: '1900-01-01' });
    expect(serialToIsoDate(59, 1900)).toEqual({ date: '1900-02-28' });
    expect(serialToIsoDate(60, 1900)).toEqual({ problem: 'fictitious' });
    expect(serialToIsoDate(61, 1900)).toEqual({ date: '1900-03-01' });
    expect(serialToIsoDate(111, 1900)).toEqual({ date: '1900-04-20' });
    expect(serialToIsoDate(45352, 1900)).toEqual({ date: '2024-03-01' });
    expect(serialToIsoDate(45352.99999999999, 1900)).toEqual({ date: '2024-03-02' });
    expect(serialToIsoDate(45352.75, 1900)).toEqual({ date: '2024-03-01' });
  });
  it('maps the 1904 system 1,462 days later', () => {
    expect(serialToIsoDate(0, 1904)).toEqual({ date: '1904-01-01' });
    expect(serialToIsoDate(1, 1904)).toEqual({ date: '1904-01-02' });
    expect(serialToIsoDate(111, 1904)).toEqual({ date: '1904-04-21' });
  });
  it('rejects serials outside what Excel can show', () => {
    expect(serialToIsoDate(0, 1900)).toEqual({ problem: 'range' });
    expect(serialToIsoDate(-5, 1904)).toEqual({ problem: 'range' });
    expect(serialToIsoDate(3e6, 1900)).toEqual({ problem: 'range' });
    expect(serialToIsoDate(Number.NaN, 1900)).toEqual({ problem: 'range' });
  });
  it('round-trips every date from 1900-03-01 to 9999-12-31 in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25508, max: 2932896 }), fc.constantFrom(1900 as const, 1904 as const), (day, system) => {
        const date = fromDayNumber(day);
        if (system === 1904 && date < '1904-01-01') return;
        expect(serialToIsoDate(isoDateToSerial(date, system), system)).toEqual({ date });
      }),
    );
  });
});
