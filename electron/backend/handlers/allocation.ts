import type { allocationContract } from '../../../shared/contract/allocation';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { applyAllocation, previewAllocation } from '../services/allocation';
import { createAllocationRule, deleteAllocationRule, listAllocationRules, reorderAllocationRules, setAllocationFallback, updateAllocationRule } from '../services/allocation-rules';

export function allocationHandlers(rt: Runtime): Handlers<typeof allocationContract, CallContext> {
  const { core } = rt;
  return {
    'allocationRules.list': () => ({ rules: listAllocationRules(core), fallbackRepId: core.settings().allocationFallbackRepId }),
    'allocationRules.create': (input, ctx) => createAllocationRule(core, ctx.actor, input),
    'allocationRules.update': (input, ctx) => updateAllocationRule(core, ctx.actor, input),
    'allocationRules.delete': (input, ctx) => deleteAllocationRule(core, ctx.actor, input),
    'allocationRules.reorder': ({ ids }, ctx) => reorderAllocationRules(core, ctx.actor, ids),
    'allocation.setFallback': ({ repId }, ctx) => setAllocationFallback(core, ctx.actor, repId, rt.invalidateSettings),
    'allocation.preview': (input) => previewAllocation(core, input),
    'allocation.apply': (input, ctx) => applyAllocation(core, ctx.actor, input),
  };
}
