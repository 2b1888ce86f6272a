import { App as AntApp, Button } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';

/** After a bulk operation: a notice with an Undo button that undoes the whole journal entry. */
export function useUndoNotice(): (text: string, journalId: string | null) => void {
  const { t } = useTranslation('allocation');
  const { notification, message } = AntApp.useApp();
  return useCallback(
    (text: string, journalId: string | null) => {
      const key = journalId ?? text;
      notification.success({
        key,
        title: text,
        duration: 8,
        actions: journalId ? (
          <Button
            size="small"
            data-testid="undo-notice"
            onClick={() => {
              notification.destroy(key);
              api
                .call('journals.undo', { id: journalId })
                .then((r) => void message.success(t('undo.done', { count: r.restored })))
                .catch((e: unknown) => void message.error(errorMessage(e)));
            }}
          >
            {t('undo.action')}
          </Button>
        ) : undefined,
      });
    },
    [notification, message, t],
  );
}
