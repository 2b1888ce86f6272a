import { pinyin } from 'pinyin-pro';

/**
 * Lower-case initials of a name for quick search: 华为技术有限公司 → hwjsyxgs. Latin letters and digits
 * are kept as they are, so "ABC科技" → abckj.
 */
export function nameInitials(name: string): string {
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
