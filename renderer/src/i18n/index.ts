import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../shared/i18n/text';
import { accountsText } from '../modules/accounts/i18n';
import { casesText } from '../modules/cases/i18n';
import { creditText } from '../modules/credit/i18n';
import { dashboardText } from '../modules/dashboard/i18n';
import { ordersText } from '../modules/orders/i18n';
import { paymentsText } from '../modules/payments/i18n';
import { allocationText } from '../modules/allocation/i18n';
import { importText } from '../modules/import/i18n';
import { reportsText } from '../modules/reports/i18n';
import { settingsText } from '../modules/settings/i18n';
import { shellText } from '../shell/i18n';

/**
 * One namespace per module; each module's i18n.ts exports {'zh-CN': {...}, en: {...}}.
 * Chinese is the default and the fallback: a missing English string shows the Chinese one.
 */
export const namespaces = {
  shell: shellText,
  dashboard: dashboardText,
  accounts: accountsText,
  orders: ordersText,
  payments: paymentsText,
  cases: casesText,
  credit: creditText,
  allocation: allocationText,
  import: importText,
  reports: reportsText,
  settings: settingsText,
};

const resources: Record<Lang, Record<string, Record<string, unknown>>> = { 'zh-CN': {}, en: {} };
for (const [ns, text] of Object.entries(namespaces)) {
  resources['zh-CN'][ns] = text['zh-CN'];
  resources.en[ns] = text.en;
}

void i18next.use(initReactI18next).init({
  resources,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  defaultNS: 'shell',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
