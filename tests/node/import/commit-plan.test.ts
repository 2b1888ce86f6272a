import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { commitPageSql } from '../../../electron/backend/services/import/commit/commit-pages';
import { Staging } from '../../../electron/backend/services/import/session/staging';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * The commit reads its rows page by page in one big transaction: each page must start where the
 * last one ended (a primary-key range), never read the remaining rows through results_action and
 * sort them, which made the commit of a 1,000,000-row file quadratic.
 */
describe('commit pages', () => {
  it.each([false, true])('walk the staged results by primary key (grouped: %s)', (grouped) => {
    const db = new Database(':memory:');
    const staging = new Staging(db);
    cleanup = () => {
      staging.close();
      db.close();
    };
    const plan = (db.prepare(`explain query plan ${commitPageSql(staging.schema, grouped)}`).all(0) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan).not.toContain('results_action');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
