import type { z } from 'zod';
import type { creditDefaultsPatchSchema, creditDefaultsViewSchema } from '../../../../shared/contract/credit';
import { CREDIT_SETTING_KEYS } from '../../../../shared/contract/credit-settings';
import type { AppSettings } from '../../../../shared/contract/settings';
import type { Actor, Core } from '../../core';
import { recordAudit } from '../audit';
import { writeSettings } from '../settings';

type View = z.output<typeof creditDefaultsViewSchema>;
type Patch = z.output<typeof creditDefaultsPatchSchema>;

export function getCreditDefaults(core: Core): View {
  const s = core.settings();
  const groups = (core.sqlite.prepare("select distinct account_group as g from accounts where account_group is not null and account_group <> '' and deleted_at is null order by 1 limit 500").all() as { g: string }[]).map((r) => r.g);
  return {
    creditDefaults: s.creditDefaults,
    creditTierDefaults: s.creditTierDefaults,
    creditGroupDefaults: s.creditGroupDefaults,
    creditOverdueRule: s.creditOverdueRule,
    creditWarnAtPct: s.creditWarnAtPct,
    creditGrading: s.creditGrading,
    creditHoldSuggestion: s.creditHoldSuggestion,
    creditRunsKept: s.creditRunsKept,
    groupsInUse: groups,
  };
}

/** Company / tier / group defaults and thresholds: settings keys, changed by a manager, audited. */
export function updateCreditDefaults(core: Core, actor: Actor, patch: Patch, invalidateSettings: () => void): View {
  const before = core.settings();
  const changes: Partial<AppSettings> = {};
  const b: Record<string, unknown> = {};
  for (const key of CREDIT_SETTING_KEYS) {
    const value = patch[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
    (changes as Record<string, unknown>)[key] = value;
    b[key] = before[key];
  }
  if (Object.keys(changes).length > 0) {
    core.tx(() => {
      writeSettings(core.db, changes, actor, core.clock.now());
      recordAudit(core, actor, { action: 'credit.defaults', entityType: 'settings', entityId: null, before: b, after: changes, reason: patch.reason?.trim() || null });
    });
    invalidateSettings();
    core.events.emit('data.changed', { entities: ['credit', 'settings'] });
  }
  return getCreditDefaults(core);
}
