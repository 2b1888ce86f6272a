import type { repsContract } from '../../../shared/contract/reps';
import type { territoriesContract } from '../../../shared/contract/territories';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { createRep, getRepDetail, handoverRep, previewHandover, resolveRep, updateRep } from '../services/reps';
import { createTerritory, deleteTerritory, territoryUsage, updateTerritory } from '../services/territories';

export function repsHandlers({ core }: Runtime): Handlers<typeof repsContract & typeof territoriesContract, CallContext> {
  return {
    'reps.get': ({ id }) => getRepDetail(core, id),
    'reps.resolve': ({ ref }) => resolveRep(core, ref),
    'reps.create': (input, ctx) => createRep(core, ctx.actor, input),
    'reps.update': (input, ctx) => updateRep(core, ctx.actor, input),
    'reps.handoverPreview': (input) => previewHandover(core, input),
    'reps.handover': (input, ctx) => handoverRep(core, ctx.actor, input),
    'territories.usage': () => territoryUsage(core),
    'territories.create': (input, ctx) => createTerritory(core, ctx.actor, input),
    'territories.update': (input, ctx) => updateTerritory(core, ctx.actor, input),
    'territories.delete': (input, ctx) => deleteTerritory(core, ctx.actor, input),
  };
}
