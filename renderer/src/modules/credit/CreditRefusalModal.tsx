import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditCheckResult } from '../../../../shared/contract/credit';
import { RpcCallError } from '../../../../shared/rpc/errors';
import { ReasonList } from './CheckResultView';
import { useLocalized } from './localized';
import { OutcomeTag } from './tags';

/** The check a refused confirmation carries (CREDIT_BLOCKED with the check in its details), or null. */
export function creditRefusalOf(error: unknown): CreditCheckResult | null {
  if (!(error instanceof RpcCallError) || error.code !== 'CREDIT_BLOCKED') return null;
  const details = error.details as { check?: CreditCheckResult } | undefined;
  return details?.check ?? null;
}

/** Shown when confirming an order is stopped by the credit check: every reason, and the way to a manager. */
export function CreditRefusalModal(props: { check: CreditCheckResult | null; onClose(): void; onOverride(): void }) {
  const { t } = useTranslation('credit');
  const L = useLocalized();
  const c = props.check;
  return (
    <Modal
      open={c !== null}
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: '#f5222d' }} />
          {c?.outcome === 'needs_approval' ? t('refusal.titleApproval') : t('refusal.title')}
          {c ? <OutcomeTag outcome={c.outcome} testId="refusal-outcome" /> : null}
        </Space>
      }
      onCancel={props.onClose}
      width={680}
      footer={
        <Space>
          <Button onClick={props.onClose}>{t('refusal.close')}</Button>
          <Button type="primary" onClick={props.onOverride} data-testid="refusal-override">
            {t('refusal.override')}
          </Button>
        </Space>
      }
    >
      {c ? (
        <div data-testid="credit-refusal">
          <Typography.Paragraph strong>{L(c.headline)}</Typography.Paragraph>
          <ReasonList reasons={c.reasons} testId="refusal-reasons" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('refusal.stays')}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Modal>
  );
}
