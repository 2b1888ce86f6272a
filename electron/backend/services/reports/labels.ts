/** Chinese labels for coded values in exported sheets (managers read words, not enum codes). */

export const TIER_LABEL: Record<string, string> = { A: 'A 重要', B: 'B 一般', C: 'C 潜在' };
export const DEAL_STATUS_LABEL: Record<string, string> = { prospect: '潜在', negotiating: '洽谈中', won: '已成交', lost: '已流失' };
export const TRANSFER_KIND_LABEL: Record<string, string> = {
  assign: '分配',
  transfer: '转移',
  reclaim: '回收公海',
  claim: '领取',
  release: '退回公海',
  handover: '离职交接',
  import: '导入',
  auto: '自动分配',
};
export const IMPORT_KIND_LABEL: Record<string, string> = { accounts: '客户', reps: '业务员', followups: '跟进', orders: '订单', payments: '回款', targets: '目标' };
export const DUPLICATE_POLICY_LABEL: Record<string, string> = { skip: '跳过', update: '更新已映射字段', create: '新建' };
export const CASE_TYPE_LABEL: Record<string, string> = { repair: '维修', replacement: '换货', return: '退货', refund: '退款', complaint: '投诉', consultation: '咨询' };
export const CASE_STATE_LABEL: Record<string, string> = { new: '新建', in_progress: '处理中', waiting_customer: '等待客户', resolved: '已解决', closed: '已关闭' };
/** The cases grid's SLA filter words, so the sheet and the screen name a case's state alike. */
export const CASE_SLA_LABEL: Record<string, string> = { breached: '已超时', about_to_breach: '即将超时', on_track: '正常', paused: '暂停（等待客户）', met: '已达标', none: '无 SLA' };

export function label(map: Record<string, string>, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return map[code] ?? code;
}

export const POOL = '公海';
