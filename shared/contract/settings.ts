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

export const settingsPatchSchema = settingsSchema.partial().strict();
