import type { SQL } from 'drizzle-orm';
import { accountPresetCondition } from '../../../db/repositories/account-presets';
import { addDays } from '../../../shared/domain/dates';
import { type AccountPreset, NEW_HOLD_DAYS } from '../../../shared/domain/work-queues';
import { startOfDayMs } from '../../../shared/domain/zoned-time';
import type { Core } from '../core';

/** A work-queue preset's condition for today (in the settings' time zone). */
export function accountPresetWhere(core: Core, preset: AccountPreset): SQL {
  const today = core.today();
  return accountPresetCondition(preset, { today, newHoldSinceMs: startOfDayMs(addDays(today, 1 - NEW_HOLD_DAYS), core.settings().timeZone) });
}
