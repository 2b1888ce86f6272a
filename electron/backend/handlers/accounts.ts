import { listAccounts, searchAccounts } from '../../../db/repositories/accounts';
import type { accountsContract } from '../../../shared/contract/accounts';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { accountPresetWhere } from '../services/account-preset-where';
import { createAccount, getAccountDetail, updateAccount } from '../services/accounts';

export function accountsHandlers({ core }: Runtime): Handlers<typeof accountsContract, CallContext> {
  return {
    'accounts.list': (q) => listAccounts(core.db, q, core.today(), q.preset ? accountPresetWhere(core, q.preset) : undefined),
    'accounts.get': ({ id }, ctx) => getAccountDetail(core, id, ctx.lang),
    'accounts.search': ({ q, limit }) => searchAccounts(core.db, q, limit),
    'accounts.create': (input, ctx) => createAccount(core, ctx.actor, input),
    'accounts.update': (input, ctx) => updateAccount(core, ctx.actor, input),
  };
}
