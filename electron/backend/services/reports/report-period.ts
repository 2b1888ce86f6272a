import { periodLabel, type Period } from '../../../../shared/domain/periods';
import { startOfDayMs } from '../../../../shared/domain/zoned-time';
import { addDays } from '../../../../shared/domain/dates';
import type { Core } from '../../core';
import { resolvePeriodOrThrow } from '../targets/period-resolve';

export interface ReportPeriod {
  period: Period;
  /** "2026年第4季度（2026-10-01 至 2026-12-31，截至 2026-11-23）". */
  label: string;
  /** Epoch ms bounds [fromMs, toMs) for timestamp columns, at local midnight. */
  fromMs: number;
  toMs: number;
}

export function reportPeriod(core: Core, text: string): ReportPeriod {
  const period = resolvePeriodOrThrow(core, text);
  const today = core.today();
  const running = today >= period.start && today < period.end ? `，截至 ${today}` : '';
  const tz = core.settings().timeZone;
  return {
    period,
    label: `${periodLabel(period)}（${period.start} 至 ${period.end}${running}）`,
    fromMs: startOfDayMs(period.start, tz),
    toMs: startOfDayMs(addDays(period.end, 1), tz),
  };
}
