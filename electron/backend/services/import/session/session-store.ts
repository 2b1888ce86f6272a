import { msg } from '../../../../../shared/i18n/text';
import { AppError } from '../../../../../shared/rpc/errors';
import type { Core } from '../../../core';
import type { ImportSession } from './import-session';

/**
 * Open import sessions per backend. Idle sessions are closed after two hours; at most eight are open
 * at once (each holds an attached staging database), the least recently used giving way.
 */
const IDLE_MS = 2 * 60 * 60 * 1000;
const MAX_OPEN = 8;
const stores = new WeakMap<Core, Map<string, ImportSession>>();
const allSessions = new Set<ImportSession>();

function store(core: Core): Map<string, ImportSession> {
  let s = stores.get(core);
  if (!s) stores.set(core, (s = new Map()));
  return s;
}

export function closeSession(core: Core, session: ImportSession): void {
  session.abort?.abort();
  store(core).delete(session.id);
  allSessions.delete(session);
  try {
    session.source.close();
  } catch {
    // Closing a half-read zip can fail; the staging file is what matters.
  }
  session.staging.close();
}

export function addSession(core: Core, session: ImportSession): void {
  const s = store(core);
  const now = Date.now();
  for (const other of [...s.values()]) if (now - other.lastUsed > IDLE_MS && !other.busy) closeSession(core, other);
  while (s.size >= MAX_OPEN) {
    const oldest = [...s.values()].filter((x) => !x.busy).sort((a, b) => a.lastUsed - b.lastUsed)[0];
    if (!oldest) throw new AppError('CONFLICT', msg('同时进行的导入太多，请先完成或关闭其他导入', 'Too many imports in progress; finish or close one first'));
    closeSession(core, oldest);
  }
  s.set(session.id, session);
  allSessions.add(session);
}

export function getSession(core: Core, id: string): ImportSession {
  const session = store(core).get(id);
  if (!session) throw new AppError('NOT_FOUND', msg('导入会话已过期或不存在，请重新选择文件', 'The import session has expired or does not exist; choose the file again'));
  session.lastUsed = Date.now();
  return session;
}

/** Runs fn with the session marked busy, so that a fix cannot land in the middle of a validation. */
export async function withSession<T>(core: Core, id: string, fn: (s: ImportSession) => Promise<T> | T): Promise<T> {
  const session = getSession(core, id);
  if (session.busy) throw new AppError('CONFLICT', msg('该导入正在处理中，请稍候', 'This import is busy; please wait'));
  session.busy = true;
  try {
    return await fn(session);
  } finally {
    session.busy = false;
    session.lastUsed = Date.now();
  }
}

export function findTask(taskId: string): ImportSession | undefined {
  for (const s of allSessions) if (s.taskId === taskId) return s;
  return undefined;
}

export function closeAllSessions(core: Core): void {
  for (const s of [...store(core).values()]) closeSession(core, s);
}

// Staging files live in the temp folder; remove them even when the process ends without closing.
process.once('exit', () => {
  for (const s of allSessions) {
    try {
      s.staging.close();
    } catch {
      // Best effort at exit.
    }
  }
});
