import { DatePicker, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/orders';
import { yuanNumberToFen } from '../../../../shared/domain/money';

export type OrderDialog = 'confirm' | 'ship' | 'hold' | 'cancel' | 'reopen' | 'plan' | 'return';

export interface DialogResult {
  reason?: string;
  plan?: string;
  date?: string;
  lines?: { lineId: string; quantity: number }[];
  refund?: { amountFen: number; method: 'bank_transfer' | 'acceptance_bill' | 'cash' | 'wechat' | 'alipay' | 'other' };
}

const METHODS = ['bank_transfer', 'acceptance_bill', 'cash', 'wechat', 'alipay', 'other'] as const;

/** The small forms behind the order actions: a reason, a plan, quantities per line, a date. */
export function OrderActionModal(props: { kind: OrderDialog | null; detail: OrderDetail; busy: boolean; onCancel(): void; onSubmit(r: DialogResult): void }) {
  const { t } = useTranslation('orders');
  const { t: tp } = useTranslation('payments');
  const [form] = Form.useForm<{ reason?: string; plan?: string; date?: Dayjs; refundYuan?: number; refundMethod?: (typeof METHODS)[number] }>();
  const [qty, setQty] = useState<Record<string, number>>({});
  const kind = props.kind;

  useEffect(() => {
    form.resetFields();
    const q: Record<string, number> = {};
    for (const l of props.detail.lines) q[l.id] = kind === 'ship' ? l.quantity - l.shippedQty : 0;
    setQty(q);
  }, [kind, props.detail, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const lines = Object.entries(qty)
      .filter(([, n]) => n > 0)
      .map(([lineId, quantity]) => ({ lineId, quantity }));
    const refundFen = v.refundYuan ? yuanNumberToFen(v.refundYuan) : null;
    props.onSubmit({
      ...(v.reason ? { reason: v.reason } : {}),
      ...(v.plan ? { plan: v.plan } : {}),
      ...(v.date ? { date: v.date.format('YYYY-MM-DD') } : {}),
      ...(kind === 'ship' || kind === 'return' ? { lines } : {}),
      ...(refundFen ? { refund: { amountFen: refundFen, method: v.refundMethod ?? 'bank_transfer' } } : {}),
    });
  };

  const title = kind === 'return' ? t('action.return') : kind ? t(`action.${kind}`) : '';
  const lineTable = (mode: 'ship' | 'return') => (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.detail.lines}
      columns={[
        { title: t('line.no'), dataIndex: 'lineNo', width: 40 },
        { title: t('line.product'), dataIndex: 'description' },
        { title: t('line.quantity'), dataIndex: 'quantity', width: 70, align: 'right' },
        { title: t('line.shippedQty'), dataIndex: 'shippedQty', width: 70, align: 'right' },
        ...(mode === 'return' ? [{ title: t('line.returnedQty'), dataIndex: 'returnedQty', width: 70, align: 'right' as const }] : []),
        {
          title: mode === 'ship' ? t('line.toShip') : t('line.toReturn'),
          width: 110,
          render: (_: unknown, l: OrderDetail['lines'][number]) => (
            <InputNumber
              min={0}
              max={mode === 'ship' ? l.quantity - l.shippedQty : l.shippedQty - l.returnedQty}
              precision={0}
              value={qty[l.id] ?? 0}
              onChange={(n) => setQty((q) => ({ ...q, [l.id]: n ?? 0 }))}
              data-testid={`${mode}-qty-${l.lineNo}`}
            />
          ),
        },
      ]}
    />
  );

  return (
    <Modal open={kind !== null} title={title} onCancel={props.onCancel} onOk={() => void submit()} confirmLoading={props.busy} width={kind === 'ship' || kind === 'return' ? 760 : 520} destroyOnHidden okButtonProps={{ 'data-testid': 'order-action-ok' } as never}>
      <Form form={form} layout="vertical">
        {kind === 'confirm' || kind === 'plan' ? (
          <Form.Item name="plan" label={t('form.plan')} extra={t('form.planHint')} rules={kind === 'plan' ? [{ required: true }] : []}>
            <Input placeholder="30% on confirmation, 70% net 60" data-testid="order-plan-input" />
          </Form.Item>
        ) : null}
        {kind === 'confirm' ? (
          <Form.Item name="date" label={t('form.confirmOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {kind === 'hold' || kind === 'cancel' || kind === 'reopen' ? (
          <Form.Item name="reason" label={t('form.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="order-reason-input" />
          </Form.Item>
        ) : null}
        {kind === 'ship' ? (
          <>
            <Form.Item name="date" label={t('form.shipOn')}>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
            {lineTable('ship')}
          </>
        ) : null}
        {kind === 'return' ? (
          <>
            <Form.Item name="reason" label={t('form.returnReason')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={500} />
            </Form.Item>
            {lineTable('return')}
            <div style={{ display: 'flex', gap: 12, marginTop: 12 }}>
              <Form.Item name="date" label={t('form.returnOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="refundYuan" label={t('form.refund')}>
                <InputNumber min={0} precision={2} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="refundMethod" label={t('form.refundMethod')} initialValue="bank_transfer">
                <Select style={{ width: 140 }} options={METHODS.map((m) => ({ value: m, label: tp(`method.${m}`) }))} />
              </Form.Item>
            </div>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
