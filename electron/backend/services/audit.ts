import { desc, and, eq, type SQL } from 'drizzle-orm';
import { auditLog } from '../../../db/schema';
import type { Actor, Core } from '../core';
import { newId } from '../ids';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  journalId?: string | null;
}

/** Appends one entry to the append-only audit log (call inside the write's transaction). */
export function recordAudit(core: Core, actor: Actor, entry: AuditEntry, at = core.clock.now()): void {
  core.db
    .insert(auditLog)
    .values({
      id: newId(at),
      at,
      userId: actor.id,
      userName: actor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
      journalId: entry.journalId ?? null,
    })
    .run();
}

/** Only the fields that changed, as {before, after}; nothing when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function listAudit(core: Core, filter: { entityType?: string | undefined; entityId?: string | undefined; limit: number }) {
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  return core.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit)
    .all()
    .map((r) => ({
      id: r.id,
      at: r.at,
      userName: r.userName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: parseJson(r.before),
      after: parseJson(r.after),
      reason: r.reason,
    }));
}
