import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Dropdown, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApp } from './app-context';
import { errorMessage } from './errors';
import { navigate } from './router';

/** Language switch (remembered in settings) and the current user with sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { status, refreshStatus } = useApp();
  const { message } = AntApp.useApp();
  const user = status.user;

  const setLanguage = async (language: 'zh-CN' | 'en') => {
    try {
      await api.call('settings.update', { language });
      await refreshStatus();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Space size={16}>
      <Segmented
        size="small"
        value={status.language}
        onChange={(v) => void setLanguage(v as 'zh-CN' | 'en')}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'EN', value: 'en' },
        ]}
        data-testid="language-switch"
      />
      {user ? (
        <Dropdown
          menu={{
            items: [
              { key: 'settings', icon: <SettingOutlined />, label: t('user.settings'), onClick: () => navigate('/settings') },
              {
                key: 'signout',
                icon: <LogoutOutlined />,
                label: status.signInRequired ? t('user.signOut') : t('user.switchUser'),
                onClick: async () => {
                  await api.call('session.signOut', {});
                  await refreshStatus();
                },
                disabled: !status.signInRequired,
              },
            ],
          }}
        >
          <Space style={{ cursor: 'pointer' }} data-testid="current-user">
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text>{user.displayName}</Typography.Text>
            <Tag>{t(`user.role.${user.role}`)}</Tag>
          </Space>
        </Dropdown>
      ) : null}
    </Space>
  );
}
