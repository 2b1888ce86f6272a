import { contract } from '../../shared/contract';
import { createClient } from '../../shared/rpc/client';
import { createBackend, type Backend } from '../backend/createBackend';
import { silentLogger } from '../backend/logger';
import { defaultDbFile } from '../backend/paths';
import { inProcessTransport } from '../backend/transports/in-process';
import { CliExit, EXIT } from './output';

export interface GlobalOptions {
  db?: string;
  user?: string;
}

export function resolveDbFile(opts: GlobalOptions): string {
  return opts.db ?? defaultDbFile();
}

/** Opens the same backend the app uses, signed in as --user (or the session rules' default). */
export function openCliBackend(opts: GlobalOptions): { backend: Backend; client: ReturnType<typeof createClient<typeof contract>> } {
  const backend = createBackend({ dbFile: resolveDbFile(opts), logger: silentLogger, user: opts.user, trusted: true, synchronous: 'NORMAL' });
  if (opts.user && backend.runtime.session.user?.username !== opts.user) {
    backend.close();
    throw new CliExit(EXIT.failed, `没有名为“${opts.user}”的启用用户 / no active user named "${opts.user}"`);
  }
  return { backend, client: createClient(contract, inProcessTransport(backend.dispatch)) };
}

/** Runs fn with an open backend and always closes it. */
export async function withBackend<T>(opts: GlobalOptions, fn: (b: ReturnType<typeof openCliBackend>) => Promise<T> | T): Promise<T> {
  const b = openCliBackend(opts);
  try {
    return await fn(b);
  } finally {
    b.backend.close();
  }
}
