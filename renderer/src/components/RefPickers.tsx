import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Rep, Territory } from '../../../shared/contract/reference';
import { api } from '../api';

/** Reps as a searchable select (active and paused). */
export function RepSelect(props: { value?: string | undefined; onChange?: (id: string | undefined) => void; placeholder?: string; style?: React.CSSProperties; testId?: string }) {
  const [reps, setReps] = useState<Rep[]>([]);
  useEffect(() => {
    api.call('reps.list', {}).then(setReps, () => setReps([]));
  }, []);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      placeholder={props.placeholder}
      style={props.style}
      data-testid={props.testId}
      options={reps.map((r) => ({ value: r.id, label: r.employeeNo ? `${r.name}（${r.employeeNo}）` : r.name }))}
    />
  );
}

/** The territory tree; choosing a node means it and everything below it. */
export function TerritorySelect(props: { value?: string | undefined; onChange?: (id: string | undefined) => void; placeholder?: string; style?: React.CSSProperties }) {
  const [list, setList] = useState<Territory[]>([]);
  useEffect(() => {
    api.call('territories.list', {}).then(setList, () => setList([]));
  }, []);
  const tree = useMemo(() => {
    type Node = { value: string; title: string; children: Node[] };
    const nodes = new Map<string, Node>(list.map((t) => [t.id, { value: t.id, title: t.name, children: [] }]));
    const roots: Node[] = [];
    for (const t of list) {
      const n = nodes.get(t.id)!;
      const parent = t.parentId ? nodes.get(t.parentId) : undefined;
      if (parent) parent.children.push(n);
      else roots.push(n);
    }
    return roots;
  }, [list]);
  return <TreeSelect allowClear showSearch treeNodeFilterProp="title" value={props.value} onChange={(v: string | undefined) => props.onChange?.(v)} placeholder={props.placeholder} style={props.style} treeData={tree} />;
}
