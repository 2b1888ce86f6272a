import type { creditContract } from '../../../shared/contract/credit';
import { pick } from '../../../shared/i18n/text';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { creditAlerts } from '../services/credit/credit-alerts';
import { runCreditBatch } from '../services/credit/credit-batch';
import { checkOnDemand } from '../services/credit/credit-check';
import { registerCreditConfirmCheck } from '../services/credit/credit-confirm-hook';
import { getCreditDefaults, updateCreditDefaults } from '../services/credit/credit-defaults';
import { creditHistory } from '../services/credit/credit-history';
import { overrideOrder } from '../services/credit/credit-override';
import { getCreditProfile, setCreditHold, updateCreditProfile } from '../services/credit/credit-profile';
import { listRisk } from '../services/credit/credit-risk-list';
import { getOrderDetail } from '../services/orders';

export function creditHandlers(rt: Runtime): Handlers<typeof creditContract, CallContext> {
  const { core } = rt;
  // Order confirmation runs the credit check from now on (once per process).
  registerCreditConfirmCheck();
  return {
    'credit.getProfile': ({ accountId }) => getCreditProfile(core, accountId),
    'credit.updateProfile': (input, ctx) => {
      updateCreditProfile(core, ctx.actor, input);
      return getCreditProfile(core, input.accountId);
    },
    'credit.hold': (input, ctx) => {
      setCreditHold(core, ctx.actor, input, true);
      return getCreditProfile(core, input.accountId);
    },
    'credit.release': (input, ctx) => {
      setCreditHold(core, ctx.actor, input, false);
      return getCreditProfile(core, input.accountId);
    },
    'credit.check': (input, ctx) => checkOnDemand(core, ctx.actor, input),
    'credit.override': (input, ctx) => {
      const r = overrideOrder(core, ctx.actor, input);
      return { order: getOrderDetail(core, input.orderId), check: r.check, overrideId: r.overrideId, warnings: r.warnings.map((w) => ({ code: w.code, message: pick(w.text, ctx.lang) })) };
    },
    'credit.history': (q) => creditHistory(core, q),
    'credit.run': ({ filter }, ctx) => runCreditBatch(core, ctx.actor, filter),
    'credit.runs': ({ limit }) =>
      (core.sqlite.prepare('select id as runId, at, as_of as asOf, by, account_count as accountCount, summary from credit_runs order by at desc, id desc limit ?').all(limit) as { runId: string; at: number; asOf: string; by: string | null; accountCount: number; summary: string }[]).map((r) => ({
        ...r,
        summary: JSON.parse(r.summary) as Record<string, unknown>,
      })),
    'credit.list': (q) => listRisk(core, q),
    'credit.alerts': () => creditAlerts(core),
    'credit.getDefaults': () => getCreditDefaults(core),
    'credit.updateDefaults': (patch, ctx) => updateCreditDefaults(core, ctx.actor, patch, rt.invalidateSettings),
  };
}
