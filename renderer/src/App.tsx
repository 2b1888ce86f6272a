import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useState } from 'react';
import type { Status } from '../../shared/contract/system';
import { api, onEvent } from './api';
import i18n from './i18n';
import { WelcomePage } from './modules/welcome/WelcomePage';
import { SignInPage } from './modules/signin/SignInPage';
import { AppContext } from './shell/app-context';
import { AppLayout } from './shell/AppLayout';
import { errorMessage } from './shell/errors';

// Under automation (navigator.webdriver: the browser tests) antd's open/close animations are switched
// off, so that a closing drawer's mask never sits over the next click on a busy CI machine.
const THEME = { token: { borderRadius: 4, fontSize: 13, motion: !navigator.webdriver } };

/** Loads the status, applies the language, and shows welcome, sign-in or the app. */
export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refreshStatus = useCallback(async () => {
    try {
      const s = await api.call('system.status', {});
      await i18n.changeLanguage(s.language);
      dayjs.locale(s.language === 'en' ? 'en' : 'zh-cn');
      document.documentElement.lang = s.language;
      setStatus(s);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void refreshStatus();
    return onEvent('session.changed', () => void refreshStatus());
  }, [refreshStatus]);

  const lang = status?.language ?? 'zh-CN';
  let body;
  if (error) body = <Result status="error" title="SalesDesk" subTitle={error} />;
  else if (!status) body = <Spin size="large" style={{ display: 'block', marginTop: '40vh' }} />;
  else if (status.firstRun) body = <WelcomePage />;
  else if (!status.user) body = <SignInPage />;
  else body = <AppLayout />;

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <AppContext.Provider value={status ? { status, refreshStatus } : null}>{body}</AppContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
