import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { navigate } from './router';

interface Hit {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  ownerName: string | null;
  tier: string;
}

/** Top-bar search over accounts (name, code, credit code, phone, pinyin initials); Enter opens the account. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const seq = useRef(0);

  useEffect(() => {
    const text = q.trim();
    if (!text) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api
        .call('accounts.search', { q: text, limit: 10 })
        .then((r) => {
          if (mine === seq.current) setHits(r);
        })
        .catch(() => setHits([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <AutoComplete
      value={q}
      style={{ width: 420 }}
      prefix={<SearchOutlined />}
      placeholder={t('search.placeholder')}
      allowClear
      data-testid="global-search"
      onChange={(v: string) => {
        setQ(v);
        if (!v.trim()) setHits([]);
      }}
      onSelect={(id: string) => {
        setQ('');
        setHits([]);
        navigate('/accounts', { open: id });
      }}
      notFoundContent={q.trim() ? t('search.empty') : null}
      options={hits.map((h) => ({
        value: h.id,
        label: (
          <Space size={8}>
            <Tag color={h.tier === 'A' ? 'red' : h.tier === 'B' ? 'blue' : 'default'}>{h.tier}</Tag>
            <Typography.Text strong>{h.name}</Typography.Text>
            <Typography.Text type="secondary">{h.code}</Typography.Text>
            {h.phone ? <Typography.Text type="secondary">{h.phone}</Typography.Text> : null}
            {h.ownerName ? <Typography.Text type="secondary">· {h.ownerName}</Typography.Text> : null}
          </Space>
        ),
      }))}
    />
  );
}
