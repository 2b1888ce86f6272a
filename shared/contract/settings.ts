import { z } from 'zod';

/**
 * Application settings, one key each in the settings table. Every field has a default so that an
 * older database (or a hand-edited value that fails validation) still yields a complete object.
 */
export const settingsSchema = z.object({
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  signInRequired: z.boolean().default(false),
  companyName: z.string().max(100).default(''),
  /** The calendar "today" and report periods are computed in this zone. */
  timeZone: z.string().max(64).default('Asia/Shanghai'),
  backupKeepDays: z.number().int().min(1).max(365).default(14),
  lastAutoBackupOn: z.string().nullable().default(null),
  /** 12 monthly weights (Jan … Dec) for splitting quarter / year targets "by seasonality". */
  targetSeasonality: z.array(z.number().int().min(0).max(1000)).length(12).default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
});

export type AppSettings = z.output<typeof settingsSchema>;
export type SettingKey = keyof AppSettings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

/** The shape with every field optional and its default removed: an absent key means "leave it". */
function withoutDefaults<T extends z.ZodRawShape>(shape: T): { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    const base = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    out[key] = z.optional(base);
  }
  // Built key by key above; the mapped type states what that loop produces.
  return out as { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
}

export const settingsPatchSchema = z.object(withoutDefaults(settingsSchema.shape)).strict();
