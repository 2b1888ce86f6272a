import { and, desc, eq } from 'drizzle-orm';
import { importTemplates } from '../../../../db/schema';
import { normalizeHeader, type ColumnMapping } from '../../../../shared/domain/import/header-match';
import type { ImportKind } from '../../../../shared/domain/import/kinds';
import { shapeKey } from '../../../../shared/domain/import/shape-key';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { recordAudit } from '../audit';

/**
 * Remembered mappings. A template is stored by the file's shape (the hash of its normalised headers)
 * and optionally its sender; it maps header texts to fields, so it applies even when the same columns
 * come in another order. The next file of the same shape (or from the same sender) gets it proposed.
 */
export interface TemplateInfo {
  id: string;
  name: string;
  kind: ImportKind;
  sender: string | null;
  lastUsedAt: number | null;
  fields: number;
}

type StoredMapping = Record<string, string>;

function toStored(headers: readonly string[], mapping: readonly ColumnMapping[]): StoredMapping {
  const out: StoredMapping = {};
  for (const m of mapping) if (m.field) out[normalizeHeader(headers[m.column] ?? '').key] = m.field;
  return out;
}

function apply(headers: readonly string[], stored: StoredMapping): ColumnMapping[] {
  return headers.map((h, column) => {
    const field = stored[normalizeHeader(h).key] ?? null;
    return { column, field, confidence: field ? 1 : 0 };
  });
}

export function findTemplate(core: Core, kind: ImportKind, headers: readonly string[], sender: string | null): { template: TemplateInfo; mapping: ColumnMapping[] } | null {
  const shape = shapeKey(headers);
  const rows = core.db.select().from(importTemplates).where(and(eq(importTemplates.kind, kind), eq(importTemplates.shapeKey, shape))).orderBy(desc(importTemplates.lastUsedAt)).all();
  let row = (sender ? rows.find((r) => r.sender === sender) : undefined) ?? rows[0];
  if (!row && sender) {
    // Same sender, different shape: use it when it still maps most of its columns.
    const bySender = core.db.select().from(importTemplates).where(and(eq(importTemplates.kind, kind), eq(importTemplates.sender, sender))).orderBy(desc(importTemplates.lastUsedAt)).all();
    row = bySender.find((r) => {
      const stored = JSON.parse(r.mapping) as StoredMapping;
      const keys = new Set(headers.map((h) => normalizeHeader(h).key));
      const known = Object.keys(stored).filter((k) => keys.has(k)).length;
      return known >= Math.max(1, Object.keys(stored).length * 0.8);
    });
  }
  if (!row) return null;
  const stored = JSON.parse(row.mapping) as StoredMapping;
  return { template: info(row), mapping: apply(headers, stored) };
}

export function templateByName(core: Core, kind: ImportKind, name: string, headers: readonly string[]): ColumnMapping[] {
  const row = core.db.select().from(importTemplates).where(and(eq(importTemplates.kind, kind), eq(importTemplates.name, name))).orderBy(desc(importTemplates.lastUsedAt)).get();
  if (!row) throw new AppError('NOT_FOUND', msg(`没有名为“${name}”的${kind}导入模板`, `No ${kind} import template named "${name}"`));
  return apply(headers, JSON.parse(row.mapping) as StoredMapping);
}

function info(row: typeof importTemplates.$inferSelect): TemplateInfo {
  return { id: row.id, name: row.name, kind: row.kind, sender: row.sender, lastUsedAt: row.lastUsedAt, fields: Object.keys(JSON.parse(row.mapping) as object).length };
}

/** Saves (or refreshes) the template for this shape and sender. */
export function rememberTemplate(core: Core, actor: Actor, input: { kind: ImportKind; headers: readonly string[]; mapping: readonly ColumnMapping[]; sender: string | null; name: string | null }): TemplateInfo {
  const shape = shapeKey(input.headers);
  const mapping = JSON.stringify(toStored(input.headers, input.mapping));
  const now = core.clock.now();
  return core.tx(() => {
    const existing = core.db
      .select()
      .from(importTemplates)
      .where(and(eq(importTemplates.kind, input.kind), eq(importTemplates.shapeKey, shape)))
      .all()
      .find((r) => (r.sender ?? null) === input.sender);
    if (existing) {
      core.db
        .update(importTemplates)
        .set({ mapping, name: input.name ?? existing.name, lastUsedAt: now, updatedAt: now, updatedBy: actor.id, version: existing.version + 1 })
        .where(eq(importTemplates.id, existing.id))
        .run();
      return info({ ...existing, mapping, name: input.name ?? existing.name, lastUsedAt: now });
    }
    const row = {
      id: newId(now),
      name: input.name ?? `${input.sender ? `${input.sender} · ` : ''}${input.headers.slice(0, 3).join('、')}`.slice(0, 100),
      kind: input.kind,
      shapeKey: shape,
      sender: input.sender,
      mapping,
      options: '{}',
      lastUsedAt: now,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
      version: 1,
    };
    core.db.insert(importTemplates).values(row).run();
    recordAudit(core, actor, { action: 'import_template.create', entityType: 'import_template', entityId: row.id, after: { name: row.name, kind: row.kind } });
    return info(row);
  });
}

export function listTemplates(core: Core, kind?: ImportKind): TemplateInfo[] {
  const q = core.db.select().from(importTemplates);
  return (kind ? q.where(eq(importTemplates.kind, kind)) : q).orderBy(desc(importTemplates.lastUsedAt)).all().map(info);
}

export function deleteTemplate(core: Core, actor: Actor, id: string): void {
  core.tx(() => {
    const row = core.db.select().from(importTemplates).where(eq(importTemplates.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', msg('模板不存在', 'Template not found'));
    core.db.delete(importTemplates).where(eq(importTemplates.id, id)).run();
    recordAudit(core, actor, { action: 'import_template.delete', entityType: 'import_template', entityId: id, before: { name: row.name } });
  });
}
