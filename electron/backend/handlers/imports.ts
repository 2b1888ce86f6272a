import type { importsContract } from '../../../shared/contract/imports';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import {
  cancelTask,
  closeImport,
  commitSession,
  errorReport,
  fixCell,
  listBatches,
  listRows,
  mappingFor,
  openImport,
  previewImport,
  runImport,
  skipRows,
  undoBatch,
  validateImport,
} from '../services/import/import-service';
import { deleteTemplate, listTemplates } from '../services/import/templates';

export function importsHandlers({ core }: Runtime): Handlers<typeof importsContract, CallContext> {
  return {
    'imports.open': (input) => openImport(core, input),
    'imports.preview': (input, ctx) => previewImport(core, ctx, input),
    'imports.mapping': (input, ctx) => mappingFor(core, ctx, input),
    'imports.validate': (input) => validateImport(core, input),
    'imports.rows': (input, ctx) => listRows(core, ctx, input),
    'imports.fix': (input, ctx) => fixCell(core, ctx, input),
    'imports.skip': (input) => skipRows(core, input),
    'imports.commit': (input, ctx) => commitSession(core, ctx, input),
    'imports.errorReport': (input, ctx) => errorReport(core, ctx, input),
    'imports.cancel': ({ taskId }) => cancelTask(taskId),
    'imports.close': ({ sessionId }) => closeImport(core, sessionId),
    'imports.list': ({ limit }) => listBatches(core, limit),
    'imports.undo': ({ batchId }, ctx) => undoBatch(core, ctx, batchId),
    'imports.templates': ({ kind }) => listTemplates(core, kind),
    'imports.deleteTemplate': ({ id }, ctx) => {
      deleteTemplate(core, ctx.actor, id);
      return { ok: true };
    },
    'imports.run': (input, ctx) => runImport(core, ctx, input),
  };
}
