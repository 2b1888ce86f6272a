import { App as AntApp, Button, Descriptions, Drawer, Empty, Popconfirm, Progress, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/orders';
import { formatFen } from '../../../../shared/domain/money';
import type { OrderAction } from '../../../../shared/domain/order-state';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import { navigate } from '../../shell/router';
import { creditRefusalOf, CreditRefusalModal } from '../credit/CreditRefusalModal';
import { ManagerOverrideModal } from '../credit/ManagerOverrideModal';
import { OrderCreditPanel } from '../credit/OrderCreditPanel';
import { OutcomeTag } from '../credit/tags';
import type { CreditCheckResult } from '../../../../shared/contract/credit';
import { type DialogResult, type OrderDialog, OrderActionModal } from './OrderActionModal';
import { OrderStateTag } from './state-tag';

function when(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const money = (v: number) => formatFen(v);

/** 订单详情: header, progress (% shipped / billed / collected), actions allowed now, and every related document. */
export function OrderDrawer(props: { id: string | undefined; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation('orders');
  const { t: tp } = useTranslation('payments');
  const { message, modal } = AntApp.useApp();
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [dialog, setDialog] = useState<OrderDialog | null>(null);
  const [busy, setBusy] = useState(false);
  const { t: tc } = useTranslation('credit');
  // The credit check refused a confirmation: its reasons, then (on request) the manager override.
  const [refusal, setRefusal] = useState<{ check: CreditCheckResult; plan?: string | undefined; date?: string | undefined } | null>(null);
  const [overriding, setOverriding] = useState<{ plan?: string | undefined; date?: string | undefined } | null>(null);

  const load = useCallback(
    async (id: string) => {
      try {
        setDetail(await api.call('orders.get', { id }));
      } catch (e) {
        void message.error(errorMessage(e));
      }
    },
    [message],
  );

  useEffect(() => {
    setDetail(null);
    if (props.id) void load(props.id);
  }, [props.id, load]);

  useEffect(
    () =>
      onEvent('data.changed', (p) => {
        if (props.id && (p.entities.includes('orders') || p.entities.includes('payments') || p.entities.includes('cases'))) void load(props.id);
      }),
    [props.id, load],
  );

  const run = async (fn: (ref: { id: string; version: number }) => Promise<unknown>) => {
    if (!detail) return;
    setBusy(true);
    try {
      await fn({ id: detail.order.id, version: detail.order.version });
      setDialog(null);
      await load(detail.order.id);
      props.onChanged();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submitDialog = (r: DialogResult) =>
    run(async (ref) => {
      switch (dialog) {
        case 'confirm': {
          let res;
          try {
            res = await api.call('orders.confirm', { ...ref, ...(r.plan ? { plan: r.plan } : {}), ...(r.date ? { confirmedOn: r.date } : {}) });
          } catch (e) {
            const check = creditRefusalOf(e);
            if (!check) throw e;
            setDialog(null);
            setRefusal({ check, plan: r.plan, date: r.date });
            if (detail) await load(detail.order.id);
            return;
          }
          for (const w of res.warnings) modal.warning({ title: t('warning'), content: w.message });
          void message.success(t('form.confirmed'));
          return;
        }
        case 'ship':
          return api.call('orders.ship', { ...ref, ...(r.lines && r.lines.length ? { lines: r.lines } : {}), ...(r.date ? { shippedOn: r.date } : {}) });
        case 'hold':
          return api.call('orders.hold', { ...ref, reason: r.reason ?? '' });
        case 'cancel':
          return api.call('orders.cancel', { ...ref, reason: r.reason ?? '' });
        case 'reopen':
          return api.call('orders.reopen', { ...ref, reason: r.reason ?? '' });
        case 'plan':
          return api.call('orders.setPlan', { ...ref, plan: r.plan ?? '' });
        case 'return':
          return api.call('returns.create', { orderId: ref.id, reason: r.reason ?? '', lines: r.lines ?? [], ...(r.date ? { returnedOn: r.date } : {}), ...(r.refund ? { refund: r.refund } : {}) });
        default:
          return undefined;
      }
    });

  const direct = (a: OrderAction) => {
    if (a === 'complete') return run((ref) => api.call('orders.complete', ref));
    if (a === 'release') return run((ref) => api.call('orders.release', ref));
    setDialog(a as OrderDialog);
    return undefined;
  };

  const o = detail?.order;
  const canReturn = !!detail && detail.lines.some((l) => l.shippedQty > l.returnedQty) && o?.state !== 'cancelled';
  const canPlan = !!o && o.confirmedOn !== null && o.state !== 'cancelled';

  return (
    <Drawer
      open={props.id !== undefined}
      width={980}
      onClose={props.onClose}
      title={
        o ? (
          <Space>
            <span data-testid="order-drawer-title">{o.orderNo}</span>
            <OrderStateTag state={o.state} t={t} />
            {o.heldFromState ? <Typography.Text type="secondary">{t('drawer.heldFrom', { state: t(`state.${o.heldFromState}`) })}</Typography.Text> : null}
          </Space>
        ) : (
          ''
        )
      }
      extra={
        detail ? (
          <Space wrap data-testid="order-actions">
            {detail.allowedActions.map((a) =>
              a === 'complete' || a === 'release' ? (
                <Popconfirm key={a} title={t(`action.${a}`)} onConfirm={() => void direct(a)}>
                  <Button loading={busy} data-testid={`order-action-${a}`}>
                    {t(`action.${a}`)}
                  </Button>
                </Popconfirm>
              ) : (
                <Button key={a} type={a === 'confirm' || a === 'ship' ? 'primary' : 'default'} danger={a === 'cancel'} onClick={() => void direct(a)} data-testid={`order-action-${a}`}>
                  {t(`action.${a}`)}
                </Button>
              ),
            )}
            {canPlan ? (
              <Button onClick={() => setDialog('plan')} data-testid="order-action-plan">
                {t('action.plan')}
              </Button>
            ) : null}
            {canReturn ? (
              <Button onClick={() => setDialog('return')} data-testid="order-action-return">
                {t('action.return')}
              </Button>
            ) : null}
            {o?.state === 'draft' && (o.creditStatus === 'blocked' || o.creditStatus === 'needs_approval') ? (
              <Button onClick={() => setOverriding({})} data-testid="order-credit-approve">
                {tc('order.approve')}
              </Button>
            ) : null}
            {o?.state === 'draft' ? (
              <Popconfirm title={t('action.delete')} onConfirm={() => void run((ref) => api.call('orders.delete', ref)).then(props.onClose)}>
                <Button danger type="text">
                  {t('action.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null
      }
    >
      {!detail || !o ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={3} size="small" bordered>
            <Descriptions.Item label={t('col.accountName')}>
              <Typography.Link onClick={() => navigate('/accounts', { open: o.accountId })}>{o.accountName}</Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.repName')}>{o.repName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.customerPo')}>{o.customerPo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.orderedOn')}>{o.orderedOn}</Descriptions.Item>
            <Descriptions.Item label={t('col.confirmedOn')}>{o.confirmedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.promisedOn')}>{o.promisedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.totalFen')}>
              <Typography.Text strong data-testid="order-total">
                {money(o.totalFen)}
              </Typography.Text>
              <Typography.Text type="secondary">（{t('drawer.tax')} {money(o.taxFen)}）</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.openFen')}>
              <span data-testid="order-open">{money(o.openFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.overdueFen')}>{o.overdueFen > 0 ? <Typography.Text type="danger">{money(o.overdueFen)}</Typography.Text> : money(0)}</Descriptions.Item>
            {o.creditStatus ? (
              <Descriptions.Item label={t('drawer.credit')}>
                <OutcomeTag outcome={o.creditStatus} testId="order-credit-status" />
              </Descriptions.Item>
            ) : null}
            {detail.order.notes ? (
              <Descriptions.Item label={t('drawer.notes')} span={3}>
                {detail.order.notes}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Space size={40} style={{ margin: '14px 0 4px' }}>
            {(['shipped', 'billed', 'collected'] as const).map((k) => (
              <Space key={k} direction="vertical" size={0}>
                <Typography.Text type="secondary">{t(`drawer.${k}`)}</Typography.Text>
                <Progress type="circle" size={64} percent={detail.progress[`${k}Pct`]} format={(p) => `${p ?? 0}%`} />
              </Space>
            ))}
          </Space>
          <Tabs
            items={[
              {
                key: 'lines',
                label: `${t('drawer.lines')} (${detail.lines.length})`,
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={detail.lines}
                    columns={[
                      { title: t('line.no'), dataIndex: 'lineNo', width: 40 },
                      { title: t('line.sku'), dataIndex: 'sku', width: 90, render: (v: string | null) => v ?? '—' },
                      { title: t('line.product'), dataIndex: 'description' },
                      { title: t('line.quantity'), dataIndex: 'quantity', align: 'right', width: 70 },
                      { title: t('line.price'), dataIndex: 'unitPriceFen', align: 'right', width: 120, render: money },
                      { title: t('line.discount'), dataIndex: 'discountBp', align: 'right', width: 80, render: (v: number) => (v ? `${v / 100}%` : '') },
                      { title: t('line.tax'), dataIndex: 'taxRateBp', align: 'right', width: 70, render: (v: number) => `${v / 100}%` },
                      { title: t('line.amount'), dataIndex: 'amountFen', align: 'right', width: 120, render: money },
                      { title: t('line.shippedQty'), dataIndex: 'shippedQty', align: 'right', width: 60 },
                      { title: t('line.returnedQty'), dataIndex: 'returnedQty', align: 'right', width: 60 },
                    ]}
                  />
                ),
              },
              {
                key: 'instalments',
                label: `${t('drawer.instalments')} (${detail.instalments.length})`,
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={detail.instalments}
                    data-testid="order-instalments"
                    columns={[
                      { title: t('inst.seq'), dataIndex: 'seq', width: 40 },
                      { title: t('inst.label'), dataIndex: 'label' },
                      { title: t('inst.dueOn'), dataIndex: 'dueOn', width: 110 },
                      { title: t('inst.amount'), dataIndex: 'amountFen', align: 'right', render: money },
                      { title: t('inst.paid'), dataIndex: 'paidFen', align: 'right', render: money },
                      { title: t('inst.returned'), dataIndex: 'returnedFen', align: 'right', render: (v: number) => (v ? money(v) : '') },
                      { title: t('inst.open'), dataIndex: 'openFen', align: 'right', render: money },
                      { title: t('inst.overdue'), dataIndex: 'daysOverdue', align: 'right', width: 90, render: (v: number) => (v > 0 ? <Tag color={v > 90 ? 'red' : v > 30 ? 'volcano' : 'orange'}>{v}</Tag> : '') },
                      { title: t('inst.paidOn'), dataIndex: 'paidOn', width: 110, render: (v: string | null) => v ?? '' },
                    ]}
                  />
                ),
              },
              {
                key: 'payments',
                label: `${t('drawer.payments')} (${detail.payments.length})`,
                children: detail.payments.length ? (
                  <Table
                    size="small"
                    rowKey="paymentId"
                    pagination={false}
                    dataSource={detail.payments}
                    columns={[
                      { title: tp('col.paymentNo'), dataIndex: 'paymentNo' },
                      { title: tp('col.receivedOn'), dataIndex: 'receivedOn' },
                      { title: tp('col.method'), dataIndex: 'method', render: (m: string) => tp(`method.${m}`) },
                      { title: tp('col.allocatedFen'), dataIndex: 'allocatedFen', align: 'right', render: money },
                    ]}
                  />
                ) : (
                  <Empty description={t('drawer.noData')} />
                ),
              },
              {
                key: 'shipments',
                label: `${t('drawer.shipments')} (${detail.shipments.length})`,
                children: detail.shipments.length ? (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={detail.shipments}
                    columns={[
                      { title: 'No', dataIndex: 'shipmentNo' },
                      { title: t('form.shipOn'), dataIndex: 'shippedOn' },
                      { title: t('drawer.lines'), render: (_, s) => s.lines.map((l) => `#${l.lineNo} × ${l.quantity}`).join('，') },
                      { title: t('line.amount'), dataIndex: 'amountFen', align: 'right', render: money },
                    ]}
                  />
                ) : (
                  <Empty description={t('drawer.noData')} />
                ),
              },
              {
                key: 'returns',
                label: `${t('drawer.returns')} (${detail.returns.length})`,
                children: detail.returns.length ? (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={detail.returns}
                    columns={[
                      { title: 'No', dataIndex: 'returnNo' },
                      { title: t('form.returnOn'), dataIndex: 'returnedOn' },
                      { title: t('form.returnReason'), dataIndex: 'reason' },
                      { title: t('drawer.lines'), render: (_, r) => r.lines.map((l) => `#${l.lineNo} × ${l.quantity}`).join('，') },
                      { title: t('line.amount'), dataIndex: 'amountFen', align: 'right', render: money },
                      { title: t('form.refund'), dataIndex: 'refundFen', align: 'right', render: (v: number) => (v ? money(v) : '') },
                    ]}
                  />
                ) : (
                  <Empty description={t('drawer.noData')} />
                ),
              },
              {
                key: 'cases',
                label: `${t('drawer.cases')} (${detail.cases.length})`,
                children: detail.cases.length ? (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={detail.cases}
                    onRow={(c) => ({ onClick: () => navigate('/cases', { open: c.id }), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: 'No', dataIndex: 'caseNo' },
                      { title: '', dataIndex: 'title' },
                      { title: '', dataIndex: 'priority', width: 60 },
                      { title: '', dataIndex: 'state', width: 120 },
                    ]}
                  />
                ) : (
                  <Empty description={t('drawer.noData')} />
                ),
              },
              {
                key: 'credit',
                label: <span data-testid="order-tab-credit">{tc('order.credit')}</span>,
                children: <OrderCreditPanel orderId={o.id} refreshKey={`${o.version}-${o.creditStatus ?? ''}`} />,
              },
              {
                key: 'log',
                label: t('drawer.log'),
                children: (
                  <Timeline
                    items={detail.timeline.map((e) => ({
                      key: `${e.at}-${e.action}`,
                      children: (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {when(e.at)} {e.by ? `· ${e.by}` : ''}
                          </Typography.Text>
                          <div>{e.action}</div>
                          {e.reason ? <Typography.Text type="secondary">{e.reason}</Typography.Text> : null}
                        </div>
                      ),
                    }))}
                  />
                ),
              },
            ]}
          />
          {dialog ? <OrderActionModal kind={dialog} detail={detail} busy={busy} onCancel={() => setDialog(null)} onSubmit={(r) => void submitDialog(r)} /> : null}
          <CreditRefusalModal
            check={refusal?.check ?? null}
            onClose={() => setRefusal(null)}
            onOverride={() => {
              setOverriding({ plan: refusal?.plan, date: refusal?.date });
              setRefusal(null);
            }}
          />
          <ManagerOverrideModal
            order={overriding ? { id: o.id, version: o.version, orderNo: o.orderNo } : null}
            plan={overriding?.plan}
            confirmedOn={overriding?.date}
            onClose={() => setOverriding(null)}
            onDone={(d) => {
              setOverriding(null);
              setDetail(d);
              props.onChanged();
            }}
          />
        </>
      )}
    </Drawer>
  );
}
