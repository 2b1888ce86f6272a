import { z } from 'zod';
import { DUPLICATE_POLICIES, IMPORT_KINDS } from '../domain/import/kinds';
import type { ContractShape } from '../rpc/types';
import { idSchema, okSchema, timestampSchema } from './common';

export const encodingChoiceSchema = z.enum(['auto', 'utf8', 'gb18030', 'utf16le', 'utf16be', 'windows-1252']);
export const importKindSchema = z.enum(IMPORT_KINDS);
export const duplicatePolicySchema = z.enum(DUPLICATE_POLICIES);
const sessionId = z.string().min(1).max(64);

export const sheetInfoSchema = z.object({ name: z.string(), state: z.enum(['visible', 'hidden', 'veryHidden']), readable: z.boolean() });

export const importFileSchema = z.object({
  sessionId: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  format: z.string(),
  encoding: z.string().nullable(),
  /** bom | utf8 | gb18030 | fallback | manual (text files). */
  encodingSource: z.string().nullable(),
  date1904: z.boolean(),
  sheets: z.array(sheetInfoSchema),
  defaultSheet: z.string().nullable(),
});

const warningSchema = z.object({ code: z.string(), message: z.string() });
const mergeSchema = z.object({ top: z.number().int(), left: z.number().int(), bottom: z.number().int(), right: z.number().int() });

export const importPreviewSchema = z.object({
  sheet: z.string(),
  headerRow: z.number().int(),
  headerRows: z.union([z.literal(1), z.literal(2)]),
  detectedHeaderRow: z.number().int(),
  encoding: z.string().nullable(),
  encodingSource: z.string().nullable(),
  rowCount: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string(), marked: z.boolean(), samples: z.array(z.string()) })),
  grid: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()), filled: z.array(z.number().int()) })),
  merges: z.array(mergeSchema),
  warnings: z.array(warningSchema),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  values: z.array(z.string()).nullable(),
});

export const columnMappingSchema = z.object({ column: z.number().int().min(0).max(16383), field: z.string().max(40).nullable() });

export const importMappingSchema = z.object({
  kind: importKindSchema,
  fields: z.array(importFieldSchema),
  requiredAnyOf: z.array(z.array(z.string())),
  mapping: z.array(z.object({ column: z.number().int(), field: z.string().nullable(), confidence: z.number() })),
  template: z.object({ id: z.string(), name: z.string(), sender: z.string().nullable() }).nullable(),
  shapeKey: z.string(),
});

/** Owners the allocation rules give the new accounts of an accounts import (when asked to). */
export const importAllocationSchema = z.object({
  /** New accounts without an owner in the sheet. */
  accounts: z.number().int(),
  assigned: z.number().int(),
  toPool: z.number().int(),
  /** Reps a rule or the fallback names, or whose load changes: new accounts, and accounts held before → after. */
  byRep: z.array(z.object({ repId: z.string(), name: z.string(), count: z.number().int(), accountsBefore: z.number().int(), accountsAfter: z.number().int() })),
  fingerprint: z.string(),
});

export const validationSummarySchema = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  errorRows: z.number().int(),
  warningRows: z.number().int(),
  userSkipped: z.number().int(),
  plan: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), skip: z.number().int(), error: z.number().int() }),
  duplicatesInFile: z.number().int(),
  duplicatesInDb: z.number().int(),
  entities: z.number().int().nullable(),
  allocation: importAllocationSchema.nullable(),
});
export type ValidationSummaryDto = z.output<typeof validationSummarySchema>;

export const rowIssueSchema = z.object({
  level: z.enum(['error', 'warning']),
  code: z.string(),
  col: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()),
});

export const rowActionSchema = z.enum(['create', 'update', 'unchanged', 'skip', 'error']);

export const importRowSchema = z.object({
  index: z.number().int(),
  row: z.number().int(),
  cells: z.array(z.string()),
  filled: z.array(z.number().int()),
  fixed: z.array(z.number().int()),
  status: z.enum(['ok', 'warning', 'error']),
  action: rowActionSchema,
  skipped: z.boolean(),
  issues: z.array(rowIssueSchema),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  /** The owner the allocation rules give this new account (repName null = the pool), and by which rule. */
  owner: z.object({ repId: z.string().nullable(), repName: z.string().nullable(), rule: z.string() }).nullable(),
});
export type ImportRow = z.output<typeof importRowSchema>;

export const rowFilterSchema = z.enum(['all', 'errors', 'warnings', 'create', 'update', 'unchanged', 'skip', 'duplicates']);

export const commitResultSchema = z.object({
  batchId: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  errorReport: z.string().nullable(),
  warnings: z.array(warningSchema),
});

export const importBatchSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  sheet: z.string().nullable(),
  onDuplicate: duplicatePolicySchema,
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
  undoneAt: z.number().nullable(),
});

export const importTemplateSchema = z.object({ id: z.string(), name: z.string(), kind: importKindSchema, sender: z.string().nullable(), lastUsedAt: z.number().nullable(), fields: z.number().int() });

/** The CLI's --json document (the issue's contract), also what imports.run returns. */
export const importRunResultSchema = z.object({
  file: z.string(),
  kind: importKindSchema,
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), header: z.string().nullable(), value: z.string(), code: z.string(), message: z.string() })),
  warnings: z.array(z.object({ row: z.number().int().nullable(), column: z.string().nullable(), header: z.string().nullable(), value: z.string(), code: z.string(), message: z.string() })),
  /** All errors / warnings (the lists stop at 10,000 each). */
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  batchId: z.string().nullable(),
  dryRun: z.boolean(),
  unchanged: z.number().int(),
  plan: validationSummarySchema.shape.plan,
  errorReport: z.string().nullable(),
  /** With assignOwners: who gets each new account (row as in Excel, rep or null for the pool, rule). */
  allocation: importAllocationSchema.extend({ rows: z.array(z.object({ row: z.number().int(), name: z.string(), rep: z.string().nullable(), rule: z.string() })) }).nullable(),
});
export type ImportRunResult = z.output<typeof importRunResultSchema>;

const validateInput = z
  .object({
    sessionId,
    kind: importKindSchema,
    mapping: z.array(columnMappingSchema).max(16384),
    onDuplicate: duplicatePolicySchema.default('skip'),
    unmapped: z.enum(['notes', 'ignore']).default('ignore'),
    assignOwners: z.boolean().default(false),
    sender: z.string().trim().max(100).nullable().optional(),
    taskId: z.string().max(64).optional(),
  })
  .strict();

export const importsContract = {
  'imports.open': {
    input: z.object({ path: z.string().min(1).max(4096), fileName: z.string().max(260).optional(), encoding: encodingChoiceSchema.default('auto'), taskId: z.string().max(64).optional() }).strict(),
    output: importFileSchema,
    summary: 'Open a spreadsheet for import: sniff the format and encoding, list the sheets',
  },
  'imports.preview': {
    input: z
      .object({
        sessionId,
        sheet: z.string().max(100).optional(),
        headerRow: z.number().int().min(0).max(1_048_576).optional(),
        headerRows: z.union([z.literal(1), z.literal(2)]).optional(),
        encoding: encodingChoiceSchema.optional(),
        kind: importKindSchema.optional(),
      })
      .strict(),
    output: importPreviewSchema,
    summary: 'First rows of a sheet with the detected (or chosen) header row',
  },
  'imports.mapping': {
    input: z.object({ sessionId, kind: importKindSchema, sender: z.string().trim().max(100).nullable().optional() }).strict(),
    output: importMappingSchema,
    summary: 'Fields of a kind and the proposed column mapping (remembered template or synonyms)',
  },
  'imports.validate': { input: validateInput, output: validationSummarySchema, summary: 'Read all rows, normalise, validate, find duplicates; the dry run' },
  'imports.rows': {
    input: z.object({ sessionId, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100), filter: rowFilterSchema.default('all') }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(importRowSchema) }),
  },
  'imports.fix': {
    input: z.object({ sessionId, index: z.number().int().min(1), column: z.number().int().min(0).max(16383), value: z.string().max(4000) }).strict(),
    output: z.object({ row: importRowSchema, summary: validationSummarySchema }),
    summary: 'Correct one cell and re-check its row',
  },
  'imports.skip': {
    input: z.object({ sessionId, indexes: z.array(z.number().int().min(1)).max(1_100_000), skip: z.boolean() }).strict(),
    output: validationSummarySchema,
  },
  'imports.commit': {
    input: z.object({ sessionId, skipInvalid: z.boolean().default(false), saveTemplate: z.boolean().default(true), templateName: z.string().trim().max(100).optional() }).strict(),
    output: commitResultSchema,
    summary: 'Write the validated rows in one transaction (undoable)',
  },
  'imports.errorReport': { input: z.object({ sessionId }).strict(), output: z.object({ path: z.string(), rows: z.number().int() }) },
  'imports.cancel': { input: z.object({ taskId: z.string().max(64) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'imports.close': { input: z.object({ sessionId }).strict(), output: okSchema },
  'imports.list': { input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), output: z.array(importBatchSchema) },
  'imports.undo': { input: z.object({ batchId: idSchema }).strict(), output: z.object({ batchId: z.string(), deleted: z.number().int(), restored: z.number().int() }), summary: 'Undo an import batch' },
  'imports.templates': { input: z.object({ kind: importKindSchema.optional() }).strict(), output: z.array(importTemplateSchema) },
  'imports.deleteTemplate': { input: z.object({ id: idSchema }).strict(), output: okSchema },
  'imports.run': {
    input: z
      .object({
        path: z.string().min(1).max(4096),
        kind: importKindSchema,
        sheet: z.string().max(100).optional(),
        headerRow: z.number().int().min(0).max(1_048_576).optional(),
        encoding: encodingChoiceSchema.default('auto'),
        mapping: z.string().max(100).default('auto'),
        onDuplicate: duplicatePolicySchema.default('skip'),
        dryRun: z.boolean().default(false),
        skipInvalid: z.boolean().default(false),
        unmapped: z.enum(['notes', 'ignore']).default('ignore'),
        assignOwners: z.boolean().default(false),
        sender: z.string().trim().max(100).optional(),
        taskId: z.string().max(64).optional(),
      })
      .strict(),
    output: importRunResultSchema,
    summary: 'Import a file in one go (the CLI and automation)',
  },
} satisfies ContractShape;
