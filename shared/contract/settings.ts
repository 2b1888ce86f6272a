import { z } from 'zod';
import { agingBoundsProblem, DEFAULT_AGING_BOUNDS } from '../domain/aging';
import { creditSettingsFields } from './credit-settings';
import { calendarProblem, DEFAULT_WORK_CALENDAR, type WorkCalendar } from '../domain/work-calendar';
import { isIsoDate } from '../domain/dates';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

/** 工作日历 for SLA clocks: weekdays, daily periods (lunch is the gap), holidays and 调休 workdays. */
export const workCalendarSchema = z
  .object({
    timeZone: z.string().min(1).max(64),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    periods: z.array(z.object({ start: z.string().max(5), end: z.string().max(5) })).min(1).max(6),
    holidays: z.array(isoDate).max(1000),
    makeupWorkdays: z.array(isoDate).max(1000),
  })
  .superRefine((cal, ctx) => {
    const problem = calendarProblem(cal);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem.zh} / ${problem.en}` });
  });

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
  /** SLA clocks count working time in this calendar. */
  workCalendar: workCalendarSchema.default((): WorkCalendar => ({ ...DEFAULT_WORK_CALENDAR, weekdays: [...DEFAULT_WORK_CALENDAR.weekdays], periods: DEFAULT_WORK_CALENDAR.periods.map((p) => ({ ...p })), holidays: [], makeupWorkdays: [] })),
  /** AR aging bucket upper bounds in days overdue: [30, 60, 90] → not due / 1-30 / 31-60 / 61-90 / 90+. */
  agingBounds: z
    .array(z.number().int())
    .superRefine((b, ctx) => {
      const problem = agingBoundsProblem(b);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem.zh} / ${problem.en}` });
    })
    .default(() => [...DEFAULT_AGING_BOUNDS]),
  /** A running SLA clock with at most this many working minutes left is "about to breach". */
  slaWarnMinutes: z.number().int().min(0).max(100_000).default(60),
  /** Auto-allocation fallback: this rep takes what no rule's rep can; null sends it to the pool (公海). */
  allocationFallbackRepId: z.string().max(64).nullable().default(null),
  /** Reasons offered when transferring accounts (a typed reason is always allowed too). */
  transferReasons: z
    .array(z.string().trim().min(1).max(100))
    .max(50)
    .default(['业务员离职交接', '区域调整', '客户要求更换对接人', '负载均衡', '业绩/跟进不力', '新客户分配']),
  /** The day the automatic pool reclaim last ran (it runs once a day at start). */
  lastPoolReclaimOn: z.string().nullable().default(null),
  /** 12 monthly weights (Jan … Dec) for splitting quarter / year targets "by seasonality". */
  targetSeasonality: z.array(z.number().int().min(0).max(1000)).length(12).default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  /** Credit defaults, overdue rule, warning line, grading bands, hold suggestion (see credit-settings.ts). */
  ...creditSettingsFields,
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
