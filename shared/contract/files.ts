import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { okSchema } from './common';

export const fileFilterSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, 'an extension without the dot, e.g. xlsx, or *')).min(1).max(20),
  })
  .strict();

/** A bare file name: the dialog opens in the usual place, the page cannot steer it to a folder. */
const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c)), { message: 'a file name without folders or reserved characters' });

const pickedSchema = z.object({ path: z.string().nullable() });

/**
 * Native file dialogs and the file manager. Only the desktop app has them: the browser preview and the
 * CLI answer UNSUPPORTED (status.canPickFiles / canOpenFolders say so in advance).
 */
export const filesContract = {
  'files.pickOpen': {
    input: z.object({ title: z.string().trim().max(100).optional(), filters: z.array(fileFilterSchema).max(10).default([]) }).strict(),
    output: pickedSchema,
    access: 'user',
    summary: 'Ask the user for a file to open (native dialog); path null when cancelled',
  },
  'files.pickSave': {
    input: z
      .object({ title: z.string().trim().max(100).optional(), defaultName: fileNameSchema.optional(), filters: z.array(fileFilterSchema).max(10).default([]) })
      .strict(),
    output: pickedSchema,
    access: 'user',
    summary: 'Ask the user where to save a file (native dialog); path null when cancelled',
  },
  'files.reveal': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: okSchema,
    access: 'user',
    summary: 'Show a file in the OS file manager',
  },
} satisfies ContractShape;
