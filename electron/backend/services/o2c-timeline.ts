import { and, desc, eq, isNull } from 'drizzle-orm';
import { cases, orders, payments, returns } from '../../../db/schema';
import { CASE_STATE_NAMES } from '../../../shared/domain/case-state';
import { formatFen } from '../../../shared/domain/money';
import { ORDER_STATE_NAMES } from '../../../shared/domain/order-state';
import { type LocalizedText, msg, pick } from '../../../shared/i18n/text';
import type { TimelineSource } from './timeline';

/** An account's orders, payments, returns and cases in its timeline. */
const LIMIT = 200;

const METHODS: Record<string, LocalizedText> = {
  bank_transfer: msg('银行转账', 'bank transfer'),
  acceptance_bill: msg('承兑汇票', 'acceptance bill'),
  cash: msg('现金', 'cash'),
  wechat: msg('微信', 'WeChat'),
  alipay: msg('支付宝', 'Alipay'),
  other: msg('其他', 'other'),
};

const orderSource: TimelineSource = (core, accountId, lang) =>
  core.db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, accountId), isNull(orders.deletedAt)))
    .orderBy(desc(orders.createdAt))
    .limit(LIMIT)
    .all()
    .map((o) => ({
      at: o.createdAt,
      kind: 'order',
      title: `${pick(msg('订单', 'Order'), lang)} ${o.orderNo}（${o.orderedOn}）：${formatFen(o.totalFen)}`,
      detail: pick(ORDER_STATE_NAMES[o.state], lang),
      by: null,
    }));

const paymentSource: TimelineSource = (core, accountId, lang) =>
  core.db
    .select()
    .from(payments)
    .where(and(eq(payments.accountId, accountId), isNull(payments.deletedAt)))
    .orderBy(desc(payments.createdAt))
    .limit(LIMIT)
    .all()
    .map((p) => ({
      at: p.createdAt,
      kind: p.kind === 'refund' ? 'payment.refund' : 'payment',
      title: `${pick(p.kind === 'refund' ? msg('退款', 'Refund') : msg('回款', 'Payment'), lang)} ${p.paymentNo}（${p.receivedOn}）：${formatFen(Math.abs(p.amountFen))}，${pick(METHODS[p.method] ?? msg(p.method, p.method), lang)}`,
      detail: p.unallocatedFen > 0 ? `${pick(msg('未分配', 'unallocated'), lang)} ${formatFen(p.unallocatedFen)}` : null,
      by: null,
    }));

const returnSource: TimelineSource = (core, accountId, lang) =>
  core.db
    .select({ r: returns, orderNo: orders.orderNo })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.accountId, accountId))
    .orderBy(desc(returns.createdAt))
    .limit(LIMIT)
    .all()
    .map(({ r, orderNo }) => ({
      at: r.createdAt,
      kind: 'return',
      title: `${pick(msg('退货', 'Return'), lang)} ${r.returnNo}（${orderNo}）：${formatFen(r.amountFen)}`,
      detail: r.reason,
      by: null,
    }));

const caseSource: TimelineSource = (core, accountId, lang) =>
  core.db
    .select()
    .from(cases)
    .where(eq(cases.accountId, accountId))
    .orderBy(desc(cases.openedAt))
    .limit(LIMIT)
    .all()
    .map((c) => ({
      at: c.openedAt,
      kind: 'case',
      title: `${pick(msg('工单', 'Case'), lang)} ${c.caseNo} [${c.priority}]：${c.title}`,
      detail: pick(CASE_STATE_NAMES[c.state], lang),
      by: null,
    }));

export const orderToCashTimelineSources: TimelineSource[] = [orderSource, paymentSource, returnSource, caseSource];
