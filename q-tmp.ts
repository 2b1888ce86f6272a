import Database from 'better-sqlite3';
const db = new Database('/work/wt/creditbatch/bench/.cache/big.sqlite', { readonly: true });
db.pragma('cache_size = -65536');
const OWES = `(+o.state in ('confirmed','partly_shipped','shipped','completed') or (+o.state = 'on_hold' and o.confirmed_on is not null))`;
const OPEN = `max(0, o.total_fen - o.returned_fen - o.collected_fen)`;
const p: any = { today: '2026-11-23', t1: '2026-08-25', look: '2026-05-27', t2: '2026-02-26', beyond: '2026-10-24', since: '2026-02-26' };
const days = `(julianday(x.allocated_on) - julianday(o.confirmed_on))`;
const W = `from orders o indexed by orders_credit_idx where o.deleted_at is null and o.confirmed_on is not null and ${OWES}`;
const qs: Record<string,string> = {
 o_full: `select o.account_id, sum(${OPEN}), sum(min(${OPEN}, max(0, o.total_fen - o.billed_fen))), sum(${OPEN} * (julianday(@today) - julianday(o.confirmed_on))), sum(case when o.confirmed_on <= @t1 then ${OPEN} else 0 end), sum(case when o.confirmed_on <= @t1 then ${OPEN} * (julianday(@t1) - julianday(o.confirmed_on)) else 0 end), sum(case when o.confirmed_on > @look then o.total_fen else 0 end) ${W} group by o.account_id`,
 o_filt: `select o.account_id, sum(${OPEN}), sum(min(${OPEN}, max(0, o.total_fen - o.billed_fen))), sum(${OPEN} * (julianday(@today) - julianday(o.confirmed_on))), coalesce(sum(${OPEN}) filter (where o.confirmed_on <= @t1), 0), coalesce(sum(${OPEN} * (julianday(@t1) - julianday(o.confirmed_on))) filter (where o.confirmed_on <= @t1), 0), coalesce(sum(o.total_fen) filter (where o.confirmed_on > @look), 0) ${W} group by o.account_id`,
 c_full: `select o.account_id, sum(case when x.allocated_on > @look then x.amount_fen else 0 end), sum(case when x.allocated_on > @t1 and x.amount_fen > 0 then x.amount_fen else 0 end), sum(case when x.allocated_on > @t1 and x.amount_fen > 0 then x.amount_fen * ${days} else 0 end), sum(case when x.allocated_on > @t2 and x.allocated_on <= @t1 and x.amount_fen > 0 then x.amount_fen else 0 end), sum(case when x.allocated_on > @t2 and x.allocated_on <= @t1 and x.amount_fen > 0 then x.amount_fen * ${days} else 0 end), sum(case when x.allocated_on > @t1 and o.confirmed_on <= @t1 and ${OWES} then x.amount_fen else 0 end), sum(case when x.allocated_on > @t1 and o.confirmed_on <= @t1 and ${OWES} then x.amount_fen * (julianday(@t1) - julianday(o.confirmed_on)) else 0 end) from orders o indexed by orders_credit_idx join payment_allocations x on x.order_id = o.id where x.allocated_on > @since and o.deleted_at is null and o.confirmed_on is not null group by o.account_id`,
 c_filt: `select o.account_id, coalesce(sum(x.amount_fen) filter (where x.allocated_on > @look), 0), coalesce(sum(x.amount_fen) filter (where x.allocated_on > @t1 and x.amount_fen > 0), 0), coalesce(sum(x.amount_fen * ${days}) filter (where x.allocated_on > @t1 and x.amount_fen > 0), 0), coalesce(sum(x.amount_fen) filter (where x.allocated_on > @t2 and x.allocated_on <= @t1 and x.amount_fen > 0), 0), coalesce(sum(x.amount_fen * ${days}) filter (where x.allocated_on > @t2 and x.allocated_on <= @t1 and x.amount_fen > 0), 0), coalesce(sum(x.amount_fen) filter (where x.allocated_on > @t1 and o.confirmed_on <= @t1 and ${OWES}), 0), coalesce(sum(x.amount_fen * (julianday(@t1) - julianday(o.confirmed_on))) filter (where x.allocated_on > @t1 and o.confirmed_on <= @t1 and ${OWES}), 0) from orders o indexed by orders_credit_idx join payment_allocations x on x.order_id = o.id where x.allocated_on > @since and o.deleted_at is null and o.confirmed_on is not null group by o.account_id`,
};
const best: Record<string, number> = {}; const res: Record<string,string> = {};
for (let rep=0; rep<6; rep++) for (const [k,q] of Object.entries(qs)) {
  const st = db.prepare(q); const ps: any = {}; for (const n of Object.keys(p)) if (q.includes('@'+n)) ps[n] = p[n];
  const c0 = process.cpuUsage(); const r = st.raw().all(ps); const cpu = process.cpuUsage(c0);
  best[k] = Math.min(best[k] ?? 1e9, (cpu.user+cpu.system)/1000); if (rep===0) { res[k]=JSON.stringify(r); }
}
console.log(Object.entries(best).map(([k,v])=>`${k} ${Math.round(v)} same=${res[k]===res[k.slice(0,2)+'full']}`).join('\n'));
