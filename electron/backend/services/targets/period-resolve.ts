import type { z } from 'zod';
import type { periodInfoSchema } from '../../../../shared/contract/targets';
import { periodLabel, resolvePeriod, type Period } from '../../../../shared/domain/periods';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Core } from '../../core';

export type PeriodInfo = z.output<typeof periodInfoSchema>;

/** A period text (key or relative word) resolved against core.today(), or a clear error. */
export function resolvePeriodOrThrow(core: Core, text: string): Period {
  const p = resolvePeriod(text, core.today());
  if (!p) {
    throw new AppError(
      'INVALID_INPUT',
      msg(`无法识别的期间“${text}”：应为 2026-10、2026-Q3、2026、last-month、this-quarter 等`, `Unknown period "${text}": expected 2026-10, 2026-Q3, 2026, last-month, this-quarter …`),
    );
  }
  return p;
}

export function periodInfo(p: Period): PeriodInfo {
  return { key: p.key, kind: p.kind, start: p.start, end: p.end, label: periodLabel(p) };
}
