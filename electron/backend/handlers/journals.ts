import type { journalsContract } from '../../../shared/contract/journals';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { getJournal, listJournals, undoJournal } from '../services/journals';

export function journalsHandlers({ core }: Runtime): Handlers<typeof journalsContract, CallContext> {
  return {
    'journals.list': (input) => listJournals(core, input),
    'journals.get': ({ id, limit }) => getJournal(core, id, limit),
    'journals.undo': ({ id }, ctx) => undoJournal(core, ctx.actor, id),
  };
}
