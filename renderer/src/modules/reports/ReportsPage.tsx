import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportPanel } from './ExportPanel';
import { PerformancePanel } from './PerformancePanel';
import { SchedulesPanel } from './SchedulesPanel';
import { TargetsPanel } from './TargetsPanel';

/** 报表: export workbooks, schedule them, set targets, and see attainment and the leaderboard. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  return (
    <Card>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'export', label: t('tabs.export'), children: <ExportPanel /> },
          { key: 'performance', label: t('tabs.performance'), children: <PerformancePanel /> },
          { key: 'targets', label: t('tabs.targets'), children: <TargetsPanel /> },
          { key: 'schedules', label: t('tabs.schedules'), children: <SchedulesPanel /> },
        ]}
      />
    </Card>
  );
}
