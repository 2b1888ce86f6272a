import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditCheckResult, CreditReasonView } from '../../../../shared/contract/credit';
import { formatFen } from '../../../../shared/domain/money';
import { useLocalized } from './localized';
import { OutcomeTag } from './tags';

const ICONS = {
  pass: <CheckCircleOutlined style={{ color: '#52c41a' }} />,
  warn: <ExclamationCircleOutlined style={{ color: '#faad14' }} />,
  needs_approval: <ExclamationCircleOutlined style={{ color: '#fa8c16' }} />,
  blocked: <CloseCircleOutlined style={{ color: '#f5222d' }} />,
};

/** Every reason of a check, the deciding ones first, each with what it alone would make of the check. */
export function ReasonList(props: { reasons: CreditReasonView[]; testId?: string }) {
  const L = useLocalized();
  return (
    <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }} data-testid={props.testId}>
      {props.reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} style={{ display: 'flex', gap: 8, padding: '3px 0', alignItems: 'baseline' }} data-testid={`credit-reason-${r.code}`}>
          <span>{r.outcome === 'pass' && r.code !== 'within_limit' && r.code !== 'no_overdue' ? <InfoCircleOutlined style={{ color: '#8c8c8c' }} /> : ICONS[r.outcome]}</span>
          <Typography.Text type={r.outcome === 'pass' ? undefined : r.outcome === 'warn' ? 'warning' : 'danger'}>{L(r.text)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** The outcome, its headline and all its reasons. */
export function CheckResultView(props: { check: CreditCheckResult; testId?: string }) {
  const { t } = useTranslation('credit');
  const L = useLocalized();
  const c = props.check;
  const type = c.outcome === 'pass' ? 'success' : c.outcome === 'warn' ? 'warning' : 'error';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={props.testId}>
      <Alert
        type={type}
        showIcon
        message={
          <Space>
            <OutcomeTag outcome={c.outcome} />
            <span>{L(c.headline)}</span>
          </Space>
        }
        description={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('profile.limit')} {c.limit.limitFen === null ? t('noLimit') : formatFen(c.limit.limitFen)} · {t('profile.exposure')} {formatFen(c.exposure.totalFen)}
            {c.usedPct !== null ? `（${c.usedPct.toFixed(1)}%）` : ''} · {t('asOf', { date: c.asOf })}
          </Typography.Text>
        }
      />
      <ReasonList reasons={c.reasons} testId={props.testId ? `${props.testId}-reasons` : undefined} />
    </Space>
  );
}
