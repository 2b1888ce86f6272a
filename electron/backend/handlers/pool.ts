import type { poolContract } from '../../../shared/contract/pool';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { claimAccounts, listReminders, previewReclaim, releaseAccounts, runReclaim } from '../services/pool';
import { createPoolRule, deletePoolRule, listPoolRules, reorderPoolRules, updatePoolRule } from '../services/pool-rules';

export function poolHandlers(rt: Runtime): Handlers<typeof poolContract, CallContext> {
  const { core } = rt;
  return {
    'poolRules.list': () => listPoolRules(core),
    'poolRules.create': (input, ctx) => createPoolRule(core, ctx.actor, input),
    'poolRules.update': (input, ctx) => updatePoolRule(core, ctx.actor, input),
    'poolRules.delete': (input, ctx) => deletePoolRule(core, ctx.actor, input),
    'poolRules.reorder': ({ ids }, ctx) => reorderPoolRules(core, ctx.actor, ids),
    'pool.reclaimPreview': ({ rowLimit }) => previewReclaim(core, rowLimit),
    'pool.reclaimApply': (input, ctx) => runReclaim(core, ctx.actor, input, rt.invalidateSettings),
    'pool.claim': (input, ctx) => claimAccounts(core, ctx.actor, input),
    'pool.release': (input, ctx) => releaseAccounts(core, ctx.actor, input),
    'pool.reminders': (input) => listReminders(core, input),
  };
}
