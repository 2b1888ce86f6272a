import { describe, expect, it } from 'vitest';
import { warrantyStatus } from './warranty';

describe('warranty', () => {
  it('covers through the day before the anniversary', () => {
    expect(warrantyStatus('2026-01-15', 12, '2027-01-14')).toEqual({ status: 'in', expiresOn: '2027-01-15' });
    expect(warrantyStatus('2026-01-15', 12, '2027-01-15').status).toBe('out');
    expect(warrantyStatus('2026-01-31', 1, '2026-02-27').status).toBe('in');
    expect(warrantyStatus('2026-01-31', 1, '2026-02-28').status).toBe('out');
    expect(warrantyStatus('2026-01-15', 0, '2026-01-15').status).toBe('out');
  });

  it('is unknown without a ship date', () => {
    expect(warrantyStatus(null, 12, '2026-01-01')).toEqual({ status: 'unknown', expiresOn: null });
    expect(warrantyStatus('2026-01-01', null, '2026-01-01').status).toBe('unknown');
  });
});
