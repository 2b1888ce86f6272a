import { accountsContract } from './accounts';
import { casesContract } from './cases';
import { creditContract } from './credit';
import { ordersContract } from './orders';
import { paymentsContract } from './payments';
import { receivablesContract } from './receivables';
import { filesContract } from './files';
import { referenceContract } from './reference';
import { reportsContract } from './reports';
import { systemContract } from './system';
import { targetsContract } from './targets';

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
  ...targetsContract,
  ...reportsContract,
  ...filesContract,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
