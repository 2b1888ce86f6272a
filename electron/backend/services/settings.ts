import { settings as settingsTable } from '../../../db/schema';
import type { Db } from '../../../db/client';
import { type AppSettings, SETTING_KEYS, type SettingKey, settingsSchema } from '../../../shared/contract/settings';
import type { Actor } from '../core';

/**
 * Settings are one row per key. Reading validates each key on its own, so one bad value falls back
 * to its default instead of making every setting unreadable.
 */
export function readSettings(db: Db): AppSettings {
  const rows = db.select().from(settingsTable).all();
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    if (!(SETTING_KEYS as string[]).includes(row.key)) continue;
    try {
      const value: unknown = JSON.parse(row.value);
      const field = settingsSchema.shape[row.key as SettingKey];
      if (field.safeParse(value).success) raw[row.key] = value;
    } catch {
      // A corrupt value keeps its default.
    }
  }
  return settingsSchema.parse(raw);
}

export function writeSettings(db: Db, patch: Partial<AppSettings>, actor: Actor, at: number): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    db.insert(settingsTable)
      .values({ key, value: JSON.stringify(value), updatedAt: at, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settingsTable.key, set: { value: JSON.stringify(value), updatedAt: at, updatedBy: actor.id } })
      .run();
  }
}
