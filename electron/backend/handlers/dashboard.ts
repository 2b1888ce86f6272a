import type { dashboardContract } from '../../../shared/contract/dashboard';
import type { instalmentsContract } from '../../../shared/contract/instalments';
import { listOpenInstalments } from '../../../db/repositories/open-instalments';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { dashboardSummary } from '../services/dashboard/dashboard-summary';

export function dashboardHandlers({ core }: Runtime): Handlers<typeof dashboardContract & typeof instalmentsContract, CallContext> {
  return {
    'dashboard.summary': (_input, ctx) => dashboardSummary(core, ctx.lang),
    'ar.instalments': (q) => listOpenInstalments(core.db, q, core.today()),
  };
}
