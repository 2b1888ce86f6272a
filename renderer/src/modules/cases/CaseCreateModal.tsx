import { App as AntApp, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { AccountSelect } from '../../components/AccountSelect';
import { errorMessage } from '../../shell/errors';

const TYPES = ['repair', 'replacement', 'return', 'refund', 'complaint', 'consultation'] as const;
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

interface Values {
  accountId: string;
  orderId?: string;
  orderLineId?: string;
  type: (typeof TYPES)[number];
  priority: (typeof PRIORITIES)[number];
  title: string;
  description?: string;
  serialNo?: string;
}

/** 新建工单: account, optionally the order and line (for the warranty), type, priority, description. */
export function CaseCreateModal(props: { open: boolean; onClose(): void; onCreated(id: string, caseNo: string): void }) {
  const { t } = useTranslation('cases');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [accountId, setAccountId] = useState<string | undefined>();
  const [orders, setOrders] = useState<{ id: string; orderNo: string }[]>([]);
  const orderId = Form.useWatch('orderId', form);
  const [lines, setLines] = useState<{ id: string; lineNo: number; description: string }[]>([]);

  useEffect(() => {
    setOrders([]);
    form.setFieldsValue({ orderId: undefined, orderLineId: undefined });
    if (!accountId) return;
    api.call('orders.list', { limit: 200, filter: { accountId }, withTotals: false }).then(
      (r) => setOrders(r.items.map((o) => ({ id: o.id, orderNo: `${o.orderNo}（${o.orderedOn}）` }))),
      () => setOrders([]),
    );
  }, [accountId, form]);

  useEffect(() => {
    setLines([]);
    form.setFieldValue('orderLineId', undefined);
    if (!orderId) return;
    api.call('orders.get', { id: orderId }).then(
      (d) => setLines(d.lines.map((l) => ({ id: l.id, lineNo: l.lineNo, description: l.description }))),
      () => setLines([]),
    );
  }, [orderId, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const d = await api.call('cases.create', {
        accountId: v.accountId,
        type: v.type,
        priority: v.priority,
        title: v.title,
        description: v.description ?? '',
        ...(v.orderId ? { orderId: v.orderId } : {}),
        ...(v.orderLineId ? { orderLineId: v.orderLineId } : {}),
        ...(v.serialNo ? { serialNo: v.serialNo } : {}),
      });
      form.resetFields();
      props.onCreated(d.case.id, d.case.caseNo);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={props.open} title={t('form.title')} width={720} onCancel={props.onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'case-create-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ type: 'repair', priority: 'P3' }}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="accountId" label={t('form.account')} rules={[{ required: true }]}>
              <AccountSelect onChange={(id) => setAccountId(id)} testId="case-create-account" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="type" label={t('form.type')}>
              <Select options={TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="priority" label={t('form.priority')}>
              <Select options={PRIORITIES.map((v) => ({ value: v, label: v }))} data-testid="case-create-priority" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orderId" label={t('form.order')}>
              <Select allowClear options={orders.map((o) => ({ value: o.id, label: o.orderNo }))} data-testid="case-create-order" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orderLineId" label={t('form.line')}>
              <Select allowClear options={lines.map((l) => ({ value: l.id, label: `#${l.lineNo} ${l.description}` }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label={t('form.caseTitle')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} data-testid="case-create-title" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="serialNo" label={t('form.serial')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('form.description')}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
