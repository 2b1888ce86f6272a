import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The third-party fixtures (../shared/fixtures beside the project). A byte-identical copy lives in
 * tests/fixtures/shared so that a clean clone tests against the same files; SALESDESK_FIXTURES
 * overrides both.
 */
export function fixturesDir(): string {
  const candidates = [process.env.SALESDESK_FIXTURES, resolve('tests/fixtures/shared'), resolve('../shared/fixtures')];
  const found = candidates.find((c): c is string => typeof c === 'string' && existsSync(join(c, 'INDEX.md')));
  if (!found) throw new Error(`fixtures not found (looked in ${candidates.filter(Boolean).join(', ')}); set SALESDESK_FIXTURES`);
  return found;
}

export function fixture(...parts: string[]): string {
  return join(fixturesDir(), ...parts);
}
