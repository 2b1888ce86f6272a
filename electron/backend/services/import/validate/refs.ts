import { nameKey, nearMisses } from '../../../../../shared/domain/import/near-miss';
import { bracketVariants } from '../../../../../shared/domain/import/text-clean';
import { prepared } from '../sql-cache';
import type { Core } from '../../../core';

/**
 * References by name, as reps write them: the owner rep by name or employee number, the territory by
 * name, code or path (华东/上海), the account by name or code, the product by SKU or name, the order by
 * its number. A miss comes back with the nearest names (张三丰 → 张三) so the user can pick one.
 */
export type RefResult = { ok: true; id: string; label: string } | { ok: false; reason: 'missing' | 'ambiguous'; suggestions: string[] };

interface Named {
  id: string;
  name: string;
  extra: string | null;
}

/** An order a payment names: whose it is and whether it can take money (shared/domain/receivables). */
export interface OrderRef {
  id: string;
  accountId: string;
  state: string;
  confirmedOn: string | null;
}

const CACHE_LIMIT = 50_000;

export class RefResolver {
  private reps: Named[] | null = null;
  private territories: (Named & { parentId: string | null })[] | null = null;
  private products: (Named & { sku: string })[] | null = null;
  private readonly accountCache = new Map<string, RefResult>();
  private readonly orderCache = new Map<string, OrderRef | null>();

  constructor(private readonly core: Core) {}

  private loadReps(): Named[] {
    return (this.reps ??= prepared(this.core.sqlite, `select id, name, employee_no as extra from reps where deleted_at is null`).all() as Named[]);
  }

  rep(text: string): RefResult {
    const reps = this.loadReps();
    const byNo = reps.filter((r) => r.extra !== null && r.extra === text);
    if (byNo.length === 1) return { ok: true, id: byNo[0]!.id, label: byNo[0]!.name };
    const key = nameKey(text);
    const hits = reps.filter((r) => nameKey(r.name) === key);
    if (hits.length === 1) return { ok: true, id: hits[0]!.id, label: hits[0]!.name };
    if (hits.length > 1) return { ok: false, reason: 'ambiguous', suggestions: hits.map((h) => (h.extra ? `${h.name}（${h.extra}）` : h.name)) };
    return { ok: false, reason: 'missing', suggestions: nearMisses(text, reps.map((r) => r.name)) };
  }

  territory(text: string): RefResult {
    const all = (this.territories ??= prepared(this.core.sqlite, `select id, name, code as extra, parent_id as parentId from territories where deleted_at is null`).all() as (Named & { parentId: string | null })[]);
    const byId = new Map(all.map((t) => [t.id, t]));
    const path = (t: Named & { parentId: string | null }): string[] => {
      const out: string[] = [];
      let cur: (Named & { parentId: string | null }) | undefined = t;
      for (let i = 0; cur && i < 20; i++, cur = cur.parentId ? byId.get(cur.parentId) : undefined) out.unshift(nameKey(cur.name));
      return out;
    };
    const parts = text.split(/\s*[/>＞、]\s*/).map(nameKey).filter(Boolean);
    const leaf = parts[parts.length - 1] ?? '';
    const hits = all.filter((t) => nameKey(t.name) === leaf || (t.extra !== null && nameKey(t.extra) === nameKey(text)));
    const narrowed = parts.length > 1 ? hits.filter((t) => path(t).join('/').endsWith(parts.join('/'))) : hits;
    if (narrowed.length === 1) return { ok: true, id: narrowed[0]!.id, label: narrowed[0]!.name };
    if (narrowed.length > 1) return { ok: false, reason: 'ambiguous', suggestions: narrowed.map((t) => path(t).join('/')) };
    return { ok: false, reason: 'missing', suggestions: nearMisses(text, all.map((t) => t.name)) };
  }

  product(text: string): RefResult {
    const all = (this.products ??= prepared(this.core.sqlite, `select id, name, sku, spec as extra from products where deleted_at is null`).all() as (Named & { sku: string })[]);
    const bySku = all.filter((p) => p.sku === text);
    if (bySku.length === 1) return { ok: true, id: bySku[0]!.id, label: bySku[0]!.name };
    const key = nameKey(text);
    const byName = all.filter((p) => nameKey(p.name) === key);
    if (byName.length === 1) return { ok: true, id: byName[0]!.id, label: byName[0]!.name };
    if (byName.length > 1) return { ok: false, reason: 'ambiguous', suggestions: byName.map((p) => `${p.sku} ${p.name}`) };
    return { ok: false, reason: 'missing', suggestions: nearMisses(text, all.map((p) => p.name)) };
  }

  private remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
    return value;
  }

  account(text: string): RefResult {
    const cached = this.accountCache.get(`n:${text}`);
    if (cached) return cached;
    const byName = prepared(this.core.sqlite, `select id, name, code from accounts where name = ? and deleted_at is null limit 5`);
    const rows = bracketVariants(text).flatMap((name) => byName.all(name) as { id: string; name: string; code: string }[]);
    if (rows.length === 1) return this.remember(this.accountCache, `n:${text}`, { ok: true, id: rows[0]!.id, label: `${rows[0]!.name}（${rows[0]!.code}）` });
    if (rows.length > 1) return this.remember(this.accountCache, `n:${text}`, { ok: false, reason: 'ambiguous', suggestions: rows.map((r) => `${r.name}（${r.code}）`) });
    // A code in the name column (or the code picked from an ambiguous name's suggestions).
    const byCode = this.accountByCode(text);
    if (byCode.ok) return byCode;
    const core = nameKey(text).replace(/(股份有限公司|有限责任公司|有限公司|公司)$/, '');
    const probe = core.slice(0, Math.min(4, core.length));
    const candidates = probe
      ? (prepared(this.core.sqlite, `select name from accounts where deleted_at is null and name like ? escape '\\' limit 300`).all(`%${probe.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { name: string }[]).map((r) => r.name)
      : [];
    return this.remember(this.accountCache, `n:${text}`, { ok: false, reason: 'missing', suggestions: nearMisses(text, candidates) });
  }

  accountByCode(code: string): RefResult {
    const cached = this.accountCache.get(`c:${code}`);
    if (cached) return cached;
    const row = prepared(this.core.sqlite, `select id, name, code from accounts where code = ? and deleted_at is null`).get(code) as { id: string; name: string; code: string } | undefined;
    return this.remember(this.accountCache, `c:${code}`, row ? { ok: true, id: row.id, label: `${row.name}（${row.code}）` } : { ok: false, reason: 'missing', suggestions: [] });
  }

  order(orderNo: string): OrderRef | null {
    if (this.orderCache.has(orderNo)) return this.orderCache.get(orderNo) ?? null;
    const row = prepared(this.core.sqlite, `select id, account_id as accountId, state, confirmed_on as confirmedOn from orders where order_no = ? and deleted_at is null`).get(orderNo) as OrderRef | undefined;
    return this.remember(this.orderCache, orderNo, row ?? null);
  }
}
