import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { setParam, useRoute } from '../../shell/router';
import { JournalsTab } from './JournalsTab';
import { OverviewTab } from './OverviewTab';
import { PoolTab } from './PoolTab';
import { RepsTab } from './RepsTab';
import { RulesTab } from './RulesTab';
import { TerritoriesTab } from './TerritoriesTab';

const TABS = ['overview', 'rules', 'pool', 'journals', 'reps', 'territories'] as const;

/** 分配: the allocation cockpit. Transfers start from the accounts grid (select → transfer) or here. */
export default function AllocationPage() {
  const { t } = useTranslation('allocation');
  const route = useRoute();
  const tab = (TABS as readonly string[]).includes(route.params.get('tab') ?? '') ? route.params.get('tab')! : 'overview';
  const content = { overview: <OverviewTab />, rules: <RulesTab />, pool: <PoolTab />, journals: <JournalsTab />, reps: <RepsTab />, territories: <TerritoriesTab /> };
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setParam('tab', k)}
      destroyOnHidden
      items={TABS.map((k) => ({ key: k, label: <span data-testid={`alloc-tab-${k}`}>{t(`tabs.${k}`)}</span>, children: content[k] }))}
    />
  );
}
