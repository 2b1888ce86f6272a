import { Col, Form, Input, InputNumber, Modal, Row, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rep, Territory } from '../../../../shared/contract/reference';
import { territoryTree } from '../accounts/AccountFields';

export interface RepValues {
  name: string;
  employeeNo?: string | null;
  phone?: string | null;
  email?: string | null;
  status: 'active' | 'paused' | 'left';
  capacity?: number | null;
  specialities: string[];
  territoryId?: string | null;
  extraTerritoryIds: string[];
}

/** Create or edit a rep: territories, industries, capacity and status (leaving goes through the handover). */
export function RepEditor(props: { open: boolean; rep: (Rep & { extraTerritoryIds?: string[] }) | null; territories: Territory[]; saving: boolean; onCancel(): void; onSave(v: RepValues): void }) {
  const { t } = useTranslation('allocation');
  const [form] = Form.useForm<RepValues>();
  const tree = useMemo(() => territoryTree(props.territories), [props.territories]);
  useEffect(() => {
    if (!props.open) return;
    const r = props.rep;
    form.setFieldsValue({
      name: r?.name ?? '',
      employeeNo: r?.employeeNo ?? null,
      phone: r?.phone ?? null,
      email: r?.email ?? null,
      status: r?.status ?? 'active',
      capacity: r?.capacity ?? null,
      specialities: r?.specialities ?? [],
      territoryId: r?.territoryId ?? null,
      extraTerritoryIds: r?.extraTerritoryIds ?? [],
    });
  }, [props.open, props.rep, form]);
  return (
    <Modal open={props.open} width={640} title={props.rep ? t('repsTab.edit') : t('repsTab.add')} onCancel={props.onCancel} onOk={() => void form.validateFields().then(props.onSave)} confirmLoading={props.saving} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('repsTab.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employeeNo" label={t('repsTab.employeeNo')} rules={[{ max: 30 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('repsTab.phone')} rules={[{ max: 40, pattern: /^[0-9+\-()\s转#]*$/ }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="email" label={t('repsTab.email')} rules={[{ type: 'email', max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('repsTab.status')}>
              <Select options={(['active', 'paused', 'left'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="capacity" label={t('repsTab.capacity')} rules={[{ type: 'integer', min: 0, max: 1_000_000 }]}>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="territoryId" label={t('repsTab.territory')}>
              <TreeSelect treeData={tree} allowClear showSearch treeNodeFilterProp="title" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="extraTerritoryIds" label={t('repsTab.extraTerritories')}>
              <TreeSelect treeData={tree} multiple allowClear showSearch treeNodeFilterProp="title" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="specialities" label={t('repsTab.specialities')}>
              <Select mode="tags" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
