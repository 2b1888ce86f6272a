import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** A name in the folder that no file has yet: "x.xlsx", then "x (2).xlsx", "x (3).xlsx" … */
export function freeFileName(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = join(dir, name);
  for (let n = 2; existsSync(candidate); n++) candidate = join(dir, `${stem} (${n})${ext}`);
  return candidate;
}

/**
 * Writes through a hidden temporary file beside the target and renames it into place only when the
 * write finished: a crash, a full disk or an exception never leaves a half-written workbook behind.
 */
export async function writeAtomically<T>(target: string, write: (tempFile: string) => Promise<T>): Promise<T> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const result = await write(temp);
    renameSync(temp, target);
    return result;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
