import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBackend } from '../createBackend';
import { defaultDbFile } from '../paths';
import { runDueScheduledExports, startExportScheduler } from '../services/export/scheduled-exports';
import { startHttpServer } from './server';

/**
 * npm run preview: the same UI and backend as the desktop app, in a browser, over 127.0.0.1.
 * Usage: tsx electron/backend/http/preview.ts [--db file] [--port n]
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const staticDir = resolve('out/renderer');
  if (!existsSync(resolve(staticDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const dbFile = arg('--db') ?? defaultDbFile();
  const backend = createBackend({ dbFile });
  const server = await startHttpServer({ backend, staticDir, port: arg('--port') ? Number(arg('--port')) : 0 });
  process.stdout.write(`SalesDesk preview: ${server.url}\n数据库 / database: ${dbFile}\n(Ctrl+C 退出 / to stop)\n`);
  // Like the desktop app: missed scheduled exports catch up now, due ones run each minute.
  void runDueScheduledExports(backend.core, backend.runtime.session.actor()).catch((error: unknown) => backend.core.logger.error('scheduled exports failed', error));
  const stopScheduler = startExportScheduler(backend.core, () => backend.runtime.session.actor());
  const stop = async () => {
    stopScheduler();
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
