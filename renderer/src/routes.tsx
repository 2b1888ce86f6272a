import {
  ApartmentOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  ImportOutlined,
  MoneyCollectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

export interface AppRoute {
  key: string;
  path: string;
  icon: ReactNode;
  /** i18n key in the shell namespace. */
  label: string;
  page: LazyExoticComponent<ComponentType>;
}

/** The left navigation, in order: each entry is its module's lazily loaded page. */
export const routes: AppRoute[] = [
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined />, label: 'nav.dashboard', page: lazy(() => import('./modules/dashboard/DashboardPage')) },
  { key: 'accounts', path: '/accounts', icon: <TeamOutlined />, label: 'nav.accounts', page: lazy(() => import('./modules/accounts/AccountsPage')) },
  { key: 'allocation', path: '/allocation', icon: <ApartmentOutlined />, label: 'nav.allocation', page: lazy(() => import('./modules/allocation/AllocationPage')) },
  { key: 'orders', path: '/orders', icon: <ShoppingCartOutlined />, label: 'nav.orders', page: lazy(() => import('./modules/orders/OrdersPage')) },
  { key: 'payments', path: '/payments', icon: <MoneyCollectOutlined />, label: 'nav.payments', page: lazy(() => import('./modules/payments/PaymentsPage')) },
  { key: 'cases', path: '/cases', icon: <CustomerServiceOutlined />, label: 'nav.cases', page: lazy(() => import('./modules/cases/CasesPage')) },
  { key: 'credit', path: '/credit', icon: <SafetyCertificateOutlined />, label: 'nav.credit', page: lazy(() => import('./modules/credit/CreditPage')) },
  { key: 'import', path: '/import', icon: <ImportOutlined />, label: 'nav.import', page: lazy(() => import('./modules/import/ImportPage')) },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined />, label: 'nav.reports', page: lazy(() => import('./modules/reports/ReportsPage')) },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, label: 'nav.settings', page: lazy(() => import('./modules/settings/SettingsPage')) },
];

