/** The accounts grid's columns as export columns: the same ids the grid uses, so "export current view" maps 1:1. */
import type { AccountRow } from '../../../../shared/contract/accounts';
import type { CellValue, ColumnSpec } from '../export/sheet-spec';
import { DEAL_STATUS_LABEL, POOL, TIER_LABEL, label } from './labels';

export interface AccountColumn {
  spec: ColumnSpec;
  get(a: AccountRow): CellValue;
}

const col = (key: string, header: string, kind: ColumnSpec['kind'], get: (a: AccountRow) => CellValue, extra: Partial<ColumnSpec> = {}): AccountColumn => ({ spec: { key, header, kind, ...extra }, get });

export const ACCOUNT_COLUMNS: AccountColumn[] = [
  col('code', '客户编号', 'text', (a) => a.code),
  col('name', '客户名称', 'text', (a) => a.name, { total: 'count' }),
  col('shortName', '简称', 'text', (a) => a.shortName),
  col('creditCode', '统一社会信用代码', 'text', (a) => a.creditCode),
  col('industry', '行业', 'text', (a) => a.industry),
  col('territoryName', '区域', 'text', (a) => a.territoryName),
  col('tier', '客户级别', 'text', (a) => label(TIER_LABEL, a.tier)),
  col('source', '来源', 'text', (a) => a.source),
  col('dealStatus', '成交状态', 'text', (a) => label(DEAL_STATUS_LABEL, a.dealStatus)),
  col('accountGroup', '客户组', 'text', (a) => a.accountGroup),
  col('phone', '电话', 'text', (a) => a.phone),
  col('email', '邮箱', 'text', (a) => a.email),
  col('province', '省份', 'text', (a) => a.province),
  col('city', '城市', 'text', (a) => a.city),
  col('address', '地址', 'text', (a) => a.address, { width: 40 }),
  col('ownerName', '负责人', 'text', (a) => a.ownerName ?? POOL),
  col('lastFollowupOn', '最近跟进', 'date', (a) => a.lastFollowupOn),
  col('daysSinceFollowup', '未跟进天数', 'int', (a) => a.daysSinceFollowup),
  col('nextFollowupOn', '下次跟进', 'date', (a) => a.nextFollowupOn),
  col('lastDealOn', '最近成交', 'date', (a) => a.lastDealOn),
  col('openReceivableFen', '应收余额（元）', 'money', (a) => a.openReceivableFen, { total: 'sum' }),
  col('overdueFen', '逾期金额（元）', 'money', (a) => a.overdueFen, { total: 'sum' }),
  col('maxOverdueDays', '最长逾期天数', 'int', (a) => a.maxOverdueDays, { colour: 'overdueDays' }),
  col('openCases', '未结工单', 'int', (a) => a.openCases, { total: 'sum' }),
  col('creditGrade', '信用等级', 'text', (a) => a.creditGrade),
  col('creditHold', '信用冻结', 'bool', (a) => a.creditHold, { colour: 'flag' }),
  col('createdAt', '创建时间', 'datetime', (a) => a.createdAt),
  col('updatedAt', '更新时间', 'datetime', (a) => a.updatedAt),
];

/** What a plain "export accounts" writes: the columns a manager reads (a grid view may ask for any of them). */
export const DEFAULT_ACCOUNT_COLUMNS = [
  'code',
  'name',
  'industry',
  'territoryName',
  'tier',
  'dealStatus',
  'phone',
  'city',
  'ownerName',
  'lastFollowupOn',
  'daysSinceFollowup',
  'openReceivableFen',
  'overdueFen',
  'maxOverdueDays',
  'openCases',
  'creditGrade',
  'creditHold',
];

/** The chosen columns in the grid's order ("all" for every column); unknown ids are ignored, and the code column always leads. */
export function pickAccountColumns(ids: readonly string[] | undefined): AccountColumn[] {
  if (ids?.length === 1 && ids[0] === 'all') return ACCOUNT_COLUMNS;
  if (!ids || ids.length === 0) return pickAccountColumns(DEFAULT_ACCOUNT_COLUMNS);
  const byId = new Map(ACCOUNT_COLUMNS.map((c) => [c.spec.key, c]));
  const picked = [...new Set(ids)].map((id) => byId.get(id)).filter((c): c is AccountColumn => c !== undefined);
  if (!picked.some((c) => c.spec.key === 'code')) picked.unshift(byId.get('code')!);
  return picked;
}
