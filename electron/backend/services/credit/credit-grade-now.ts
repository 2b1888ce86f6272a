import type { GradeView } from '../../../../shared/contract/credit';
import type { GradeInputs } from '../../../../shared/domain/credit-grade';
import type { Core } from '../../core';
import type { AccountBrief } from './credit-check';
import { gradeAll } from './credit-grade-all';
import { gradeViewOf } from './credit-grading';

/** One account's grade as of today: the batch's own computation, scoped to that account. */
export function gradeAccountNow(core: Core, account: AccountBrief): { view: GradeView; inputs: GradeInputs } {
  const g = gradeAll(core, { kind: 'account', accountId: account.id }).graded[0];
  if (!g) throw new Error(`account ${account.id} vanished while grading`);
  const s = core.settings();
  return { view: gradeViewOf(g.result, g.inputs, s.creditGrading, core.today()), inputs: g.inputs };
}
