import { pinyin } from 'pinyin-pro';

/**
 * Lower-case initials of a name for quick search: 华为技术有限公司 → hwjsyxgs. Latin letters and digits
 * are kept as they are, so "ABC科技" → abckj.
 */
export function nameInitials(name: string): string {
  // The string form gives the same letters as the array form at about half the cost (imports compute
  // this for every one of 100,000 new accounts).
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'string', separator: '', nonZh: 'consecutive' })
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
