/** Chinese phrase banks for the demo's free-text fields. {p} is a product name, {n} a number. */

export const SOURCES: readonly (readonly [string, number])[] = [
  ['老客户', 22],
  ['展会', 16],
  ['转介绍', 15],
  ['官网', 14],
  ['电话营销', 12],
  ['招投标', 7],
  ['渠道代理', 7],
  ['阿里巴巴', 5],
  ['行业协会', 2],
];

export const CONTACT_TITLES: readonly string[] = ['总经理', '采购经理', '采购专员', '设备部经理', '技术总监', '生产厂长', '财务经理', '仓库主管', '项目经理', '设备工程师', '董事长', '行政主管', '生产主管', '质量经理'];

export const ACCOUNT_NOTES: readonly string[] = [
  '明年有扩产计划，关注设备类需求',
  '对价格敏感，通常需要三家比价',
  '采购需走招投标流程，周期较长',
  '付款审批较慢，月底集中付款',
  '老板直接拍板，决策快',
  '与竞品有长期合作，需重点突破',
  '集团统一采购，需对接总部',
  '每季度固定补货耗材',
  '要求开具增值税专用发票',
];

export const TAGS: readonly (readonly [string, string])[] = [
  ['重点客户', 'red'],
  ['战略合作', 'volcano'],
  ['价格敏感', 'orange'],
  ['回款慢', 'gold'],
  ['老客户', 'green'],
  ['新客户', 'cyan'],
  ['有竞品', 'blue'],
  ['需拜访', 'geekblue'],
  ['招投标', 'purple'],
  ['集团客户', 'magenta'],
  ['国企', 'lime'],
  ['外资企业', 'default'],
];

export const FOLLOWUP_NOTES: Record<string, readonly string[]> = {
  call: [
    '电话沟通{p}采购计划，客户预计下月下单',
    '电话确认上批货物到货情况，客户反馈良好',
    '致电采购经理，了解今年设备预算',
    '电话催收到期货款，财务答应本周安排付款',
    '电话回访{p}使用情况，提出两个改进建议',
    '客户来电询问{p}交期，已协调生产部确认',
    '电话沟通报价，客户认为价格偏高，需再申请折扣',
  ],
  visit: [
    '上门拜访设备部，现场查看产线，推荐{p}',
    '拜访客户总经理，介绍新品{p}，客户有兴趣',
    '现场拜访，协助解决{p}安装问题',
    '陪同技术工程师到现场做方案调研',
    '年度拜访，沟通明年框架合作协议',
    '拜访采购部，递交{p}样品及资料',
  ],
  wechat: [
    '微信发送{p}产品资料和报价单',
    '微信沟通发货安排，客户确认收货地址',
    '微信群内答复技术问题，客户满意',
    '微信发送对账单，请客户财务核对',
    '微信联系采购，跟进报价审批进度',
  ],
  email: [
    '邮件发送正式报价单（含税价）及技术参数',
    '邮件回复客户关于{p}的技术询问',
    '邮件发送合同草稿，等待客户法务审核',
    '邮件寄送季度对账单',
  ],
  meeting: [
    '参加客户技术交流会，演示{p}',
    '与客户召开项目启动会，确认实施计划',
    '商务谈判会议，就价格和付款方式达成初步一致',
    '参加客户年度供应商大会',
  ],
};

export const NEXT_STEPS: readonly string[] = [
  '发送正式报价',
  '安排技术工程师上门',
  '跟进合同签订',
  '催收到期货款',
  '确认发货时间',
  '回访使用情况',
  '邀请参观样板工厂',
  '提交投标文件',
  '跟进样品测试结果',
  '约见采购负责人',
];

export const TRANSFER_REASONS: readonly string[] = ['区域调整，客户划归新负责人', '业务员负载均衡', '客户要求更换对接人', '按行业专属服务调整'];
export const RELEASE_REASONS: readonly string[] = ['客户已停产，释放至公海', '非目标客户，业务员主动释放', '客户长期无采购需求，释放至公海'];

export const ORDER_NOTES: readonly string[] = ['客户要求分批发货', '加急订单，优先排产', '含安装调试', '发票随货同行', '送货前请提前电话联系', '需提供质检报告'];
export const HOLD_NOTES: readonly string[] = ['客户要求暂缓发货', '等待客户确认技术方案', '客户厂房改造，推迟收货'];

export const CARRIERS: readonly (readonly [string, string, number])[] = [
  ['顺丰速运', 'SF', 12],
  ['德邦物流', 'DPK', 10],
  ['跨越速运', 'KY', 10],
  ['中通快运', 'ZT', 12],
];

export const RETURN_REASONS: readonly string[] = ['质量问题：到货检测不合格', '型号规格不符', '运输途中破损', '客户项目取消，协商退货', '多发货物退回'];

export const HOLD_REASONS: readonly string[] = ['逾期货款超过 60 天未回款，暂停发货', '客户经营异常，冻结信用额度', '多次承诺付款未兑现，冻结信用'];
export const TEMP_LIMIT_REASONS: readonly string[] = ['年底备货，临时提额', '大额项目订单，临时额度', '新产线投产采购', '春节前备货'];

export const CASE_TEXTS: Record<string, readonly (readonly [title: string, description: string])[]> = {
  repair: [
    ['{p}运行中报警停机', '客户反馈设备运行约 2 小时后报警停机，报警代码 E-0{n}，重启后可恢复，需安排工程师排查。'],
    ['{p}无法启动', '上电后无任何反应，客户已检查供电正常，请求上门维修。'],
    ['{p}精度下降', '加工件尺寸超差约 0.0{n}mm，怀疑需要重新校准。'],
    ['{p}异响', '运行时有明显异响，客户担心影响生产。'],
  ],
  replacement: [
    ['{p}到货破损，申请换货', '外包装完好但设备外壳有裂纹，客户拍照反馈，申请换货。'],
    ['{p}部分配件缺失', '开箱发现缺少配件，要求补发或整机更换。'],
  ],
  return: [
    ['{p}型号不符，申请退货', '客户下单型号与现场需求不一致，申请退回未拆封货物。'],
    ['{p}质量问题退货', '批次检测不合格，客户要求退货处理。'],
  ],
  refund: [['重复付款申请退款', '客户财务重复支付一笔货款，申请退回多付金额。'], ['订单取消退预付款', '项目取消，客户申请退还已付预付款。']],
  complaint: [
    ['发货延误投诉', '承诺交期已过 {n} 天仍未发货，客户投诉影响其生产计划。'],
    ['安装人员服务投诉', '客户反映安装工程师未按约定时间到场。'],
    ['发票开具错误', '发票抬头或税号有误，客户要求重开。'],
  ],
  consultation: [
    ['{p}操作咨询', '客户新员工不熟悉操作，请求远程指导。'],
    ['{p}保养周期咨询', '客户询问保养周期及易损件清单。'],
    ['{p}参数设置咨询', '客户需要调整参数以适应新产品，请求技术支持。'],
  ],
};

export const CASE_NOTES = {
  response: ['已电话联系客户，了解故障现象', '已远程查看报警记录，初步判断原因', '已与客户约定上门时间', '已回复客户处理方案'],
  waiting: ['等待客户提供故障视频和设备序列号', '等待客户确认上门时间', '等待客户寄回故障件', '等待客户确认处理方案'],
  resumed: ['客户已提供资料，继续处理', '客户已确认，安排处理'],
  resolved: ['更换故障部件后设备恢复正常', '重新校准后精度恢复', '已补发配件，客户确认收到', '已完成退换货处理', '远程指导后问题解决', '已向客户致歉并补偿，客户接受'],
  closed: ['客户确认问题已解决，关闭工单', '回访客户满意，关闭工单'],
  reopened: ['客户反馈问题再次出现，重新打开工单', '处理后仍有异常，客户要求继续处理'],
  escalated: ['超过处理时限，升级至售后经理', '客户投诉升级，由经理跟进'],
} as const;

export const FOLLOWUP_KIND_WEIGHTS: Record<'A' | 'B' | 'C', readonly (readonly ['call' | 'visit' | 'wechat' | 'email' | 'meeting', number])[]> = {
  A: [
    ['call', 30],
    ['visit', 28],
    ['wechat', 22],
    ['email', 8],
    ['meeting', 12],
  ],
  B: [
    ['call', 40],
    ['visit', 18],
    ['wechat', 28],
    ['email', 8],
    ['meeting', 6],
  ],
  C: [
    ['call', 50],
    ['visit', 8],
    ['wechat', 32],
    ['email', 8],
    ['meeting', 2],
  ],
};

export function fill(template: string, product: string, n: number): string {
  return template.replace('{p}', product).replace('{n}', String(n));
}
