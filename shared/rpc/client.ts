import { RpcCallError, type RpcResult } from './errors';
import type { ContractShape, InputOf, OutputOf } from './types';

export type Transport = (method: string, payload: unknown) => Promise<RpcResult<unknown>>;

export interface Client<C extends ContractShape> {
  /** Calls a method; resolves with its output or rejects with an RpcCallError. */
  call<K extends keyof C & string>(method: K, input: InputOf<C, K>): Promise<OutputOf<C, K>>;
  /** Like call, but returns the raw {ok, value | error} without throwing. */
  tryCall<K extends keyof C & string>(method: K, input: InputOf<C, K>): Promise<RpcResult<OutputOf<C, K>>>;
}

export function createClient<C extends ContractShape>(_contract: C, transport: Transport): Client<C> {
  return {
    async call(method, input) {
      const result = await transport(method, input);
      if (!result.ok) throw new RpcCallError(method, result.error);
      return result.value as never;
    },
    async tryCall(method, input) {
      return (await transport(method, input)) as never;
    },
  };
}
