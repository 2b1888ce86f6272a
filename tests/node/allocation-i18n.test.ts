import { describe, expect, it } from 'vitest';
import { accountsText } from '../../renderer/src/modules/accounts/i18n';
import { allocationText } from '../../renderer/src/modules/allocation/i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('allocation and accounts UI strings', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(allocationText.en)).toEqual(keys(allocationText['zh-CN']));
    expect(keys(accountsText.en)).toEqual(keys(accountsText['zh-CN']));
  });
});
