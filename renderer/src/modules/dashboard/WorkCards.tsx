import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import { formatFen } from '../../../../shared/domain/money';
import { WORK_QUEUES, type WorkQueue } from '../../../../shared/domain/work-queues';
import { navigate } from '../../shell/router';
import { compactYuan } from './money-scale';

const GROUPS = ['accounts', 'credit', 'cases', 'receivables'] as const;
const TONE = { info: '#1677ff', warning: '#d46b08', danger: '#cf1322' } as const;

/** A count (or, for the overdue amount, money) that opens the queue's filtered grid. */
function Tile(props: { queue: WorkQueue; value: number; shown: string; label: string; title: string; testId: string }) {
  const { queue } = props;
  const idle = props.value === 0;
  return (
    <button
      type="button"
      className="work-tile"
      title={props.title}
      onClick={() => navigate(queue.path, queue.params)}
      data-testid={props.testId}
      style={{ borderTopColor: idle ? '#f0f0f0' : TONE[queue.tone] }}
    >
      <span className="work-tile-count" data-testid={`${props.testId}-count`} style={{ color: idle ? '#bfbfbf' : TONE[queue.tone] }}>
        {props.shown}
      </span>
      <span className="work-tile-label">{props.label}</span>
    </button>
  );
}

/** 今日待办: one tile per work queue, grouped; a tile opens its page with the queue's filter. */
export function WorkCards({ summary }: { summary: DashboardSummary | null }) {
  const { t, i18n } = useTranslation('dashboard');
  return (
    <div className="work-groups" data-testid="work-cards">
      {GROUPS.map((g) => {
        const queues = WORK_QUEUES.filter((q) => q.group === g);
        return (
          <Card key={g} size="small" title={t(`groups.${g}`)} className={`work-group work-group-${g}`} styles={{ body: { padding: 8 } }}>
            {summary ? (
              <div className="work-tiles">
                {queues.map((q) => (
                  <Tile
                    key={q.key}
                    queue={q}
                    value={summary.counts[q.key]}
                    shown={summary.counts[q.key].toLocaleString('en-US')}
                    label={t(`tiles.${q.key}`)}
                    title={`${t(`queues.${q.key}`)} · ${t('open')}`}
                    testId={`work-${q.key}`}
                  />
                ))}
                {g === 'receivables' ? (
                  <Tile
                    queue={queues[0]!}
                    value={summary.overdueFen}
                    shown={compactYuan(summary.overdueFen, i18n.language)}
                    label={t('overdueAmountLabel')}
                    title={`${t('overdueAmount', { amount: formatFen(summary.overdueFen) })} · ${t('open')}`}
                    testId="work-overdueFen"
                  />
                ) : null}
              </div>
            ) : (
              <Skeleton active paragraph={{ rows: 1 }} title={false} />
            )}
          </Card>
        );
      })}
    </div>
  );
}
