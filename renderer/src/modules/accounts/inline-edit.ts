import { normalizeCreditCode, validateCreditCode } from '../../../../shared/domain/credit-code';

/** Fields the grid edits in place. The owner is not among them: it changes only by assign / transfer. */
export const INLINE_EDITABLE = ['name', 'shortName', 'creditCode', 'industry', 'source', 'tier', 'dealStatus', 'accountGroup', 'phone', 'email', 'province', 'city', 'address'] as const;
export type InlineField = (typeof INLINE_EDITABLE)[number];

const MAX: Record<InlineField, number> = { name: 200, shortName: 100, creditCode: 18, industry: 50, source: 50, tier: 1, dealStatus: 20, accountGroup: 50, phone: 40, email: 100, province: 30, city: 30, address: 300 };

export function isInlineField(field: string): field is InlineField {
  return (INLINE_EDITABLE as readonly string[]).includes(field);
}

/**
 * The same checks the form and the backend apply, so that a bad value is refused in the cell with a
 * reason (i18n key + params) before anything is sent. Returns the value to save, or an error.
 */
export function checkInlineValue(field: InlineField, raw: unknown): { value: string | null } | { error: string; params?: Record<string, string | number> } {
  const text = typeof raw === 'string' ? raw.trim() : raw === null || raw === undefined ? '' : String(raw);
  if (field === 'name' && text === '') return { error: 'inline.required' };
  if (text.length > MAX[field] && field !== 'creditCode') return { error: 'inline.tooLong', params: { max: MAX[field] } };
  if (field === 'tier' && !['A', 'B', 'C'].includes(text)) return { error: 'inline.oneOf', params: { values: 'A, B, C' } };
  if (field === 'dealStatus' && !['prospect', 'negotiating', 'won', 'lost'].includes(text)) return { error: 'inline.oneOf', params: { values: 'prospect, negotiating, won, lost' } };
  if (field === 'phone' && text !== '' && !/^[0-9+\-()\s转#]*$/.test(text)) return { error: 'inline.phone' };
  if (field === 'email' && text !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { error: 'inline.email' };
  if (field === 'creditCode' && text !== '') {
    const code = normalizeCreditCode(text);
    const problem = validateCreditCode(code);
    if (problem) return { error: `inline.creditCode.${problem}` };
    return { value: code };
  }
  return { value: text === '' ? null : text };
}
