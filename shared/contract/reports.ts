import { z } from 'zod';
import { SCHEDULE_KINDS, isTimeOfDay } from '../domain/schedule';
import { ACCOUNT_PRESETS } from '../domain/work-queues';
import type { ContractShape } from '../rpc/types';
import { idSchema, isoDateSchema, okSchema, timestampSchema, versionSchema } from './common';
import { gridQuerySchema } from './grid';
import { measureSchema, periodTextSchema } from './targets';

export const REPORT_KINDS = ['accounts', 'rep-performance', 'leaderboard', 'ar-aging', 'credit-risk', 'case-sla', 'transfers', 'pool', 'imports'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const reportKindSchema = z.enum(REPORT_KINDS);

/** A rep by id or by exact name (the CLI's --rep 张三). */
const repRefSchema = z.string().trim().min(1).max(64);

export const accountsReportQuerySchema = gridQuerySchema.pick({ sort: true, filters: true, search: true });

export const reportParamsSchema = z.discriminatedUnion('report', [
  z
    .object({
      report: z.literal('accounts'),
      /** The accounts grid's sort, filters and quick search: the export is the grid as filtered. */
      query: accountsReportQuerySchema.default({ sort: [], filters: {} }),
      /** The grid's work-queue preset (公海, follow-up due …), when it was opened from the dashboard. */
      preset: z.enum(ACCOUNT_PRESETS).optional(),
      /** The grid's visible columns in order (default: the usual set; ["all"]: every column). */
      columns: z.array(z.string().max(64)).max(60).optional(),
      rep: repRefSchema.optional(),
    })
    .strict(),
  z.object({ report: z.literal('rep-performance'), period: periodTextSchema.default('this-month'), rep: repRefSchema.optional(), territoryId: idSchema.optional() }).strict(),
  z.object({ report: z.literal('leaderboard'), period: periodTextSchema.default('this-month'), measure: measureSchema.default('sales'), by: z.enum(['attainment', 'amount']).default('attainment') }).strict(),
  z.object({ report: z.literal('ar-aging'), asOf: isoDateSchema.optional(), rep: repRefSchema.optional() }).strict(),
  z.object({ report: z.literal('credit-risk'), rep: repRefSchema.optional() }).strict(),
  z.object({ report: z.literal('case-sla'), period: periodTextSchema.default('this-month'), rep: repRefSchema.optional() }).strict(),
  z.object({ report: z.literal('transfers'), period: periodTextSchema.default('this-month'), rep: repRefSchema.optional() }).strict(),
  z.object({ report: z.literal('pool'), period: periodTextSchema.default('this-month') }).strict(),
  z.object({ report: z.literal('imports'), period: periodTextSchema.default('this-year') }).strict(),
]);
export type ReportParams = z.output<typeof reportParamsSchema>;
export type ReportParamsInput = z.input<typeof reportParamsSchema>;

export const exportFormatSchema = z.enum(['xlsx', 'csv']);
/** CSV text encoding: UTF-8 with a BOM (Excel on Windows reads it right) or GBK (GB18030) for older systems. */
export const csvEncodingSchema = z.enum(['utf8', 'gbk']);

export const exportRequestSchema = z
  .object({
    params: reportParamsSchema,
    format: exportFormatSchema.default('xlsx'),
    encoding: csvEncodingSchema.default('utf8'),
    /** Absolute folder to write into; default <dataDir>/exports. */
    folder: z.string().min(1).max(1000).optional(),
    /** A task id for progress events (task.progress); one is made up when missing. */
    taskId: z.string().max(64).optional(),
  })
  .strict();
export type ExportRequest = z.output<typeof exportRequestSchema>;

export const exportResultSchema = z.object({
  file: z.string(),
  report: reportKindSchema,
  period: z.string().nullable(),
  rows: z.number().int(),
  format: exportFormatSchema,
  bytes: z.number().int(),
  sheets: z.array(z.string()),
});
export type ExportResult = z.output<typeof exportResultSchema>;

export const reportInfoSchema = z.object({
  report: reportKindSchema,
  title: z.object({ zh: z.string(), en: z.string() }),
  description: z.object({ zh: z.string(), en: z.string() }),
  hasPeriod: z.boolean(),
  hasRep: z.boolean(),
});

export const scheduleKindSchema = z.enum(SCHEDULE_KINDS);

export const scheduledExportSchema = z.object({
  id: z.string(),
  name: z.string(),
  report: reportKindSchema,
  period: z.string(),
  params: reportParamsSchema,
  format: exportFormatSchema,
  encoding: csvEncodingSchema,
  folder: z.string(),
  schedule: scheduleKindSchema,
  runAt: z.string(),
  weekday: z.number().int().nullable(),
  monthDay: z.number().int().nullable(),
  enabled: z.boolean(),
  lastRunAt: timestampSchema.nullable(),
  lastResult: z.string().nullable(),
  nextRunAt: timestampSchema.nullable(),
  version: versionSchema,
});
export type ScheduledExport = z.output<typeof scheduledExportSchema>;

export const scheduledExportInputSchema = z
  .object({
    id: idSchema.optional(),
    version: versionSchema.optional(),
    name: z.string().trim().min(1).max(100),
    params: reportParamsSchema,
    format: exportFormatSchema.default('xlsx'),
    encoding: csvEncodingSchema.default('utf8'),
    folder: z.string().trim().min(1).max(1000),
    schedule: scheduleKindSchema,
    runAt: z.string().refine(isTimeOfDay, { message: 'expected HH:MM' }).default('08:00'),
    weekday: z.number().int().min(1).max(7).nullish(),
    monthDay: z.number().int().min(1).max(31).nullish(),
    enabled: z.boolean().default(true),
  })
  .strict();

export const scheduledRunSchema = z.object({ id: z.string(), name: z.string(), ok: z.boolean(), file: z.string().nullable(), message: z.string().nullable(), nextRunAt: timestampSchema.nullable() });

export const reportsContract = {
  'reports.catalog': { input: z.object({}).strict(), output: z.array(reportInfoSchema), summary: 'The report kinds and their parameters' },
  'reports.export': {
    input: exportRequestSchema,
    output: exportResultSchema,
    summary: 'Write a report workbook (xlsx) or CSV into the exports folder (or a given folder); returns the file',
  },
  'reports.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(z.object({ file: z.string(), name: z.string(), bytes: z.number().int(), modifiedAt: timestampSchema })),
    summary: 'Files in the exports folder, newest first',
  },
  'reports.reveal': { input: z.object({ file: z.string().min(1).max(1000) }).strict(), output: okSchema, summary: 'Show an exported file in the file manager (desktop app only)' },
  'scheduledExports.list': { input: z.object({}).strict(), output: z.array(scheduledExportSchema) },
  'scheduledExports.save': { input: scheduledExportInputSchema, output: scheduledExportSchema, summary: 'Create or change a scheduled export' },
  'scheduledExports.delete': { input: z.object({ id: idSchema, version: versionSchema }).strict(), output: okSchema },
  'scheduledExports.runNow': { input: z.object({ id: idSchema }).strict(), output: scheduledRunSchema },
  'scheduledExports.runDue': {
    input: z.object({}).strict(),
    output: z.array(scheduledRunSchema),
    summary: 'Run every enabled schedule that is due (missed runs are caught up once)',
  },
} satisfies ContractShape;
