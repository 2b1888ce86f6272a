import { describe, expect, it } from 'vitest';
import { nameInitials } from './search-key';

describe('nameInitials', () => {
  it('takes pinyin initials of Chinese names', () => {
    expect(nameInitials('华为技术有限公司')).toBe('hwjsyxgs');
    expect(nameInitials('重庆长安汽车')).toBe('cqcaqc');
  });
  it('keeps latin letters and digits, drops punctuation', () => {
    expect(nameInitials('ABC科技（上海）')).toBe('abckjsh');
    expect(nameInitials('3M中国')).toBe('3mzg');
  });
});
