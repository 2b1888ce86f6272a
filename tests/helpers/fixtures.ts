import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The shared third-party fixtures (spreadsheets, CSVs, datasets) beside the project. */
export function fixturesDir(): string {
  return process.env.SALESDESK_FIXTURES ?? resolve(projectRoot, '../shared/fixtures');
}

/**
 * The path of a fixture; fails loudly when the fixtures folder is missing, so a test run without them
 * is a failure rather than a silent skip.
 */
export function fixture(...parts: string[]): string {
  const dir = fixturesDir();
  if (!existsSync(join(dir, 'INDEX.md'))) {
    throw new Error(`fixtures not found at ${dir}: set SALESDESK_FIXTURES to the shared fixtures folder (e.g. /work/shared/fixtures)`);
  }
  return join(dir, ...parts);
}
