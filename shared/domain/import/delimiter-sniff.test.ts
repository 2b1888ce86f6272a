import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './delimiter-sniff';
import { shapeKey } from './shape-key';

describe('sniffDelimiter', () => {
  it('finds commas, tabs, semicolons and pipes', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toEqual({ delimiter: ',', columns: 3 });
    expect(sniffDelimiter('a\tb\n1\t2\n')).toEqual({ delimiter: '\t', columns: 2 });
    expect(sniffDelimiter('a;b;c;d\n1,5;2;3;4\n')).toEqual({ delimiter: ';', columns: 4 });
    expect(sniffDelimiter('a|b\n1|2')).toEqual({ delimiter: '|', columns: 2 });
  });
  it('ignores delimiters inside quotes and preamble lines', () => {
    expect(sniffDelimiter('说明：本表\n"a,b"\tc\n"1,2"\t3\n"x"\ty\n')).toEqual({ delimiter: '\t', columns: 2 });
  });
  it('falls back to a comma for a single column', () => {
    expect(sniffDelimiter('name\nx\ny')).toEqual({ delimiter: ',', columns: 1 });
  });
});

describe('shapeKey', () => {
  it('is the same for the same headers written differently and differs otherwise', () => {
    expect(shapeKey(['客户名称*', '电话'])).toBe(shapeKey(['客户名称', ' 电话 ']));
    expect(shapeKey(['客户名称', '电话'])).not.toBe(shapeKey(['电话', '客户名称']));
    expect(shapeKey(['a'])).toMatch(/^[0-9a-f]{16}$/);
  });
});
