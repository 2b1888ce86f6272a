import { describe, expect, it } from 'vitest';
import { checkInlineValue } from '../../renderer/src/modules/accounts/inline-edit';

describe('inline edit checks', () => {
  it('accepts good values and normalises', () => {
    expect(checkInlineValue('name', '  华为  ')).toEqual({ value: '华为' });
    expect(checkInlineValue('phone', '')).toEqual({ value: null });
    expect(checkInlineValue('creditCode', '91440300708461136t')).toEqual({ value: '91440300708461136T' });
  });
  it('refuses bad values with a reason', () => {
    expect(checkInlineValue('name', ' ')).toEqual({ error: 'inline.required' });
    expect(checkInlineValue('tier', 'D')).toMatchObject({ error: 'inline.oneOf' });
    expect(checkInlineValue('email', 'not-an-email')).toEqual({ error: 'inline.email' });
    expect(checkInlineValue('phone', '138-abc')).toEqual({ error: 'inline.phone' });
    expect(checkInlineValue('creditCode', '91440300708461136X')).toEqual({ error: 'inline.creditCode.checksum' });
    expect(checkInlineValue('city', 'x'.repeat(31))).toEqual({ error: 'inline.tooLong', params: { max: 30 } });
  });
});
