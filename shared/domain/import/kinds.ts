/** What an import creates: the wizard's "target kind" and the CLI's --kind. */
export const IMPORT_KINDS = ['accounts', 'reps', 'followups', 'orders', 'payments', 'targets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, { zh: string; en: string }> = {
  accounts: { zh: '客户', en: 'Accounts' },
  reps: { zh: '业务员', en: 'Reps' },
  followups: { zh: '跟进记录', en: 'Follow-ups' },
  orders: { zh: '订单（含明细）', en: 'Orders + lines' },
  payments: { zh: '回款', en: 'Payments' },
  targets: { zh: '目标', en: 'Targets' },
};

export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];
