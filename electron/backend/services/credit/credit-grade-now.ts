import type { GradeView } from '../../../../shared/contract/credit';
import { exposureOf } from '../../../../shared/domain/credit-exposure';
import { type GradeInputs, gradeAccount } from '../../../../shared/domain/credit-grade';
import { resolveCredit } from '../../../../shared/domain/credit-limit';
import type { Core } from '../../core';
import type { AccountBrief } from './credit-check';
import { advanceFacts, collectionFacts, inputDates, instalmentFacts, orderFacts, returnFacts, type Scope } from './credit-inputs';
import { gradeInputsOf, gradeViewOf } from './credit-grading';
import { getProfileRecord, levelRowOf, levelsOf } from './credit-levels';

/** One account's grade as of today, through the same SQL the batch run uses (scoped to the account). */
export function gradeAccountNow(core: Core, account: AccountBrief): { view: GradeView; inputs: GradeInputs } {
  const s = core.settings();
  const today = core.today();
  const d = inputDates(today, s.creditOverdueRule.days, s.creditGrading);
  const scope: Scope = { kind: 'account', accountId: account.id };
  const order = orderFacts(core, d, scope).get(account.id);
  const p = getProfileRecord(core, account.id);
  const credit = resolveCredit(
    levelsOf(levelRowOf(account, p ?? undefined), s),
    today,
  );
  const open = order?.openFen ?? 0;
  const unbilled = order?.unbilledFen ?? 0;
  const exposure = exposureOf({ receivableFen: open - unbilled, unbilledFen: unbilled, advanceFen: advanceFacts(core, scope).get(account.id) ?? 0, thisOrderFen: 0 });
  const inputs = gradeInputsOf({
    order,
    inst: instalmentFacts(core, d, scope).get(account.id),
    coll: collectionFacts(core, d, scope).get(account.id),
    returnsFen: returnFacts(core, d, scope).get(account.id),
    exposureFen: exposure.totalFen,
    limitFen: credit.limitFen,
  });
  return { view: gradeViewOf(gradeAccount(inputs, s.creditGrading), inputs, s.creditGrading, today), inputs };
}
