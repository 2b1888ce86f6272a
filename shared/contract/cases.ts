import { z } from 'zod';
import { CASE_STATES } from '../domain/case-state';
import type { ContractShape } from '../rpc/types';
import { idSchema, pageOf, shortText, timestampSchema, versionSchema } from './common';
import { gridQuerySchema } from './grid';

export const caseTypeSchema = z.enum(['repair', 'replacement', 'return', 'refund', 'complaint', 'consultation']);
export const casePrioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export const caseStateSchema = z.enum(CASE_STATES);
export const attachmentSchema = z.object({ name: shortText(200).min(1), path: shortText(1000).min(1) }).strict();

export const slaClockSchema = z.object({
  status: z.enum(['none', 'running', 'paused', 'met', 'breached']),
  targetMinutes: z.number().int().nullable(),
  elapsedMinutes: z.number(),
  remainingMinutes: z.number().nullable(),
  dueAt: timestampSchema.nullable(),
  breached: z.boolean(),
  /** Running with no more than the warning threshold left. */
  aboutToBreach: z.boolean(),
});
export type SlaClockView = z.output<typeof slaClockSchema>;

/** The worse of the two clocks, for list colours and filters. */
export const slaStateSchema = z.enum(['breached', 'about_to_breach', 'on_track', 'paused', 'met', 'none']);

export const caseRowSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  type: caseTypeSchema,
  priority: casePrioritySchema,
  state: caseStateSchema,
  accountId: z.string(),
  accountName: z.string(),
  orderId: z.string().nullable(),
  orderNo: z.string().nullable(),
  ownerRepId: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  warranty: z.enum(['in', 'out', 'unknown']),
  escalationLevel: z.number().int(),
  openedAt: timestampSchema,
  firstRespondedAt: timestampSchema.nullable(),
  resolvedAt: timestampSchema.nullable(),
  firstResponse: slaClockSchema,
  resolution: slaClockSchema,
  sla: slaStateSchema,
  version: versionSchema,
});
export type CaseRow = z.output<typeof caseRowSchema>;

export const CASE_GRID_COLUMNS = ['caseNo', 'title', 'type', 'priority', 'state', 'accountName', 'orderNo', 'ownerName', 'openedAt', 'resolutionDueAt', 'firstResponseDueAt', 'warranty'] as const;

export const caseDetailSchema = z.object({
  case: caseRowSchema.extend({
    description: z.string(),
    orderLineId: z.string().nullable(),
    productId: z.string().nullable(),
    productName: z.string().nullable(),
    serialNo: z.string().nullable(),
    warrantyExpiresOn: z.string().nullable(),
    attachments: z.array(z.object({ name: z.string(), path: z.string() })),
    closedAt: timestampSchema.nullable(),
  }),
  events: z.array(z.object({ id: z.string(), kind: z.string(), fromState: caseStateSchema.nullable(), toState: caseStateSchema.nullable(), note: z.string().nullable(), at: timestampSchema, by: z.string().nullable() })),
  allowedStates: z.array(caseStateSchema),
});
export type CaseDetail = z.output<typeof caseDetailSchema>;

export const slaPolicySchema = z.object({
  id: z.string().nullable(),
  priority: casePrioritySchema,
  tier: z.enum(['A', 'B', 'C']).nullable(),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  /** A built-in default (no row saved yet). */
  builtIn: z.boolean(),
});

const caseRef = z.object({ id: idSchema, version: versionSchema });
const owner = { ownerRepId: idSchema.nullable().optional(), ownerUserId: idSchema.nullable().optional() };

export const casesContract = {
  'cases.list': {
    input: gridQuerySchema.extend({
      filter: z
        .object({
          sla: z.enum(['breached', 'about_to_breach', 'on_track']).optional(),
          states: z.array(caseStateSchema).max(5).optional(),
          /** Only cases not yet resolved or closed. */
          open: z.boolean().optional(),
          accountId: idSchema.optional(),
          orderId: idSchema.optional(),
          ownerRepId: idSchema.optional(),
          priority: z.array(casePrioritySchema).max(4).optional(),
        })
        .strict()
        .default({}),
    }),
    output: pageOf(caseRowSchema),
    summary: 'Cases with SLA countdowns; filters for breached / about to breach',
  },
  'cases.get': { input: z.union([z.object({ id: idSchema }).strict(), z.object({ caseNo: shortText(40).min(1) }).strict()]), output: caseDetailSchema },
  'cases.create': {
    input: z
      .object({
        accountId: idSchema,
        orderId: idSchema.nullable().optional(),
        orderLineId: idSchema.nullable().optional(),
        productId: idSchema.nullable().optional(),
        serialNo: shortText(100).nullable().optional(),
        type: caseTypeSchema,
        priority: casePrioritySchema.default('P3'),
        title: shortText(200).min(1),
        description: shortText(5000).default(''),
        ...owner,
        attachments: z.array(attachmentSchema).max(50).default([]),
      })
      .strict(),
    output: caseDetailSchema,
    summary: 'Open an after-sales case; the SLA targets come from the policy for its priority (and tier)',
  },
  'cases.update': {
    input: caseRef
      .extend({ patch: z.object({ title: shortText(200).min(1).optional(), description: shortText(5000).optional(), type: caseTypeSchema.optional(), priority: casePrioritySchema.optional(), serialNo: shortText(100).nullable().optional() }).strict() })
      .strict(),
    output: caseDetailSchema,
  },
  'cases.setState': {
    input: caseRef.extend({ state: caseStateSchema, note: shortText(2000).optional() }).strict(),
    output: caseDetailSchema,
    summary: 'Move a case (waiting on customer pauses the SLA; resolved/closed can be reopened, which is logged)',
  },
  'cases.respond': { input: caseRef.extend({ note: shortText(2000).min(1) }).strict(), output: caseDetailSchema, summary: 'Record the first (or a further) response to the customer' },
  'cases.comment': { input: caseRef.extend({ note: shortText(2000).min(1) }).strict(), output: caseDetailSchema },
  'cases.escalate': {
    input: caseRef.extend({ ...owner, note: shortText(2000).min(1) }).strict(),
    output: caseDetailSchema,
    summary: 'Escalate: reassign to another rep or user with a note (logged)',
  },
  'cases.addAttachment': { input: caseRef.extend({ attachment: attachmentSchema }).strict(), output: caseDetailSchema, summary: 'Attach a file reference (name + path)' },
  'sla.policies.list': { input: z.object({}).strict(), output: z.array(slaPolicySchema), summary: 'SLA targets by priority (and tier), in working minutes' },
  'sla.policies.save': {
    input: z
      .object({ priority: casePrioritySchema, tier: z.enum(['A', 'B', 'C']).nullable().default(null), firstResponseMinutes: z.number().int().min(1).max(100_000), resolutionMinutes: z.number().int().min(1).max(1_000_000) })
      .strict(),
    output: z.array(slaPolicySchema),
    access: 'manager',
    summary: 'Set the SLA targets for a priority (optionally only for one account tier)',
  },
} satisfies ContractShape;
