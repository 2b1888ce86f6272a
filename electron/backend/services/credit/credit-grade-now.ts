import type { GradeView } from '../../../../shared/contract/credit';
import { type GradeInputs, gradeAccount } from '../../../../shared/domain/credit-grade';
import type { Core } from '../../core';
import type { AccountBrief } from './credit-check';
import { gradeAll } from './credit-grade-all';
import { gradeViewOf, unpackFactors } from './credit-grading';

/** One account's grade as of today: the batch's own computation, scoped to that account. */
export function gradeAccountNow(core: Core, account: AccountBrief): { view: GradeView; inputs: GradeInputs } {
  const g = gradeAll(core, { kind: 'account', accountId: account.id }).graded[0];
  if (!g) throw new Error(`account ${account.id} vanished while grading`);
  const s = core.settings();
  const packed = unpackFactors(g.factors)!;
  return { view: gradeViewOf(gradeAccount(packed.inputs, s.creditGrading), packed.inputs, s.creditGrading, core.today()), inputs: packed.inputs };
}
