import type { referenceContract } from '../../../shared/contract/reference';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { listAudit } from '../services/audit';
import { listReps, listTerritories } from '../services/reference';

export function referenceHandlers({ core }: Runtime): Handlers<typeof referenceContract, CallContext> {
  return {
    'territories.list': () => listTerritories(core),
    'reps.list': (input) => listReps(core, input),
    'audit.list': (input) => listAudit(core, input),
  };
}
