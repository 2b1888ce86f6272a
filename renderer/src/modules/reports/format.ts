import { formatFen } from '../../../../shared/domain/money';
import { MEASURE_INFO, type Measure } from '../../../../shared/domain/target-measures';

export function measureValue(measure: Measure, v: number | null): string {
  if (v === null) return '—';
  return MEASURE_INFO[measure].money ? formatFen(v) : v.toLocaleString('zh-CN');
}

export function percent(r: number | null): string {
  return r === null ? '—' : `${(r * 100).toFixed(1)}%`;
}

/** The attainment colours of the workbooks: red < 80 % ≤ amber < 100 % ≤ green. */
export function bandColor(band: 'red' | 'amber' | 'green' | 'none'): string | undefined {
  return band === 'red' ? 'red' : band === 'amber' ? 'gold' : band === 'green' ? 'green' : undefined;
}

export function dateTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
