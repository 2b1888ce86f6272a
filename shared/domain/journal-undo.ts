/**
 * Whether a journal (one undoable bulk operation) can still be undone. Each item remembers the
 * version its row had right after the operation; a row whose version moved on was changed later,
 * and undoing would silently throw that change away, so the whole undo is refused.
 */
export interface UndoItem {
  entityId: string;
  afterVersion: number | null;
}

export type UndoBlocker = { entityId: string; reason: 'changed'; afterVersion: number; currentVersion: number } | { entityId: string; reason: 'missing' };

export function undoBlockers(items: readonly UndoItem[], currentVersion: (entityId: string) => number | undefined): UndoBlocker[] {
  const out: UndoBlocker[] = [];
  for (const item of items) {
    if (item.afterVersion === null) continue;
    const current = currentVersion(item.entityId);
    if (current === undefined) out.push({ entityId: item.entityId, reason: 'missing' });
    else if (current !== item.afterVersion) out.push({ entityId: item.entityId, reason: 'changed', afterVersion: item.afterVersion, currentVersion: current });
  }
  return out;
}
