import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { Checkbox } from 'antd';
import { useCallback } from 'react';

export interface SetFilterModel {
  filterType: 'set';
  values: string[];
}

/**
 * A "one of these values" filter for enumerated columns (tier, state …). AG Grid's own set filter is
 * an enterprise feature; this one produces the {filterType: 'set'} model the backend understands.
 * Options come from the column's filterParams.options as [{value, label}].
 */
export function SetFilter(props: CustomFilterProps & { options: { value: string; label: string }[] }) {
  const { model, onModelChange, options } = props;
  const selected = model ? (model as SetFilterModel).values : [];
  useGridFilter({ doesFilterPass: useCallback(() => true, []) });
  return (
    <div style={{ padding: 10, display: 'flex', flexDirection: 'column', gap: 6, minWidth: 140 }}>
      <Checkbox.Group
        value={selected}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={options}
        onChange={(values) => onModelChange(values.length ? { filterType: 'set', values: values as string[] } : null)}
      />
    </div>
  );
}
