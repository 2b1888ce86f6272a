import type { FieldSpec } from '../../../../../shared/domain/import/fields';
import { issue, type RowIssue } from '../validate/issue';
import type { RefResult } from '../validate/refs';

const WHAT: Record<string, [string, string]> = {
  rep: ['业务员', 'rep'],
  territory: ['区域', 'territory'],
  account: ['客户', 'account'],
  accountCode: ['客户编号', 'account code'],
  product: ['产品', 'product'],
  order: ['订单', 'order'],
};

/** The error for a reference that resolved to nothing or to several, with the near misses. */
export function refIssue(r: Extract<RefResult, { ok: false }>, field: FieldSpec, col: number | null, value: string): RowIssue {
  const [zh, en] = WHAT[field.ref ?? ''] ?? ['记录', 'record'];
  const hint = r.suggestions.length ? { zh: `，是否是：${r.suggestions.join('、')}？`, en: `; did you mean: ${r.suggestions.join(', ')}?` } : { zh: '', en: '' };
  return r.reason === 'ambiguous'
    ? issue('error', 'REF_AMBIGUOUS', col, field.key, value, `${field.label.zh}：有多个${zh}叫“${value}”${hint.zh}`, `${field.label.en}: several ${en}s are named "${value}"${hint.en}`, r.suggestions)
    : issue('error', 'REF_NOT_FOUND', col, field.key, value, `${field.label.zh}：找不到${zh}“${value}”${hint.zh}`, `${field.label.en}: no ${en} "${value}"${hint.en}`, r.suggestions);
}
