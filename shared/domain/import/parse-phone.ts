import { toHalfWidth } from './text-clean';

/**
 * Chinese phone numbers: mobiles (11 digits from 13x–19x, with or without +86 / 0086 and separators),
 * landlines with an area code (010-12345678, (0571)8888 8888, 021-1234567 转 801) and 400/800 service
 * numbers. The normal form is what people dial: 13800138000, 0571-88888888, 0571-88888888-801,
 * 4008208820. The digits alone are the duplicate-matching key.
 */
export type PhoneParse =
  | { ok: true; phone: string; kind: 'mobile' | 'landline' | 'service'; note?: 'several' }
  | { ok: false; code: 'PHONE_FORMAT'; detail: string };

export function parsePhone(raw: string): PhoneParse {
  const text = toHalfWidth(raw).trim();
  // Several numbers in one cell ("138…/139…", "138…；139…"): keep the first, say so.
  const parts = text.split(/[/;；,，、]|\s{2,}|\n/).map((p) => p.trim()).filter(Boolean);
  const first = parts[0] ?? '';
  const result = parseOne(first);
  if (result.ok && parts.length > 1) return { ...result, note: 'several' };
  if (!result.ok) return { ok: false, code: 'PHONE_FORMAT', detail: raw };
  return result;
}

function parseOne(text: string): PhoneParse {
  const ext = /(?:转|ext\.?|x|分机)\s*(\d{1,6})$/i.exec(text);
  let body = ext ? text.slice(0, ext.index) : text;
  body = body.replace(/^\+?\s*0{0,2}86(?=[\s\-(]*1\d{10}$|[\s\-(]*1[\s-]*\d)/, '').replace(/^\+86|^0086/, '');
  let digits = body.replace(/[\s\-().（）]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, code: 'PHONE_FORMAT', detail: text };
  if (/^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, phone: digits, kind: 'mobile' };
  if (/^[48]00\d{7}$/.test(digits)) return { ok: true, phone: digits, kind: 'service' };
  // Area codes: 010 and 02x are three digits, the rest four (0571, 0755 …); the number 7–8 digits.
  const area = /^(010|02\d)(\d{7,8})$/.exec(digits) ?? /^(0[3-9]\d{2})(\d{7,8})$/.exec(digits);
  // A trailing group after the number ("021-12345678-801") is an extension.
  const dashed = /^(0\d{2,3})[-\s]?(\d{7,8})[-\s](\d{1,6})$/.exec(body.trim());
  if (dashed) return { ok: true, phone: `${dashed[1]}-${dashed[2]}-${dashed[3]}`, kind: 'landline' };
  if (area) return { ok: true, phone: `${area[1]}-${area[2]}${ext ? `-${ext[1]}` : ''}`, kind: 'landline' };
  // A local number without area code is still a number people dial; keep it as digits.
  if (/^\d{7,8}$/.test(digits)) return { ok: true, phone: digits, kind: 'landline' };
  return { ok: false, code: 'PHONE_FORMAT', detail: text };
}

/** The digits of a phone number, for duplicate matching ("0571-8888 8888" ≡ "057188888888"). */
export function phoneKey(phone: string | null | undefined): string {
  if (!phone) return '';
  const p = parsePhone(phone);
  return (p.ok ? p.phone : phone).replace(/\D/g, '');
}
