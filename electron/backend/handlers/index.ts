import type { Contract } from '../../../shared/contract';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { accountsHandlers } from './accounts';
import { casesHandlers } from './cases';
import { creditHandlers } from './credit';
import { ordersHandlers } from './orders';
import { paymentsHandlers } from './payments';
import { receivablesHandlers } from './receivables';
import { allocationHandlers } from './allocation';
import { followupsHandlers } from './followups';
import { journalsHandlers } from './journals';
import { poolHandlers } from './pool';
import { repsHandlers } from './reps';
import { transfersHandlers } from './transfers';
import { importsHandlers } from './imports';
import { filesHandlers } from './files';
import { referenceHandlers } from './reference';
import { reportsHandlers } from './reports';
import { systemHandlers } from './system';
import { targetsHandlers } from './targets';
import { dashboardHandlers } from './dashboard';

/** Every contract method's handler; `satisfies` makes a missing one a type error. */
export function createHandlers(rt: Runtime) {
  return {
    ...systemHandlers(rt),
    ...referenceHandlers(rt),
    ...accountsHandlers(rt),
    ...ordersHandlers(rt),
    ...paymentsHandlers(rt),
    ...receivablesHandlers(rt),
    ...casesHandlers(rt),
    ...creditHandlers(rt),
    ...transfersHandlers(rt),
    ...allocationHandlers(rt),
    ...poolHandlers(rt),
    ...journalsHandlers(rt),
    ...repsHandlers(rt),
    ...followupsHandlers(rt),
    ...importsHandlers(rt),
    ...targetsHandlers(rt),
    ...reportsHandlers(rt),
    ...filesHandlers(rt),
    ...dashboardHandlers(rt),
  } satisfies Handlers<Contract, CallContext>;
}
