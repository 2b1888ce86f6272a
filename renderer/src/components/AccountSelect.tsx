import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';

export interface AccountHit {
  id: string;
  code: string;
  name: string;
  ownerName: string | null;
}

/** Pick an account by typing its name, code, phone or pinyin initials (searched in SQL). */
export function AccountSelect(props: {
  value?: string | undefined;
  onChange?: (id: string | undefined, hit: AccountHit | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  allowClear?: boolean;
}) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<AccountHit[]>([]);
  const seq = useRef(0);
  useEffect(() => {
    const text = q.trim();
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      if (!text) return;
      api
        .call('accounts.search', { q: text, limit: 20 })
        .then((r) => {
          if (mine === seq.current) setHits(r);
        })
        .catch(() => setHits([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={props.allowClear ?? true}
      value={props.value}
      placeholder={props.placeholder}
      style={props.style}
      data-testid={props.testId}
      onChange={(id: string | undefined) => props.onChange?.(id, hits.find((h) => h.id === id))}
      options={hits.map((h) => ({ value: h.id, label: `${h.name}（${h.code}）` }))}
    />
  );
}
