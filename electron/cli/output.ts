import { RpcCallError } from '../../shared/rpc/errors';
import { AppError } from '../../shared/rpc/errors';
import { NewerDatabaseError } from '../../db/migrate';

/** Exit codes: 0 success, 1 failure (bad input, unreadable file, refused operation), 2 rows with errors. */
export const EXIT = { ok: 0, failed: 1, rowErrors: 2 } as const;

export class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One clear line on stderr for any error, and the exit code to use. */
export function reportError(error: unknown, lang: 'zh-CN' | 'en' = 'zh-CN'): number {
  if (error instanceof CliExit) {
    if (error.message) process.stderr.write(`${error.message}\n`);
    return error.code;
  }
  if (error instanceof RpcCallError) {
    const issues = error.issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
    process.stderr.write(`错误 [${error.code}] ${error.message}${issues ? `\n${issues}` : ''}\n`);
    return EXIT.failed;
  }
  if (error instanceof AppError) {
    process.stderr.write(`错误 [${error.code}] ${lang === 'en' ? error.text.en : error.text.zh}\n`);
    return EXIT.failed;
  }
  if (error instanceof NewerDatabaseError) {
    process.stderr.write(`错误：数据库由更新版本的 SalesDesk 写入（架构版本 ${error.dbVersion} > ${error.appVersion}），请升级后再打开。\n`);
    return EXIT.failed;
  }
  const e = error as NodeJS.ErrnoException;
  process.stderr.write(`错误：${e?.message ?? String(error)}\n`);
  return EXIT.failed;
}
