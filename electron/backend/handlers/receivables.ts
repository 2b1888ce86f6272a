import type { receivablesContract } from '../../../shared/contract/receivables';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { agingDetail, agingReport } from '../services/ar-aging';
import { dsoReport } from '../services/collection-days';

export function receivablesHandlers({ core }: Runtime): Handlers<typeof receivablesContract, CallContext> {
  return {
    'ar.aging': (input, ctx) => agingReport(core, input, ctx.lang),
    'ar.agingDetail': (input) => agingDetail(core, input),
    'ar.dso': (input, ctx) => dsoReport(core, input, ctx.lang),
  };
}
