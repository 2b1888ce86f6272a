import type { Transport } from '../../../shared/rpc/client';
import type { Dispatch } from '../../../shared/rpc/dispatch';

/**
 * The CLI's and node tests' transport. Values are structured-cloned both ways, exactly as IPC would,
 * so anything that could not cross a real process boundary (functions, class instances) fails here too.
 */
export function inProcessTransport(dispatch: Dispatch): Transport {
  return async (method, payload) => structuredClone(await dispatch(method, structuredClone(payload)));
}
