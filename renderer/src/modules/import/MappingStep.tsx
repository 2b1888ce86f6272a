import { Alert, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MappingInfo, Preview } from './types';

export interface ColumnChoice {
  column: number;
  field: string | null;
}

/** Step 3: each column → a field (proposed by synonyms or a remembered template), required fields marked. */
export function MappingStep(props: {
  preview: Preview;
  info: MappingInfo;
  mapping: ColumnChoice[];
  onMapping(m: ColumnChoice[]): void;
  unmapped: 'notes' | 'ignore';
  onUnmapped(u: 'notes' | 'ignore'): void;
  sender: string;
  onSender(s: string): void;
}) {
  const { t } = useTranslation('import');
  const { info, preview } = props;
  const used = new Set(props.mapping.map((m) => m.field).filter(Boolean));
  const missing = info.requiredAnyOf.filter((g) => !g.some((k) => used.has(k)));
  const label = (key: string) => info.fields.find((f) => f.key === key)?.label ?? key;
  const requiredKeys = new Set(info.requiredAnyOf.flat());
  const fieldOptions = [
    { value: '', label: t('ignore') },
    ...info.fields.map((f) => ({
      value: f.key,
      disabled: used.has(f.key),
      label: (
        <span>
          {f.label} {requiredKeys.has(f.key) ? <Typography.Text type="danger">*</Typography.Text> : null}
        </span>
      ),
    })),
  ];
  const setField = (column: number, field: string) => props.onMapping(props.mapping.map((m) => (m.column === column ? { column, field: field || null } : m)));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {info.template ? <Alert type="success" showIcon title={t('templateUsed', { name: info.template.name })} /> : null}
      {missing.length ? (
        <Alert data-testid="import-missing" type="error" showIcon title={t('missingRequired', { fields: missing.map((g) => g.map(label).join(' / ')).join('；') })} />
      ) : null}
      <Table
        data-testid="import-mapping"
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={preview.columns}
        scroll={{ y: 420 }}
        columns={[
          { title: t('column'), dataIndex: 'letter', width: 64 },
          {
            title: t('header'),
            dataIndex: 'header',
            width: 220,
            render: (h: string, c) => (
              <span>
                {h} {c.marked ? <Tag color="red">{t('required')}</Tag> : null}
              </span>
            ),
          },
          { title: t('samples'), dataIndex: 'samples', ellipsis: true, render: (s: string[]) => <Typography.Text type="secondary">{s.join(' · ')}</Typography.Text> },
          {
            title: t('field'),
            key: 'field',
            width: 260,
            render: (_: unknown, c) => (
              <Select
                data-testid={`import-field-${c.letter}`}
                style={{ width: '100%' }}
                value={props.mapping.find((m) => m.column === c.index)?.field ?? ''}
                onChange={(v: string) => setField(c.index, v)}
                options={fieldOptions}
              />
            ),
          },
        ]}
      />
      <Form layout="inline">
        <Form.Item label={t('unmapped')}>
          <Radio.Group value={props.unmapped} onChange={(e) => props.onUnmapped(e.target.value as 'notes' | 'ignore')} options={[{ value: 'ignore', label: t('unmappedIgnore') }, { value: 'notes', label: t('unmappedNotes') }]} />
        </Form.Item>
        <Form.Item label={t('sender')}>
          <Input style={{ width: 200 }} value={props.sender} onChange={(e) => props.onSender(e.target.value)} maxLength={100} />
        </Form.Item>
      </Form>
    </Space>
  );
}
