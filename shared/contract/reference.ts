import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { fenSchema, repStatusSchema, timestampSchema } from './common';

export const territorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type Territory = z.output<typeof territorySchema>;

export const repSchema = z.object({
  id: z.string(),
  employeeNo: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: repStatusSchema,
  capacity: z.number().int().nullable(),
  specialities: z.array(z.string()),
  territoryId: z.string().nullable(),
  territoryName: z.string().nullable(),
  accountCount: z.number().int(),
  openReceivableFen: fenSchema,
  openCases: z.number().int(),
  version: z.number().int(),
});
export type Rep = z.output<typeof repSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: timestampSchema,
  userName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

export const referenceContract = {
  'territories.list': { input: z.object({}).strict(), output: z.array(territorySchema), summary: 'The territory tree as a flat list' },
  'reps.list': {
    input: z.object({ includeLeft: z.boolean().default(false) }),
    output: z.array(repSchema),
    summary: 'Reps with their current load',
  },
  'audit.list': {
    input: z.object({ entityType: z.string().max(50).optional(), entityId: z.string().max(64).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(auditEntrySchema),
  },
} satisfies ContractShape;
