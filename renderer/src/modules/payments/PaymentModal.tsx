import { App as AntApp, Alert, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, yuanNumberToFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { AccountSelect } from '../../components/AccountSelect';
import { errorMessage } from '../../shell/errors';

const METHODS = ['bank_transfer', 'acceptance_bill', 'cash', 'wechat', 'alipay', 'other'] as const;
type Method = (typeof METHODS)[number];

interface OpenItem {
  orderId: string;
  orderNo: string;
  instalmentId: string;
  seq: number;
  label: string;
  dueOn: string;
  daysOverdue: number;
  openFen: number;
}

interface Values {
  accountId: string;
  amountYuan?: number;
  method: Method;
  date?: Dayjs;
  reference?: string;
  notes?: string;
}

export type PaymentMode = 'receipt' | 'allocate' | 'refund';

/**
 * 登记回款 / 分配余额 / 退款. A receipt can be split across any of the account's open instalments (of one
 * or many orders); whatever is not allocated stays as the account's credit.
 */
export function PaymentModal(props: { mode: PaymentMode | null; accountId?: string | undefined; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('payments');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [accountId, setAccountId] = useState<string | undefined>(props.accountId);
  const [items, setItems] = useState<OpenItem[]>([]);
  const [credit, setCredit] = useState(0);
  const [alloc, setAlloc] = useState<Record<string, number>>({});
  const [saving, setSaving] = useState(false);
  const amountYuan = Form.useWatch('amountYuan', form);
  const mode = props.mode;

  useEffect(() => {
    setAccountId(props.accountId);
    setAlloc({});
    form.resetFields();
    if (props.accountId) form.setFieldValue('accountId', props.accountId);
  }, [props.mode, props.accountId, form]);

  useEffect(() => {
    setAlloc({});
    if (!accountId) {
      setItems([]);
      setCredit(0);
      return;
    }
    api.call('payments.openItems', { accountId }).then(
      (r) => {
        setItems(r.items);
        setCredit(r.creditFen);
      },
      (e: unknown) => void message.error(errorMessage(e)),
    );
  }, [accountId, message]);

  const available = mode === 'allocate' ? credit : (yuanNumberToFen(amountYuan ?? 0) ?? 0);
  const allocated = useMemo(() => Object.values(alloc).reduce((a, b) => a + b, 0), [alloc]);

  const auto = () => {
    let left = available;
    const next: Record<string, number> = {};
    for (const i of items) {
      if (left <= 0) break;
      const take = Math.min(left, i.openFen);
      next[i.instalmentId] = take;
      left -= take;
    }
    setAlloc(next);
  };

  const submit = async () => {
    const v = await form.validateFields();
    const allocations = items.filter((i) => (alloc[i.instalmentId] ?? 0) > 0).map((i) => ({ orderId: i.orderId, instalmentId: i.instalmentId, amountFen: alloc[i.instalmentId]! }));
    setSaving(true);
    try {
      if (mode === 'receipt') {
        const r = await api.call('payments.add', {
          accountId: v.accountId,
          amountFen: yuanNumberToFen(v.amountYuan ?? 0) ?? 0,
          method: v.method,
          allocations,
          ...(v.date ? { receivedOn: v.date.format('YYYY-MM-DD') } : {}),
          ...(v.reference ? { reference: v.reference } : {}),
          ...(v.notes ? { notes: v.notes } : {}),
        });
        void message.success(t('form.saved', { no: r.payment.paymentNo }));
      } else if (mode === 'allocate') {
        await api.call('payments.allocate', { accountId: v.accountId, allocations });
        void message.success(t('form.allocatedOk'));
      } else if (mode === 'refund') {
        const r = await api.call('payments.refund', {
          accountId: v.accountId,
          amountFen: yuanNumberToFen(v.amountYuan ?? 0) ?? 0,
          method: v.method,
          ...(v.date ? { refundedOn: v.date.format('YYYY-MM-DD') } : {}),
          ...(v.reference ? { reference: v.reference } : {}),
        });
        void message.success(t('form.refunded', { no: r.payment.paymentNo }));
      }
      props.onDone();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const title = mode === 'allocate' ? t('form.allocateTitle') : mode === 'refund' ? t('form.refundTitle') : t('form.title');
  return (
    <Modal open={mode !== null} title={title} width={mode === 'refund' ? 560 : 900} onCancel={props.onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'payment-ok', disabled: mode !== 'refund' && allocated > available } as never}>
      <Form form={form} layout="vertical" initialValues={{ method: 'bank_transfer' }}>
        <Row gutter={12}>
          <Col span={mode === 'refund' ? 24 : 10}>
            <Form.Item name="accountId" label={t('form.account')} rules={[{ required: true }]}>
              <AccountSelect onChange={(id) => setAccountId(id)} testId="payment-account" />
            </Form.Item>
          </Col>
          {mode !== 'allocate' ? (
            <>
              <Col span={mode === 'refund' ? 12 : 5}>
                <Form.Item name="amountYuan" label={t('form.amount')} rules={[{ required: true }, { type: 'number', min: 0.01 }]}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="payment-amount" />
                </Form.Item>
              </Col>
              <Col span={mode === 'refund' ? 12 : 4}>
                <Form.Item name="method" label={t('form.method')}>
                  <Select options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))} data-testid="payment-method" />
                </Form.Item>
              </Col>
              <Col span={mode === 'refund' ? 12 : 5}>
                <Form.Item name="date" label={t('form.receivedOn')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={mode === 'refund' ? 12 : 10}>
                <Form.Item name="reference" label={t('form.reference')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              {mode === 'receipt' ? (
                <Col span={14}>
                  <Form.Item name="notes" label={t('form.notes')}>
                    <Input maxLength={1000} />
                  </Form.Item>
                </Col>
              ) : null}
            </>
          ) : null}
        </Row>
      </Form>
      {accountId ? <Typography.Text type="secondary">{t('form.credit', { credit: formatFen(credit) })}</Typography.Text> : null}
      {mode !== 'refund' && accountId ? (
        <>
          <Space style={{ justifyContent: 'space-between', width: '100%', margin: '8px 0' }}>
            <Typography.Text strong>{t('form.openItems')}</Typography.Text>
            <Space>
              <Button size="small" onClick={auto} disabled={available <= 0} data-testid="payment-auto">
                {t('form.auto')}
              </Button>
              <Button size="small" onClick={() => setAlloc({})}>
                {t('form.clear')}
              </Button>
            </Space>
          </Space>
          {items.length === 0 ? (
            <Alert type="info" showIcon title={t('form.noOpen')} />
          ) : (
            <Table
              size="small"
              rowKey="instalmentId"
              pagination={false}
              scroll={{ y: 260 }}
              dataSource={items}
              data-testid="payment-open-items"
              columns={[
                { title: t('form.order'), dataIndex: 'orderNo', width: 150 },
                { title: t('form.seq'), dataIndex: 'seq', width: 40 },
                { title: '', dataIndex: 'label', width: 110 },
                { title: t('form.dueOn'), dataIndex: 'dueOn', width: 105 },
                { title: t('form.overdue'), dataIndex: 'daysOverdue', width: 70, render: (d: number) => (d > 0 ? <Tag color="red">{d}</Tag> : '') },
                { title: t('form.open'), dataIndex: 'openFen', width: 120, align: 'right', render: (v: number) => formatFen(v) },
                {
                  title: t('form.allocate'),
                  width: 150,
                  render: (_, i) => (
                    <InputNumber
                      min={0}
                      max={i.openFen / 100}
                      precision={2}
                      style={{ width: '100%' }}
                      value={alloc[i.instalmentId] ? alloc[i.instalmentId]! / 100 : null}
                      onChange={(v) => setAlloc((a) => ({ ...a, [i.instalmentId]: v ? (yuanNumberToFen(v) ?? 0) : 0 }))}
                      data-testid={`alloc-${i.orderNo}-${i.seq}`}
                    />
                  ),
                },
              ]}
            />
          )}
          <div style={{ marginTop: 8 }} data-testid="payment-summary">
            {allocated > available ? (
              <Typography.Text type="danger">{t('form.over', { allocated: formatFen(allocated) })}</Typography.Text>
            ) : (
              <Typography.Text>{t('form.allocated', { allocated: formatFen(allocated), rest: formatFen(Math.max(0, available - allocated)) })}</Typography.Text>
            )}
          </div>
        </>
      ) : null}
    </Modal>
  );
}
