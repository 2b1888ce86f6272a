import { accountsContract } from './accounts';
import { importsContract } from './imports';
import { referenceContract } from './reference';
import { systemContract } from './system';

/** THE single registry of the API: every transport, handler map and client is derived from this. */
export const contract = {
  ...systemContract,
  ...referenceContract,
  ...accountsContract,
  ...importsContract,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
