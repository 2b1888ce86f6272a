import type { FieldSpec } from '../../../../../shared/domain/import/fields';
import type { KindContext, KindRow } from './kind';
import { s } from './kind';
import { refIssue } from './ref-issue';

/** The account a row refers to: by its code when the sheet has one, otherwise by its name. */
export function resolveAccount(r: KindRow, ctx: KindContext): string | null {
  const spec = (key: string): FieldSpec => ctx.fields.find((f) => f.key === key)!;
  const code = s(r.values.accountCode);
  if (code) {
    const a = ctx.refs.accountByCode(code);
    if (a.ok) return a.id;
    if (!s(r.values.account)) {
      r.issues.push(refIssue(a, spec('accountCode'), r.cols.accountCode ?? null, r.raw.accountCode ?? code));
      return null;
    }
  }
  const name = s(r.values.account);
  if (!name) return null;
  const a = ctx.refs.account(name);
  if (a.ok) return a.id;
  r.issues.push(refIssue(a, spec('account'), r.cols.account ?? null, r.raw.account ?? name));
  return null;
}
