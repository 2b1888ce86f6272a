import { Alert, Checkbox, Descriptions, Input, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { AllocationPlan } from './AllocationPlan';
import type { ImportRow, Summary } from './types';

/** Step 5: exactly what the commit will do — nothing is written until "确认导入". */
export function DryRunStep(props: {
  sessionId: string;
  summary: Summary;
  skipInvalid: boolean;
  onSkipInvalid(v: boolean): void;
  saveTemplate: boolean;
  onSaveTemplate(v: boolean): void;
  templateName: string;
  onTemplateName(v: string): void;
  /** The sheet column mapped to the account name (to name the rows in the owner list). */
  nameColumn: number;
}) {
  const { t } = useTranslation('import');
  const [updates, setUpdates] = useState<ImportRow[]>([]);
  const s = props.summary;
  useEffect(() => {
    if (s.plan.update === 0) return;
    void api.call('imports.rows', { sessionId: props.sessionId, filter: 'update', limit: 50 }).then((r) => setUpdates(r.items));
  }, [props.sessionId, s.plan.update]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions data-testid="import-plan" bordered size="small" column={5} title={t('dryRunTitle')}>
        {(['create', 'update', 'unchanged', 'skip', 'error'] as const).map((k) => (
          <Descriptions.Item key={k} label={t(`plan.${k}`)}>
            <Typography.Text strong type={k === 'error' && s.plan.error ? 'danger' : undefined} data-testid={`import-plan-${k}`}>
              {s.plan[k]}
            </Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {updates.length ? (
        <List
          size="small"
          header={t('updates')}
          bordered
          dataSource={updates}
          renderItem={(r) => (
            <List.Item>
              <Typography.Text type="secondary">#{r.row}</Typography.Text>&nbsp;
              {r.cells[0]}：{r.changes.map((c) => `${c.label} ${c.before ?? '（空）'} → ${c.after ?? '（空）'}`).join('；')}
            </List.Item>
          )}
        />
      ) : null}
      {s.allocation ? <AllocationPlan sessionId={props.sessionId} allocation={s.allocation} nameColumn={props.nameColumn} /> : null}
      {s.errorRows > 0 ? (
        <>
          <Alert type="warning" showIcon title={t('errorsBlock', { count: s.errorRows })} />
          <Checkbox data-testid="import-skip-invalid" checked={props.skipInvalid} onChange={(e) => props.onSkipInvalid(e.target.checked)}>
            {t('skipInvalid', { count: s.errorRows })}
          </Checkbox>
        </>
      ) : null}
      <Space>
        <Checkbox checked={props.saveTemplate} onChange={(e) => props.onSaveTemplate(e.target.checked)}>
          {t('saveTemplate')}
        </Checkbox>
        {props.saveTemplate ? <Input style={{ width: 240 }} placeholder={t('templateName')} value={props.templateName} onChange={(e) => props.onTemplateName(e.target.value)} maxLength={100} /> : null}
      </Space>
    </Space>
  );
}
