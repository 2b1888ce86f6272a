import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { WORK_QUEUES } from '../../../shared/domain/work-queues';
import { setParam } from '../shell/router';

/**
 * The dashboard work-queue filter a grid page was opened with (#/accounts?filter=pool): shown as a tag
 * above the grid; closing it removes the filter from the URL.
 */
export function WorkFilterTag(props: { path: string; filter: string | undefined }) {
  const { t } = useTranslation('dashboard');
  const queue = WORK_QUEUES.find((q) => q.path === props.path && q.params.filter === props.filter);
  if (!queue) return null;
  return (
    <Tag color="blue" closable closeIcon onClose={() => setParam('filter', undefined)} style={{ fontSize: 13, padding: '2px 8px', marginInlineEnd: 0 }} data-testid="work-filter-tag">
      {t('presetTag', { name: t(`queues.${queue.key}`) })}
    </Tag>
  );
}
