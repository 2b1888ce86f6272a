import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

export const idSchema = z.string().min(1).max(64);
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
/** Integer fen; bounded so that sums of a million rows stay exact in a double. */
export const fenSchema = z.number().int().min(-1e13).max(1e13);
export const nonNegativeFenSchema = fenSchema.min(0);
export const timestampSchema = z.number().int().nonnegative();
export const versionSchema = z.number().int().positive();
export const shortText = (max = 200) => z.string().trim().max(max);
export const reasonSchema = z.string().trim().min(1).max(500);

export const roleSchema = z.enum(['admin', 'manager', 'coordinator']);
export const tierSchema = z.enum(['A', 'B', 'C']);
export const dealStatusSchema = z.enum(['prospect', 'negotiating', 'won', 'lost']);
export const repStatusSchema = z.enum(['active', 'paused', 'left']);

export const okSchema = z.object({ ok: z.literal(true) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int().nonnegative(), items: z.array(item) });
}
