import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIVE_PERIODS, isPeriodText } from '../../../../shared/domain/periods';

/** A relative period (本月, 上季度 …) or a given one ("2026-10", "2026-Q3", "2026"). */
export function PeriodPicker({ value, onChange, testId }: { value: string; onChange(v: string): void; testId?: string }) {
  const { t } = useTranslation('reports');
  const [custom, setCustom] = useState(!(RELATIVE_PERIODS as readonly string[]).includes(value));
  const [text, setText] = useState(custom ? value : '');
  return (
    <Space.Compact>
      <Select
        style={{ width: 170 }}
        value={custom ? 'custom' : value}
        data-testid={testId}
        onChange={(v: string) => {
          setCustom(v === 'custom');
          if (v !== 'custom') onChange(v);
          else if (isPeriodText(text)) onChange(text);
        }}
        options={[...RELATIVE_PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) })), { value: 'custom', label: t('periods.custom') }]}
      />
      {custom ? (
        <Input
          style={{ width: 150 }}
          placeholder={t('customPeriod')}
          value={text}
          data-testid={testId ? `${testId}-custom` : undefined}
          status={text && !isPeriodText(text) ? 'error' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (isPeriodText(e.target.value)) onChange(e.target.value.trim());
          }}
        />
      ) : null}
    </Space.Compact>
  );
}
