import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../routes';
import { ErrorBoundary } from './ErrorBoundary';
import { GlobalSearch } from './GlobalSearch';
import { navigate, useRoute } from './router';
import { UserMenu } from './UserMenu';

/** The app frame: left navigation, top bar with search and user, the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const route = useRoute();
  const [collapsed, setCollapsed] = useState(false);
  const active = routes.find((r) => route.path === r.path || route.path.startsWith(`${r.path}/`)) ?? routes[0]!;
  const Page = active.page;

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={180} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, fontSize: collapsed ? 14 : 17, color: '#1677ff', whiteSpace: 'nowrap' }}>
          {collapsed ? 'SD' : t('appName')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[active.key]}
          onClick={({ key }) => navigate(routes.find((r) => r.key === key)!.path)}
          items={routes.map((r) => ({ key: r.key, icon: r.icon, label: <span data-testid={`nav-${r.key}`}>{t(r.label)}</span> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0', height: 56 }}>
          <GlobalSearch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 16, overflow: 'auto', display: 'flex', flexDirection: 'column' }}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 12 }}>
            {t(active.label)}
          </Typography.Title>
          <ErrorBoundary key={active.key}>
            <Suspense fallback={<Spin style={{ marginTop: 80 }} />}>
              <Page />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
