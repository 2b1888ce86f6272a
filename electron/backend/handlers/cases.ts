import type { casesContract } from '../../../shared/contract/cases';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { listCases } from '../services/case-list';
import { listSlaPolicies, saveSlaPolicy } from '../services/case-sla';
import { addCaseAttachment, commentOnCase, createCase, escalateCase, getCaseDetail, resolveCaseId, respondToCase, setCaseState, updateCase } from '../services/cases';

export function casesHandlers({ core }: Runtime): Handlers<typeof casesContract, CallContext> {
  return {
    'cases.list': (q) => listCases(core, q),
    'cases.get': (ref) => getCaseDetail(core, resolveCaseId(core, ref)),
    'cases.create': (input, ctx) => getCaseDetail(core, createCase(core, ctx.actor, input)),
    'cases.update': (input, ctx) => {
      updateCase(core, ctx.actor, input);
      return getCaseDetail(core, input.id);
    },
    'cases.setState': (input, ctx) => {
      setCaseState(core, ctx.actor, input);
      return getCaseDetail(core, input.id);
    },
    'cases.respond': (input, ctx) => {
      respondToCase(core, ctx.actor, input);
      return getCaseDetail(core, input.id);
    },
    'cases.comment': (input, ctx) => {
      commentOnCase(core, ctx.actor, input);
      return getCaseDetail(core, input.id);
    },
    'cases.escalate': (input, ctx) => {
      escalateCase(core, ctx.actor, input);
      return getCaseDetail(core, input.id);
    },
    'cases.addAttachment': (input, ctx) => {
      addCaseAttachment(core, ctx.actor, input);
      return getCaseDetail(core, input.id);
    },
    'sla.policies.list': () => listSlaPolicies(core),
    'sla.policies.save': (input, ctx) => saveSlaPolicy(core, ctx.actor, input),
  };
}
