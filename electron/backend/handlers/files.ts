import type { filesContract } from '../../../shared/contract/files';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { pickOpenFile, pickSaveFile, revealFile } from '../services/files';

export function filesHandlers({ core }: Runtime): Handlers<typeof filesContract, CallContext> {
  return {
    'files.pickOpen': async (input, ctx) => ({ path: await pickOpenFile(core, ctx.lang, input) }),
    'files.pickSave': async (input, ctx) => ({ path: await pickSaveFile(core, ctx.lang, input) }),
    'files.reveal': async (input) => {
      await revealFile(core, input.path);
      return { ok: true as const };
    },
  };
}
