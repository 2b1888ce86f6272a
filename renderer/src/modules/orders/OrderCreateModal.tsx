import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLineInput } from '../../../../shared/contract/orders';
import { lineAmount } from '../../../../shared/domain/line-amount';
import { formatFen, yuanNumberToFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { AccountSelect } from '../../components/AccountSelect';
import { RepSelect } from '../../components/RefPickers';
import { errorMessage } from '../../shell/errors';

interface Product {
  id: string;
  sku: string;
  name: string;
  unitPriceFen: number;
  taxRateBp: number;
}

interface LineDraft {
  key: number;
  productId: string | null;
  description: string;
  quantity: number | null;
  priceYuan: number | null;
  discountPct: number;
  taxPct: number;
}

interface HeaderValues {
  accountId: string;
  repId?: string;
  orderedOn?: Dayjs;
  promisedOn?: Dayjs;
  customerPo?: string;
  paymentTermsDays?: number;
  notes?: string;
}

const pctToBp = (p: number) => Math.round(p * 100);

function toInput(l: LineDraft): OrderLineInput | null {
  if (!l.quantity || l.priceYuan === null) return null;
  const fen = yuanNumberToFen(l.priceYuan);
  if (fen === null) return null;
  return { ...(l.productId ? { productId: l.productId } : {}), ...(l.description ? { description: l.description } : {}), quantity: l.quantity, unitPriceFen: fen, discountBp: pctToBp(l.discountPct), taxRateBp: pctToBp(l.taxPct) };
}

/** 新建订单: header fields and an editable list of lines (catalogue product or free text), totals as you type. */
export function OrderCreateModal(props: { open: boolean; onClose(): void; onCreated(id: string, orderNo: string): void }) {
  const { t } = useTranslation('orders');
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<HeaderValues>();
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [products, setProducts] = useState<Product[]>([]);
  const [saving, setSaving] = useState(false);
  const [nextKey, setNextKey] = useState(1);

  const newLine = (key: number): LineDraft => ({ key, productId: null, description: '', quantity: 1, priceYuan: null, discountPct: 0, taxPct: 13 });
  useEffect(() => {
    if (props.open) {
      setLines([newLine(0)]);
      setNextKey(1);
      api.call('orders.searchProducts', { q: '', limit: 50 }).then(setProducts, () => setProducts([]));
    }
  }, [props.open]);

  const update = (key: number, p: Partial<LineDraft>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...p } : l)));
  const totals = useMemo(() => {
    let total = 0;
    let tax = 0;
    for (const l of lines) {
      const i = toInput(l);
      if (!i) continue;
      const a = lineAmount({ quantity: i.quantity, unitPriceFen: i.unitPriceFen ?? 0, discountBp: i.discountBp, taxRateBp: i.taxRateBp ?? 1300 });
      total += a.amountFen;
      tax += a.taxFen;
    }
    return { total, tax };
  }, [lines]);

  const submit = async () => {
    const v = await form.validateFields();
    const input = lines.map(toInput);
    if (input.length === 0 || input.some((l) => l === null)) {
      void message.error(t('form.needLine'));
      return;
    }
    setSaving(true);
    try {
      const r = await api.call('orders.create', {
        accountId: v.accountId,
        lines: input as OrderLineInput[],
        ...(v.repId ? { repId: v.repId } : {}),
        ...(v.orderedOn ? { orderedOn: v.orderedOn.format('YYYY-MM-DD') } : {}),
        ...(v.promisedOn ? { promisedOn: v.promisedOn.format('YYYY-MM-DD') } : {}),
        ...(v.customerPo ? { customerPo: v.customerPo } : {}),
        ...(v.paymentTermsDays !== undefined && v.paymentTermsDays !== null ? { paymentTermsDays: v.paymentTermsDays } : {}),
        ...(v.notes ? { notes: v.notes } : {}),
      });
      for (const w of r.warnings) modal.warning({ title: t('warning'), content: w.message });
      form.resetFields();
      props.onCreated(r.order.order.id, r.order.order.orderNo);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={props.open} title={t('form.createTitle')} width={980} onCancel={props.onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'order-create-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ paymentTermsDays: 30 }}>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="accountId" label={t('form.account')} rules={[{ required: true }]}>
              <AccountSelect testId="order-create-account" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="repId" label={t('form.rep')}>
              <RepSelect />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="customerPo" label={t('form.customerPo')}>
              <Input maxLength={60} data-testid="order-create-po" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="orderedOn" label={t('form.orderedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="promisedOn" label={t('form.promisedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="paymentTermsDays" label={t('form.terms')}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="notes" label={t('form.notes')}>
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Table<LineDraft>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={lines}
        data-testid="order-create-lines"
        columns={[
          {
            title: t('line.sku'),
            width: 170,
            render: (_, l) => (
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('line.free')}
                value={l.productId ?? undefined}
                onChange={(id: string | undefined) => {
                  const p = products.find((x) => x.id === id);
                  update(l.key, { productId: id ?? null, ...(p ? { description: p.name, priceYuan: p.unitPriceFen / 100, taxPct: p.taxRateBp / 100 } : {}) });
                }}
                options={products.map((p) => ({ value: p.id, label: `${p.sku} ${p.name}` }))}
              />
            ),
          },
          { title: t('line.product'), render: (_, l) => <Input value={l.description} maxLength={200} onChange={(e) => update(l.key, { description: e.target.value })} data-testid="line-description" /> },
          { title: t('line.quantity'), width: 90, render: (_, l) => <InputNumber min={1} precision={0} value={l.quantity} onChange={(v) => update(l.key, { quantity: v })} style={{ width: '100%' }} data-testid="line-quantity" /> },
          { title: t('line.price'), width: 120, render: (_, l) => <InputNumber min={0} precision={2} value={l.priceYuan} onChange={(v) => update(l.key, { priceYuan: v })} style={{ width: '100%' }} data-testid="line-price" /> },
          { title: t('line.discount'), width: 90, render: (_, l) => <InputNumber min={0} max={100} precision={2} value={l.discountPct} onChange={(v) => update(l.key, { discountPct: v ?? 0 })} style={{ width: '100%' }} /> },
          { title: t('line.tax'), width: 90, render: (_, l) => <InputNumber min={0} max={100} precision={2} value={l.taxPct} onChange={(v) => update(l.key, { taxPct: v ?? 0 })} style={{ width: '100%' }} /> },
          {
            title: t('line.amount'),
            align: 'right',
            width: 120,
            render: (_, l) => {
              const i = toInput(l);
              return i ? formatFen(lineAmount({ quantity: i.quantity, unitPriceFen: i.unitPriceFen ?? 0, discountBp: i.discountBp, taxRateBp: i.taxRateBp ?? 1300 }).amountFen) : '—';
            },
          },
          { title: '', width: 40, render: (_, l) => <Button size="small" type="text" icon={<DeleteOutlined />} disabled={lines.length === 1} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} /> },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setLines((ls) => [...ls, newLine(nextKey)]);
            setNextKey((k) => k + 1);
          }}
          data-testid="order-add-line"
        >
          {t('line.add')}
        </Button>
        <Typography.Text strong data-testid="order-create-total">
          {t('form.total', { total: formatFen(totals.total), tax: formatFen(totals.tax) })}
        </Typography.Text>
      </div>
    </Modal>
  );
}
