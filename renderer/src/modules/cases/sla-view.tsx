import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import type { CaseRow, SlaClockView } from '../../../../shared/contract/cases';

/** Countdown colours: green on track, orange about to breach, red breached, grey paused / met. */
export const SLA_COLORS: Record<CaseRow['sla'], string> = {
  breached: 'red',
  about_to_breach: 'orange',
  on_track: 'green',
  paused: 'default',
  met: 'blue',
  none: 'default',
};

export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  return h ? `${h}h${String(m % 60).padStart(2, '0')}m` : `${m}m`;
}

function when(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function clockText(c: SlaClockView, t: TFunction): string {
  if (c.status === 'none') return t('clock.none');
  if (c.breached) return t('clock.over');
  if (c.status === 'met') return t('clock.met');
  if (c.status === 'paused') return t('clock.paused', { time: duration(c.remainingMinutes ?? 0) });
  return t('clock.left', { time: duration(c.remainingMinutes ?? 0) });
}

/** The clock that matters now: the first response until answered, then the resolution. */
export function activeClock(row: Pick<CaseRow, 'firstResponse' | 'resolution' | 'firstRespondedAt'>): SlaClockView {
  return row.firstRespondedAt === null && row.firstResponse.status !== 'none' ? row.firstResponse : row.resolution;
}

export function SlaTag(props: { row: Pick<CaseRow, 'firstResponse' | 'resolution' | 'firstRespondedAt' | 'sla'>; t: TFunction }) {
  const c = activeClock(props.row);
  const label = clockText(c, props.t);
  const tip = c.dueAt ? props.t('clock.due', { at: when(c.dueAt) }) : undefined;
  return (
    <Tooltip title={tip}>
      <Tag color={SLA_COLORS[props.row.sla]} data-sla={props.row.sla}>
        {label}
      </Tag>
    </Tooltip>
  );
}
