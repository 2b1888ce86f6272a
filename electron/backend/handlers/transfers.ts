import type { transfersContract } from '../../../shared/contract/transfers';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { previewTransfer, transferAccounts, transferHistory } from '../services/transfers';

export function transfersHandlers({ core }: Runtime): Handlers<typeof transfersContract, CallContext> {
  return {
    'transfers.preview': (input) => previewTransfer(core, input),
    'transfers.apply': (input, ctx) => transferAccounts(core, ctx.actor, input),
    'transfers.history': ({ accountId, limit }) => transferHistory(core, accountId, limit),
  };
}
