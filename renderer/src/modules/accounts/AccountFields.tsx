import { Col, DatePicker, Form, Input, Row, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Territory } from '../../../../shared/contract/reference';
import { creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from '../../../../shared/domain/credit-code';
import { api } from '../../api';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

export function territoryTree(list: Territory[]): TreeNode[] {
  const nodes = new Map(list.map((t) => [t.id, { value: t.id, title: t.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const t of list) {
    const node = nodes.get(t.id)!;
    const parent = t.parentId ? nodes.get(t.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Validates a 统一社会信用代码 as the user types, with the same rule the backend applies. */
function creditCodeRule(t: (k: string) => string) {
  return {
    validator: async (_: unknown, value: string | null | undefined) => {
      if (!value) return;
      const code = normalizeCreditCode(value);
      const problem = validateCreditCode(code);
      if (problem === 'checksum') throw new Error(`${t('col.creditCode')}: ✗ (${creditCodeCheckChar(code.slice(0, 17)) ?? '?'})`);
      if (problem) throw new Error(`${t('col.creditCode')}: ✗ ${problem}`);
    },
  };
}

/** The editable account fields, shared by the create modal and the detail drawer's edit form. */
export function AccountFields() {
  const { t } = useTranslation('accounts');
  const [territories, setTerritories] = useState<Territory[]>([]);
  useEffect(() => {
    void api.call('territories.list', {}).then(setTerritories);
  }, []);
  const tree = useMemo(() => territoryTree(territories), [territories]);
  return (
    <Row gutter={12}>
      <Col span={16}>
        <Form.Item name="name" label={t('col.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="account-name" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="shortName" label={t('col.shortName')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="creditCode" label={t('col.creditCode')} rules={[creditCodeRule(t)]} validateDebounce={300}>
          <Input maxLength={24} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="tier" label={t('col.tier')}>
          <Select options={['A', 'B', 'C'].map((v) => ({ value: v, label: t(`tier.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="dealStatus" label={t('col.dealStatus')}>
          <Select options={['prospect', 'negotiating', 'won', 'lost'].map((v) => ({ value: v, label: t(`deal.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="territoryId" label={t('col.territoryName')}>
          <TreeSelect treeData={tree} allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="industry" label={t('col.industry')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="source" label={t('col.source')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="phone" label={t('col.phone')} rules={[{ max: 40, pattern: /^[0-9+\-()\s转#]*$/ }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="email" label={t('col.email')} rules={[{ type: 'email', max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="accountGroup" label={t('col.accountGroup')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="province" label={t('col.province')} rules={[{ max: 30 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="city" label={t('col.city')} rules={[{ max: 30 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="protectedUntil" label={t('col.protectedUntil')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('col.address')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notes" label={t('col.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Col>
    </Row>
  );
}
