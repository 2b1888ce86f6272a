import { RpcCallError } from '../../../shared/rpc/errors';

/** The message to show for a failed call: the backend's localised message, or the JS error's. */
export function errorMessage(error: unknown): string {
  if (error instanceof RpcCallError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
