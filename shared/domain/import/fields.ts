import type { LocalizedText } from '../../i18n/text';
import type { ImportKind } from './kinds';

/**
 * The fields each kind of import can fill, with the header texts that mean them (the synonym
 * dictionary: Chinese and English, as reps, WPS templates, ERPs and CRMs label their columns).
 * Matching normalises headers first (see header-match), so synonyms are written naturally here.
 */
export type FieldType =
  | 'text'
  | 'longText'
  | 'code'
  | 'creditCode'
  | 'phone'
  | 'email'
  | 'amount'
  | 'integer'
  | 'percent'
  | 'discount'
  | 'date'
  | 'period'
  | 'enum'
  | 'ref';

export type RefTarget = 'rep' | 'territory' | 'account' | 'accountCode' | 'product' | 'order';

export interface FieldSpec {
  key: string;
  label: LocalizedText;
  type: FieldType;
  synonyms: readonly string[];
  required?: boolean;
  /** For enum fields: stored value → the words that mean it. */
  values?: Readonly<Record<string, readonly string[]>>;
  ref?: RefTarget;
  max?: number;
  /** Order-line fields (orders kind): one value per sheet row rather than per order. */
  line?: boolean;
}

export interface KindSpec {
  fields: readonly FieldSpec[];
  /** Groups of which at least one field must be mapped (and filled on each row). */
  requiredAnyOf: readonly (readonly string[])[];
}

const f = (key: string, zh: string, en: string, type: FieldType, synonyms: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label: { zh, en },
  type,
  synonyms,
  ...extra,
});

const ACCOUNT_NAME = ['客户名称', '客户', '客户全称', '单位名称', '公司名称', '企业名称', '公司', '单位', '客户单位', '购货单位', '购买方', '购方名称', '采购单位', '经销商名称', '经销商', '客户名', 'account', 'account name', 'customer', 'customer name', 'company', 'company name', 'client', 'client name'];
const ACCOUNT_CODE = ['客户编号', '客户编码', '客户代码', '客户id', '客户号', 'account code', 'account no', 'customer id', 'customer code', 'customer no'];
const REP = ['业务员', '销售', '负责人', '销售代表', '销售员', '客户经理', '所属销售', '归属销售', '责任人', '销售人员', '业务代表', '业务负责人', '跟进人', 'owner', 'sales rep', 'salesperson', 'sales', 'account manager', 'rep'];
const TERRITORY = ['区域', '片区', '大区', '销售区域', '所属区域', '地区', '区域名称', '负责区域', 'territory', 'region', 'area'];
const PHONE = ['电话', '联系电话', '手机', '手机号', '手机号码', '座机', '办公电话', '联系方式', '电话号码', '固话', '移动电话', 'phone', 'tel', 'telephone', 'mobile', 'phone number'];
const EMAIL = ['邮箱', '电子邮箱', '邮件', '电子邮件', 'email', 'e-mail', 'mail'];
const NOTES = ['备注', '说明', '附注', '备注说明', '其他说明', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'];
const TERMS = ['账期', '账期天数', '账期(天)', '付款期限', '信用期', '付款天数', '结算周期', 'payment terms', 'terms'];

const ACCOUNTS: KindSpec = {
  requiredAnyOf: [['name']],
  fields: [
    f('name', '客户名称', 'Account name', 'text', ACCOUNT_NAME, { required: true, max: 200 }),
    f('code', '客户编号', 'Account code', 'code', ACCOUNT_CODE, { max: 40 }),
    f('shortName', '简称', 'Short name', 'text', ['简称', '客户简称', '公司简称', 'short name'], { max: 100 }),
    f('creditCode', '统一社会信用代码', 'Credit code', 'creditCode', ['统一社会信用代码', '信用代码', '社会信用代码', '统一信用代码', '税号', '纳税人识别号', '纳税识别号', '统一代码', 'uscc', 'credit code', 'tax id', 'tax no']),
    f('industry', '行业', 'Industry', 'text', ['行业', '所属行业', '行业类别', '行业分类', 'industry'], { max: 50 }),
    f('territory', '区域', 'Territory', 'ref', TERRITORY, { ref: 'territory' }),
    f('tier', '客户级别', 'Tier', 'enum', ['客户级别', '级别', '客户等级', '等级', '客户分级', '分级', 'tier', 'level'], {
      values: { A: ['a', 'a类', 'a级', '重要', '重要客户', 'vip', '核心', '核心客户', '关键客户', 'important'], B: ['b', 'b类', 'b级', '一般', '普通', '一般客户', '普通客户', 'general'], C: ['c', 'c类', 'c级', '潜在', '潜在客户', '小客户', 'potential'] },
    }),
    f('source', '客户来源', 'Source', 'text', ['来源', '客户来源', '渠道', '获客渠道', 'source', 'lead source'], { max: 50 }),
    f('dealStatus', '成交状态', 'Deal status', 'enum', ['成交状态', '客户状态', '状态', '跟进状态', 'deal status', 'status'], {
      values: { prospect: ['潜在', '未成交', '意向', '待跟进', '新客户', 'prospect'], negotiating: ['洽谈中', '谈判中', '跟进中', '商务洽谈', '洽谈', 'negotiating'], won: ['已成交', '成交', '合作中', '签约', '已签约', 'won'], lost: ['流失', '已流失', '丢单', '输单', 'lost'] },
    }),
    f('accountGroup', '客户分组', 'Account group', 'text', ['客户分组', '分组', '客户组', '所属集团', '集团', 'group', 'account group'], { max: 50 }),
    f('phone', '电话', 'Phone', 'phone', PHONE),
    f('email', '邮箱', 'Email', 'email', EMAIL),
    f('website', '网址', 'Website', 'text', ['网址', '网站', '官网', '公司网址', 'website', 'url', 'web'], { max: 200 }),
    f('province', '省份', 'Province', 'text', ['省份', '省', '省/自治区', '省/市', '所在省份', '省区', 'province', 'state'], { max: 30 }),
    f('city', '城市', 'City', 'text', ['城市', '市', '所在城市', '地市', 'city'], { max: 30 }),
    f('address', '地址', 'Address', 'longText', ['地址', '详细地址', '公司地址', '联系地址', '办公地址', '注册地址', '通讯地址', 'address'], { max: 300 }),
    f('owner', '业务员', 'Owner rep', 'ref', REP, { ref: 'rep' }),
    f('creditLimit', '信用额度', 'Credit limit', 'amount', ['信用额度', '授信额度', '额度', '信用限额', '赊销额度', 'credit limit', 'credit line']),
    f('paymentTermsDays', '账期（天）', 'Payment terms (days)', 'integer', TERMS),
    f('contactName', '联系人', 'Contact', 'text', ['联系人', '联系人姓名', '对接人', '主要联系人', 'contact', 'contact name', 'contact person'], { max: 50 }),
    f('contactTitle', '联系人职务', 'Contact title', 'text', ['职务', '职位', '联系人职务', '联系人职位', 'title', 'position', 'job title'], { max: 50 }),
    f('notes', '备注', 'Notes', 'longText', NOTES, { max: 2000 }),
  ],
};

const REPS: KindSpec = {
  requiredAnyOf: [['name']],
  fields: [
    f('name', '姓名', 'Name', 'text', ['姓名', '业务员', '销售', '销售代表', '业务员姓名', '员工姓名', '名字', '销售人员', '销售员', '地区经理', '区域经理', 'name', 'rep', 'rep name', 'sales rep', 'employee name'], { required: true, max: 50 }),
    f('employeeNo', '工号', 'Employee no.', 'code', ['工号', '员工编号', '员工号', '编号', '员工id', 'employee no', 'employee id', 'staff id', 'staff no'], { max: 40 }),
    f('phone', '电话', 'Phone', 'phone', PHONE),
    f('email', '邮箱', 'Email', 'email', EMAIL),
    f('status', '状态', 'Status', 'enum', ['状态', '在职状态', '员工状态', 'status'], {
      values: { active: ['在职', '正常', '启用', '有效', 'active'], paused: ['暂停', '休假', '停用', '暂停分配', 'paused'], left: ['离职', '已离职', '离开', 'left', 'resigned'] },
    }),
    f('capacity', '客户容量', 'Capacity', 'integer', ['客户容量', '容量', '最大客户数', '客户上限', '持有上限', 'capacity', 'max accounts']),
    f('territory', '区域', 'Territory', 'ref', TERRITORY, { ref: 'territory' }),
    f('joinedOn', '入职日期', 'Joined on', 'date', ['入职日期', '入职时间', '入职', 'joined', 'joined on', 'hire date', 'start date']),
    f('notes', '备注', 'Notes', 'longText', NOTES, { max: 2000 }),
  ],
};

const FOLLOWUPS: KindSpec = {
  requiredAnyOf: [['account', 'accountCode'], ['occurredOn']],
  fields: [
    f('account', '客户名称', 'Account', 'ref', ACCOUNT_NAME, { ref: 'account' }),
    f('accountCode', '客户编号', 'Account code', 'ref', ACCOUNT_CODE, { ref: 'accountCode' }),
    f('rep', '跟进人', 'Rep', 'ref', ['跟进人', '拜访人', '跟进销售', ...REP], { ref: 'rep' }),
    f('kind', '跟进方式', 'Kind', 'enum', ['跟进方式', '方式', '拜访方式', '跟进类型', '类型', '沟通方式', '联系方式', 'kind', 'type', 'channel'], {
      values: { call: ['电话', '电话沟通', '致电', '打电话', '来电', 'call', 'phone'], visit: ['拜访', '上门', '面访', '实地拜访', '上门拜访', 'visit'], wechat: ['微信', '企业微信', 'wechat'], email: ['邮件', '邮箱', '电子邮件', 'email'], meeting: ['会议', '会面', '视频会议', '线上会议', 'meeting'] },
    }),
    f('occurredOn', '跟进日期', 'Date', 'date', ['跟进日期', '拜访日期', '日期', '跟进时间', '拜访时间', '时间', '联系日期', 'date', 'occurred on'], { required: true }),
    f('notes', '跟进内容', 'Notes', 'longText', ['跟进内容', '拜访内容', '内容', '跟进记录', '拜访记录', '沟通内容', '沟通记录', '情况', '跟进情况', ...NOTES], { max: 4000 }),
    f('nextStep', '下一步', 'Next step', 'longText', ['下一步', '下一步计划', '下步计划', '后续计划', '下一步行动', 'next step'], { max: 500 }),
    f('nextOn', '下次跟进日期', 'Next date', 'date', ['下次跟进日期', '下次跟进时间', '下次跟进', '下次拜访', '下次拜访日期', '下次联系', '下次联系日期', 'next date', 'next on']),
  ],
};

const ORDERS: KindSpec = {
  requiredAnyOf: [['orderNo'], ['account', 'accountCode'], ['orderedOn'], ['quantity'], ['description', 'sku'], ['unitPrice', 'amount']],
  fields: [
    f('orderNo', '订单号', 'Order no.', 'code', ['订单号', '订单编号', '订单id', '单号', '销售单号', '销售订单号', '订单', 'order no', 'order number', 'order id', 'so no'], { required: true, max: 40 }),
    f('account', '客户名称', 'Account', 'ref', ACCOUNT_NAME, { ref: 'account' }),
    f('accountCode', '客户编号', 'Account code', 'ref', ACCOUNT_CODE, { ref: 'accountCode' }),
    f('rep', '业务员', 'Rep', 'ref', REP, { ref: 'rep' }),
    f('orderedOn', '订单日期', 'Order date', 'date', ['订单日期', '下单日期', '下单时间', '日期', '签订日期', '订货日期', 'order date', 'date'], { required: true }),
    f('promisedOn', '交货日期', 'Promised date', 'date', ['交货日期', '交期', '承诺交期', '要求交货日期', '约定交货日期', '计划交货日期', 'delivery date', 'promised date', 'due date']),
    f('shippedOn', '发货日期', 'Shipped on', 'date', ['发货日期', '发货时间', '出库日期', '发运日期', 'ship date', 'shipped date', 'shipped on']),
    f('state', '订单状态', 'State', 'enum', ['订单状态', '状态', 'status', 'state'], {
      values: {
        draft: ['草稿', '未提交', 'draft'],
        confirmed: ['已确认', '确认', '已审核', '审核通过', '待发货', 'confirmed'],
        partly_shipped: ['部分发货', '部分出库', 'partly shipped'],
        shipped: ['已发货', '发货', '已出库', 'shipped'],
        completed: ['已完成', '完成', '已签收', '已结案', 'completed'],
        on_hold: ['暂停', '挂起', '冻结', 'on hold'],
        cancelled: ['已取消', '取消', '作废', '已作废', 'cancelled', 'canceled'],
      },
    }),
    f('customerPo', '客户采购单号', 'Customer PO', 'text', ['客户订单号', '客户采购单号', '采购单号', 'po', 'po号', 'customer po'], { max: 60 }),
    f('paymentTermsDays', '账期（天）', 'Payment terms (days)', 'integer', TERMS),
    f('plan', '回款计划', 'Payment plan', 'text', ['回款计划', '收款计划', '付款计划', '回款条件', '付款条件', 'payment plan', 'payment schedule'], { max: 200 }),
    f('notes', '订单备注', 'Order notes', 'longText', ['订单备注', ...NOTES], { max: 2000 }),
    f('sku', '产品编号', 'Product code', 'ref', ['产品编号', '产品编码', '产品id', '物料编码', '物料号', '商品编码', '商品编号', 'sku', '货号', '存货编码', 'product code', 'product id', 'item code'], { ref: 'product', line: true }),
    f('description', '产品名称', 'Product / description', 'text', ['产品名称', '商品名称', '品名', '产品', '商品', '货品名称', '物料名称', '存货名称', '描述', 'product', 'product name', 'description', 'item', 'item name'], { line: true, max: 300 }),
    f('quantity', '数量', 'Quantity', 'integer', ['数量', '订购数量', '订货数量', '件数', '销售数量', 'qty', 'quantity'], { line: true }),
    f('unitPrice', '单价', 'Unit price', 'amount', ['单价', '含税单价', '销售单价', '价格', '成交单价', 'unit price', 'price'], { line: true }),
    f('amount', '金额', 'Line amount', 'amount', ['金额', '销售额', '小计', '行金额', '总价', '含税金额', '合计金额', '价税合计', '销售金额', 'amount', 'sales', 'line total', 'total'], { line: true }),
    f('discount', '折扣', 'Discount', 'discount', ['折扣', '折扣率', '折让', 'discount'], { line: true }),
    f('taxRate', '税率', 'Tax rate', 'percent', ['税率', '增值税率', 'tax rate', 'vat'], { line: true }),
  ],
};

const PAYMENTS: KindSpec = {
  requiredAnyOf: [['account', 'accountCode', 'orderNo'], ['receivedOn'], ['amount']],
  fields: [
    f('paymentNo', '回款单号', 'Payment no.', 'code', ['回款单号', '收款单号', '回款编号', '收款编号', '单号', 'payment no', 'receipt no'], { max: 40 }),
    f('account', '客户名称', 'Account', 'ref', ACCOUNT_NAME, { ref: 'account' }),
    f('accountCode', '客户编号', 'Account code', 'ref', ACCOUNT_CODE, { ref: 'accountCode' }),
    f('receivedOn', '回款日期', 'Received on', 'date', ['回款日期', '收款日期', '到账日期', '日期', '付款日期', '回款时间', '到账时间', '收款时间', '交易时间', 'received date', 'payment date', 'date'], { required: true }),
    f('amount', '回款金额', 'Amount', 'amount', ['回款金额', '收款金额', '到账金额', '金额', '回款', '实收金额', '付款金额', '收款', '金额(元)', 'amount', 'payment amount'], { required: true }),
    f('method', '回款方式', 'Method', 'enum', ['回款方式', '收款方式', '付款方式', '结算方式', '支付方式', '方式', 'method', 'payment method'], {
      values: {
        bank_transfer: ['银行转账', '转账', '电汇', '对公转账', '网银', '银行', 'bank', 'bank transfer', 'wire'],
        acceptance_bill: ['承兑', '承兑汇票', '银行承兑', '商业承兑', '汇票', '银承', 'acceptance bill'],
        cash: ['现金', 'cash'],
        wechat: ['微信', '微信支付', 'wechat'],
        alipay: ['支付宝', 'alipay'],
        other: ['其他', '其它', 'other'],
      },
    }),
    f('reference', '银行流水号', 'Reference', 'text', ['银行流水号', '流水号', '凭证号', '交易单号', '参考号', '交易号', '回单号', 'reference', 'ref', 'transaction id'], { max: 80 }),
    f('orderNo', '订单号', 'Order no.', 'ref', ['订单号', '订单编号', '关联订单', '对应订单', '订单id', 'order no', 'order number', 'order id'], { ref: 'order' }),
    f('notes', '备注', 'Notes', 'longText', NOTES, { max: 2000 }),
  ],
};

const TARGETS: KindSpec = {
  requiredAnyOf: [['rep', 'territory'], ['period'], ['value', 'salesTarget', 'collectionsTarget', 'newAccountsTarget', 'followupsTarget', 'ordersTarget']],
  fields: [
    f('rep', '业务员', 'Rep', 'ref', ['姓名', ...REP], { ref: 'rep' }),
    f('territory', '区域', 'Territory', 'ref', TERRITORY, { ref: 'territory' }),
    f('period', '期间', 'Period', 'period', ['期间', '周期', '月份', '月', '年月', '季度', '年度', '考核期', '目标期间', '时间', 'period', 'month', 'quarter', 'year'], { required: true }),
    f('measure', '指标', 'Measure', 'enum', ['指标', '目标类型', '考核指标', '目标项', 'measure', 'metric'], {
      values: {
        sales: ['销售额', '销售', '业绩', '销售金额', '销售目标', 'sales'],
        collections: ['回款', '回款额', '回款金额', '回款目标', 'collections'],
        new_accounts: ['新客户', '新增客户', '新客户数', '新增客户数', 'new accounts'],
        followups: ['拜访', '跟进', '拜访次数', '跟进次数', '拜访量', 'followups', 'visits'],
        orders: ['订单', '订单数', '订单量', 'orders'],
      },
    }),
    f('value', '目标值', 'Value', 'amount', ['目标值', '目标', '数值', '目标额', 'value', 'target']),
    f('salesTarget', '销售目标', 'Sales target', 'amount', ['销售目标', '销售额目标', '业绩目标', '销售任务', '任务额', '销售指标', 'sales target']),
    f('collectionsTarget', '回款目标', 'Collections target', 'amount', ['回款目标', '回款任务', '回款指标', 'collections target']),
    f('newAccountsTarget', '新客户目标', 'New accounts target', 'integer', ['新客户目标', '新增客户目标', '新客户数目标', 'new accounts target']),
    f('followupsTarget', '拜访目标', 'Visits target', 'integer', ['拜访目标', '跟进目标', '拜访次数目标', '拜访量目标', 'visits target', 'followups target']),
    f('ordersTarget', '订单目标', 'Orders target', 'integer', ['订单目标', '订单数目标', 'orders target']),
  ],
};

export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  accounts: ACCOUNTS,
  reps: REPS,
  followups: FOLLOWUPS,
  orders: ORDERS,
  payments: PAYMENTS,
  targets: TARGETS,
};

export function fieldSpec(kind: ImportKind, key: string): FieldSpec | undefined {
  return KIND_SPECS[kind].fields.find((x) => x.key === key);
}
