import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataSettings } from './DataSettings';
import { GeneralSettings } from './GeneralSettings';
import { UsersSettings } from './UsersSettings';

export default function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Card>
      <Tabs
        items={[
          { key: 'general', label: t('tabs.general'), children: <GeneralSettings /> },
          { key: 'users', label: t('tabs.users'), children: <UsersSettings /> },
          { key: 'data', label: t('tabs.data'), children: <DataSettings /> },
        ]}
      />
    </Card>
  );
}
