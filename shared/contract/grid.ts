import { z } from 'zod';

/**
 * The server-side grid query: AG Grid's infinite row model asks for a block of rows with its sort and
 * filter models; the backend turns them into SQL over a whitelist of columns.
 */
export const sortItemSchema = z.object({
  colId: z.string().min(1).max(64),
  sort: z.enum(['asc', 'desc']),
});

const textFilter = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(200).nullish(),
});

const numberFilter = z.object({
  filterType: z.literal('number'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
  filter: z.number().finite().nullish(),
  filterTo: z.number().finite().nullish(),
});

const dateFilter = z.object({
  filterType: z.literal('date'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
  /** AG Grid sends "YYYY-MM-DD hh:mm:ss"; only the date part is used. */
  dateFrom: z.string().max(32).nullish(),
  dateTo: z.string().max(32).nullish(),
});

/** Our own filter for enumerated columns (tier, state …): the row's value is one of these. */
const setFilter = z.object({
  filterType: z.literal('set'),
  values: z.array(z.string().max(200)).max(500),
});

export const simpleFilterSchema = z.discriminatedUnion('filterType', [textFilter, numberFilter, dateFilter, setFilter]);

const combinedFilter = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(simpleFilterSchema).min(1).max(4),
});

export const columnFilterSchema = z.union([combinedFilter, simpleFilterSchema]);

export const gridQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(100),
  sort: z.array(sortItemSchema).max(4).default([]),
  filters: z.record(z.string().max(64), columnFilterSchema).default({}),
  search: z.string().trim().max(100).optional(),
});

export type GridQuery = z.output<typeof gridQuerySchema>;
export type ColumnFilter = z.output<typeof columnFilterSchema>;
export type SimpleFilter = z.output<typeof simpleFilterSchema>;
