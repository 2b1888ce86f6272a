import type { Contract } from '../../../shared/contract';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { accountsHandlers } from './accounts';
import { importsHandlers } from './imports';
import { referenceHandlers } from './reference';
import { systemHandlers } from './system';

/** Every contract method's handler; `satisfies` makes a missing one a type error. */
export function createHandlers(rt: Runtime) {
  return {
    ...systemHandlers(rt),
    ...referenceHandlers(rt),
    ...accountsHandlers(rt),
    ...importsHandlers(rt),
  } satisfies Handlers<Contract, CallContext>;
}
