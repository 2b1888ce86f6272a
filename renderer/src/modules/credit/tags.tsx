import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'cyan', C: 'gold', D: 'orange', E: 'red' };
const OUTCOME_COLORS: Record<string, string> = { pass: 'green', warn: 'gold', needs_approval: 'orange', blocked: 'red', overridden: 'purple' };

export function GradeTag(props: { grade: string | null | undefined; testId?: string }) {
  if (!props.grade) return <span>—</span>;
  return (
    <Tag color={GRADE_COLORS[props.grade] ?? 'default'} style={{ fontWeight: 600, minWidth: 26, textAlign: 'center' }} data-testid={props.testId}>
      {props.grade}
    </Tag>
  );
}

/** pass / warn / needs approval / blocked (and an order's "overridden"). */
export function OutcomeTag(props: { outcome: string | null | undefined; testId?: string }) {
  const { t } = useTranslation('credit');
  if (!props.outcome) return <span>—</span>;
  const label = props.outcome === 'overridden' ? t('profile.override') : t(`outcome.${props.outcome}`);
  return (
    <Tag color={OUTCOME_COLORS[props.outcome] ?? 'default'} data-testid={props.testId}>
      {label}
    </Tag>
  );
}
