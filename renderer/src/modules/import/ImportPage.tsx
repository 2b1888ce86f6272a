import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from './HistoryPanel';
import { ImportWizard } from './ImportWizard';

/** 导入: reps' spreadsheets in (the wizard), and every import so far with undo (history). */
export default function ImportPage() {
  const { t } = useTranslation('import');
  const [tab, setTab] = useState('wizard');
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'wizard', label: t('tabs.wizard'), children: <ImportWizard /> },
          { key: 'history', label: t('tabs.history'), children: <HistoryPanel /> },
        ]}
      />
    </Card>
  );
}
