import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { setParam, useRoute } from '../../shell/router';
import { CreditProfileDrawer } from './CreditProfileDrawer';
import { DefaultsPanel } from './DefaultsPanel';
import { RiskOverview } from './RiskOverview';

/** 信用: the risk overview (grades, holds, over-limit, expiring temporary limits), account profiles, defaults. */
export default function CreditPage() {
  const { t } = useTranslation('credit');
  const route = useRoute();
  const tab = route.params.get('tab') ?? 'overview';
  const accountId = route.params.get('account') ?? undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k === 'overview' ? undefined : k)}
        items={[
          { key: 'overview', label: <span data-testid="credit-tab-overview">{t('tabs.overview')}</span>, children: <RiskOverview onOpen={(id) => setParam('account', id)} /> },
          { key: 'defaults', label: <span data-testid="credit-tab-defaults">{t('tabs.defaults')}</span>, children: <DefaultsPanel /> },
        ]}
      />
      <CreditProfileDrawer accountId={accountId} onClose={() => setParam('account', undefined)} />
    </div>
  );
}
