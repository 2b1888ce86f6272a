import dayjs, { type Dayjs } from 'dayjs';
import type { AccountDetail } from '../../../../shared/contract/accounts';

export interface AccountFormValues {
  name: string;
  shortName?: string | null;
  creditCode?: string | null;
  industry?: string | null;
  territoryId?: string | null;
  tier?: 'A' | 'B' | 'C';
  source?: string | null;
  dealStatus?: 'prospect' | 'negotiating' | 'won' | 'lost';
  accountGroup?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  province?: string | null;
  city?: string | null;
  address?: string | null;
  notes?: string | null;
  protectedUntil?: Dayjs | null;
}

/** Form values → the contract's patch: empty strings become null, dates ISO strings. */
export function toPatch(values: AccountFormValues) {
  const { protectedUntil, ...rest } = values;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) patch[k] = typeof v === 'string' && v.trim() === '' ? null : (v ?? null);
  patch.protectedUntil = protectedUntil ? protectedUntil.format('YYYY-MM-DD') : null;
  if (patch.tier === null) delete patch.tier;
  if (patch.dealStatus === null) delete patch.dealStatus;
  return patch as Omit<AccountFormValues, 'protectedUntil'> & { protectedUntil: string | null };
}

export function toFormValues(a: AccountDetail['account']): AccountFormValues {
  return {
    name: a.name,
    shortName: a.shortName,
    creditCode: a.creditCode,
    industry: a.industry,
    territoryId: a.territoryId,
    tier: a.tier,
    source: a.source,
    dealStatus: a.dealStatus,
    accountGroup: a.accountGroup,
    phone: a.phone,
    email: a.email,
    website: a.website,
    province: a.province,
    city: a.city,
    address: a.address,
    notes: a.notes,
    protectedUntil: a.protectedUntil ? dayjs(a.protectedUntil) : null,
  };
}
