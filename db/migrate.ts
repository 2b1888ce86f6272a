import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sqlite } from './client';

/** Where the SQL migrations live, from the source tree (tsx, vitest) or from the bundled app (out/main). */
export function findMigrationsDir(): string {
  const candidates = [
    fileURLToPath(new URL('./migrations', import.meta.url)),
    fileURLToPath(new URL('../../db/migrations', import.meta.url)),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`SalesDesk migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

export function readMigrations(dir: string = findMigrationsDir()): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      version: e.idx + 1,
      tag: e.tag,
      statements: readFileSync(join(dir, `${e.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    }));
}

export class NewerDatabaseError extends Error {
  constructor(
    readonly dbVersion: number,
    readonly appVersion: number,
  ) {
    super(`database schema version ${dbVersion} is newer than this app supports (${appVersion})`);
  }
}

/** The schema version is PRAGMA user_version: the number of migrations applied. */
export function schemaVersion(sqlite: Sqlite): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Applies pending migrations, each in its own transaction together with the version bump, so a crash
 * leaves the database at a whole version. A database written by a newer app is refused untouched.
 * `beforeMigrate` runs only when something is pending and the database already has a schema (the
 * moment to take a backup).
 */
export function migrate(sqlite: Sqlite, opts: { migrations?: Migration[]; target?: number; beforeMigrate?: (from: number, to: number) => void } = {}): MigrateResult {
  const migrations = opts.migrations ?? readMigrations();
  const latest = migrations.length;
  const target = opts.target ?? latest;
  const from = schemaVersion(sqlite);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from, applied: [] };
  if (from > 0) opts.beforeMigrate?.(from, target);
  // Foreign keys are checked after each migration rather than during (table rebuilds need that).
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      sqlite.transaction(() => {
        for (const statement of m.statements) sqlite.exec(statement);
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) throw new Error(`migration ${m.tag} leaves ${violations.length} foreign key violations`);
        sqlite.pragma(`user_version = ${m.version}`);
      })();
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { from, to: target, applied: pending.map((m) => m.tag) };
}
