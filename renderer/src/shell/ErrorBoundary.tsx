import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import i18next from '../i18n';

interface State {
  error: Error | null;
}

/** Keeps one broken page from blanking the whole window; offers a retry. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18next.t('error.title')}
        subTitle={this.state.error.message}
        extra={<Button onClick={() => this.setState({ error: null })}>{i18next.t('error.retry')}</Button>}
      />
    );
  }
}
