import { relative, resolve, isAbsolute } from 'node:path';
import type { reportsContract } from '../../../shared/contract/reports';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { exportReport, exportsFolder, recentExports } from '../services/export/export-report';
import { deleteScheduledExport, listScheduledExports, runDueScheduledExports, runScheduledExport, saveScheduledExport } from '../services/export/scheduled-exports';
import { REPORTS } from '../services/reports/catalog';

function inside(root: string, file: string): boolean {
  const rel = relative(resolve(root), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export function reportsHandlers({ core }: Runtime): Handlers<typeof reportsContract, CallContext> {
  return {
    'reports.catalog': () => Object.values(REPORTS).map((r) => ({ report: r.report, title: r.title, description: r.description, hasPeriod: r.hasPeriod, hasRep: r.hasRep })),
    'reports.export': (req, ctx) => exportReport(core, ctx.actor, req),
    'reports.recent': ({ limit }) => recentExports(core, limit),
    'reports.reveal': async ({ file }) => {
      // Only our own export folders: the renderer must not be able to open arbitrary paths.
      const allowed = [exportsFolder(core), ...listScheduledExports(core).map((s) => s.folder)];
      if (!allowed.some((root) => inside(root, file))) throw new AppError('FORBIDDEN', msg('只能打开导出文件夹中的文件', 'Only files in the export folders can be shown'));
      if (!core.files.canOpenFolders) throw new AppError('UNSUPPORTED', msg('浏览器预览无法打开文件夹，请下载文件', 'The browser preview cannot open folders; download the file instead'));
      await core.files.revealFile(file);
      return { ok: true as const };
    },
    'scheduledExports.list': () => listScheduledExports(core),
    'scheduledExports.save': (input, ctx) => saveScheduledExport(core, ctx.actor, input),
    'scheduledExports.delete': ({ id, version }, ctx) => {
      deleteScheduledExport(core, ctx.actor, id, version);
      return { ok: true as const };
    },
    'scheduledExports.runNow': ({ id }, ctx) => runScheduledExport(core, ctx.actor, id),
    'scheduledExports.runDue': (_input, ctx) => runDueScheduledExports(core, ctx.actor),
  };
}
