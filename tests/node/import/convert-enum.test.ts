import { describe, expect, it } from 'vitest';
import { KIND_SPECS, type FieldSpec } from '../../../shared/domain/import/fields';
import { toHalfWidth } from '../../../shared/domain/import/text-clean';
import { matchEnum } from '../../../electron/backend/services/import/validate/convert-cell';

/** The matching as first written (every word lower-cased for every cell): the reference the cached tables must equal. */
function reference(text: string, f: FieldSpec): string | null {
  const key = toHalfWidth(text).toLowerCase().replace(/[\s\-_·.:：]+/g, '');
  for (const [value, words] of Object.entries(f.values ?? {})) {
    const code = value.toLowerCase();
    const norm = words.map((w) => w.toLowerCase().replace(/\s+/g, ''));
    if (code === key || norm.includes(key)) return value;
    if (key.startsWith(code) && norm.includes(key.slice(code.length))) return value;
  }
  return null;
}

describe('enum cells', () => {
  const fields = Object.values(KIND_SPECS).flatMap((k) => k.fields.filter((f) => f.values));
  it('match every code and word of every enum field as before, written in the ways sheets write them', () => {
    expect(fields.length).toBeGreaterThan(3);
    let checked = 0;
    for (const f of fields) {
      const values = Object.entries(f.values!);
      const texts = new Set<string>(['', 'x', '未知', '  ', 'A 重要x', '-']);
      for (const [value, words] of values) {
        texts.add(value).add(value.toUpperCase());
        for (const w of words) {
          texts.add(w).add(w.toUpperCase()).add(` ${w} `).add(`${value} ${w}`).add(`${value.toUpperCase()}-${w}`).add(`${value}：${w}`).add(toFullWidth(w)).add(`${w}类`);
          for (const [other] of values) texts.add(`${other} ${w}`);
        }
      }
      for (const text of texts) {
        expect(matchEnum(text, f), `${f.key}: ${text}`).toBe(reference(text, f));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('reads the forms exports write', () => {
    const tier = KIND_SPECS.accounts.fields.find((f) => f.key === 'tier')!;
    expect(matchEnum('A 重要', tier)).toBe('A');
    expect(matchEnum('b-一般', tier)).toBe('B');
    expect(matchEnum('ＶＩＰ', tier)).toBe('A');
    expect(matchEnum('D', tier)).toBeNull();
  });
});

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
