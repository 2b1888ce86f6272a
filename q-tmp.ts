import Database from 'better-sqlite3';
const db = new Database('/work/wt/creditbatch/bench/.cache/big.sqlite', { readonly: true });
const OWES = `(+o.state in ('confirmed','partly_shipped','shipped','completed') or (+o.state = 'on_hold' and o.confirmed_on is not null))`;
const INST_OPEN = `(i.amount_fen - i.paid_fen - i.returned_fen)`;
const q = `select o.account_id, total(max(${INST_OPEN}, 0)), min(case when ${INST_OPEN} > 0 then i.due_on end), total(case when i.due_on < @beyond then max(${INST_OPEN}, 0) end), total(i.due_on > @look and (${INST_OPEN} > 0 or i.paid_on > i.due_on)) from orders o indexed by orders_credit_idx join instalments i indexed by instalments_credit_idx on i.order_id = o.id where i.superseded_on is null and (i.due_on > @look or ${INST_OPEN} > 0) and i.due_on < @today and o.deleted_at is null and o.confirmed_on is not null and ${OWES} group by o.account_id`;
for (const r of db.prepare('explain ' + q).all({today:'a',beyond:'b',look:'c'}) as any[]) if (/Open|Column|Seek|Deferred|IdxRowid/.test(r.opcode)) console.log(r.addr, r.opcode, r.p1, r.p2, r.p3, r.p4 ?? '', r.comment ?? '');
console.log(db.prepare("select sql from sqlite_master where name='instalments'").get());
