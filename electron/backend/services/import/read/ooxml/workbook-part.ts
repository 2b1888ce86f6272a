import { posix } from 'node:path';
import type { SheetMeta, SheetState } from '../source';
import { normalizeName } from './zip-package';
import { XmlScanner } from './xml-scanner';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const scanner = new XmlScanner({
    open(name, a) {
      if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined) {
        out.push({ id: a.Id, type: a.Type ?? '', target: a.Target, external: a.TargetMode === 'External' });
      }
    },
    close() {},
    text() {},
  });
  scanner.write(xml);
  scanner.end();
  return out;
}

/** A relationship target resolved against the part that owns the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return normalizeName(t);
  return normalizeName(posix.normalize(posix.join(posix.dirname(fromPart), t)));
}

/** Relationship types by their last segment: transitional and Strict OOXML differ only in the prefix. */
export const relType = (r: Relationship): string => r.type.slice(r.type.lastIndexOf('/') + 1);

export interface WorkbookSheet extends SheetMeta {
  path: string | null;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

export function parseWorkbook(xml: string, workbookPath: string, rels: Relationship[]): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  const byId = new Map(rels.map((r) => [r.id, r]));
  const scanner = new XmlScanner({
    open(name, a) {
      // Extension lists repeat workbookPr (x15:workbookPr) without date1904: only the attribute counts.
      if (name === 'workbookPr' && a.date1904 !== undefined) date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        const rid = a['r:id'] ?? a.id ?? '';
        const rel = byId.get(rid);
        const state: SheetState = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
        const kind = rel ? relType(rel) : '';
        const path = rel && !rel.external && kind === 'worksheet' ? resolveTarget(workbookPath, rel.target) : null;
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, state, readable: path !== null, path });
      }
    },
    close() {},
    text() {},
  });
  scanner.write(xml);
  scanner.end();
  return { sheets, date1904 };
}
