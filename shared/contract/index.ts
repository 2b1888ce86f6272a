import { accountLinksContract } from './account-links';
import { accountsContract } from './accounts';
import { casesContract } from './cases';
import { creditContract } from './credit';
import { ordersContract } from './orders';
import { paymentsContract } from './payments';
import { receivablesContract } from './receivables';
import { allocationContract } from './allocation';
import { followupsContract } from './followups';
import { journalsContract } from './journals';
import { poolContract } from './pool';
import { repsContract } from './reps';
import { territoriesContract } from './territories';
import { transfersContract } from './transfers';
import { viewsContract } from './views';
import { importsContract } from './imports';
import { filesContract } from './files';
import { referenceContract } from './reference';
import { reportsContract } from './reports';
import { systemContract } from './system';
import { targetsContract } from './targets';
import { dashboardContract } from './dashboard';
import { instalmentsContract } from './instalments';

/** THE single registry of the API: every transport, handler map and client is derived from this. */
export const contract = {
  ...systemContract,
  ...referenceContract,
  ...accountsContract,
  ...ordersContract,
  ...paymentsContract,
  ...receivablesContract,
  ...casesContract,
  ...creditContract,
  ...accountLinksContract,
  ...transfersContract,
  ...allocationContract,
  ...poolContract,
  ...journalsContract,
  ...repsContract,
  ...territoriesContract,
  ...followupsContract,
  ...viewsContract,
  ...importsContract,
  ...targetsContract,
  ...reportsContract,
  ...filesContract,
  ...dashboardContract,
  ...instalmentsContract,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
