import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditProfileView } from '../../../../shared/contract/credit';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { navigate } from '../../shell/router';
import { CheckResultView } from './CheckResultView';
import { GradeFactors } from './GradeFactors';

/** The account detail's 信用 tab: grade with its factors, the check as it stands, hold; editing is on the 信用 page. */
export function AccountCreditTab(props: { accountId: string }) {
  const { t } = useTranslation('credit');
  const { message } = AntApp.useApp();
  const [view, setView] = useState<CreditProfileView | null>(null);
  useEffect(() => {
    let live = true;
    api
      .call('credit.getProfile', { accountId: props.accountId })
      .then((v) => live && setView(v))
      .catch((e: unknown) => void message.error(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [props.accountId, message]);
  if (!view) return <Spin />;
  const hold = view.check.hold;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="account-credit">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        {hold.on ? <Tag color="red">{t('profile.onHold', { since: hold.since ?? '', by: hold.by ?? '', reason: hold.reason ?? '' })}</Tag> : <Typography.Text type="secondary">{t('profile.notOnHold')}</Typography.Text>}
        <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('/credit', { account: props.accountId })}>
          {t('profile.open')}
        </Button>
      </Space>
      <GradeFactors grade={view.grade} />
      <CheckResultView check={view.check} />
    </Space>
  );
}
