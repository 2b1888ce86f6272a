import { KIND_SPECS, type FieldSpec } from '../../../../../shared/domain/import/fields';
import { missingRequired, normalizeHeader } from '../../../../../shared/domain/import/header-match';
import { columnLetter } from '../../../../../shared/domain/import/grid';
import type { ImportKind } from '../../../../../shared/domain/import/kinds';
import { msg } from '../../../../../shared/i18n/text';
import { AppError } from '../../../../../shared/rpc/errors';
import type { Core } from '../../../core';
import { KINDS } from '../kinds';
import { allocationSummary, planImportOwners, type AllocationSummary } from '../owner-allocation';
import type { KindContext, KindRow, Rec, Values } from '../kinds/kind';
import type { Cell } from '../read/cell';
import type { ImportSession, ValidationSummary } from '../session/import-session';
import type { TaskControl } from '../session/load-table';
import { BATCH_ROWS } from '../session/staging';
import { convertCell, rawText } from './convert-cell';
import { issue, type RowIssue } from './issue';
import { nonDataRow } from './non-data-row';
import { RefResolver } from './refs';

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error';
const STATUS = { ok: 0, warning: 1, error: 2 } as const;

interface MappedColumn {
  col: number;
  field: FieldSpec;
  unitFactor: number;
}

export function mappedColumns(session: ImportSession, kind: ImportKind): { mapped: MappedColumn[]; extra: { col: number; header: string }[] } {
  const fields = KIND_SPECS[kind].fields;
  const mapped: MappedColumn[] = [];
  const extra: { col: number; header: string }[] = [];
  const used = new Set<string>();
  for (const m of session.mapping) {
    const header = session.headers[m.column] ?? `列 ${columnLetter(m.column)}`;
    if (m.field) {
      const field = fields.find((f) => f.key === m.field);
      if (!field) throw new AppError('INVALID_INPUT', msg(`字段“${m.field}”不属于此导入类型`, `Field "${m.field}" does not belong to this kind of import`));
      if (used.has(field.key)) throw new AppError('INVALID_INPUT', msg(`字段“${field.label.zh}”被映射了两次（${header}）`, `Field "${field.label.en}" is mapped twice (${header})`));
      used.add(field.key);
      mapped.push({ col: m.column, field, unitFactor: normalizeHeader(header).unitFactor });
    } else if (session.options.unmapped === 'notes' && !/^列 [A-Z]+$/.test(header)) extra.push({ col: m.column, header });
  }
  const missing = missingRequired(kind, [...used]);
  if (missing.length) {
    const names = missing.map((g) => g.map((k) => fields.find((f) => f.key === k)!.label));
    throw new AppError(
      'INVALID_INPUT',
      msg(`缺少必填字段的列：${names.map((g) => g.map((l) => l.zh).join(' 或 ')).join('；')}`, `No column is mapped to the required field(s): ${names.map((g) => g.map((l) => l.en).join(' or ')).join('; ')}`),
      { missing },
    );
  }
  return { mapped, extra };
}


/**
 * Validates every staged row: converts the mapped cells, checks required fields and references,
 * finds duplicates (inside the file and against the database) and decides each row's action under
 * the duplicate policy. Results go to the staging database; the summary comes back.
 */
export async function runValidation(core: Core, session: ImportSession, control: TaskControl): Promise<ValidationSummary> {
  const kind = session.kind!;
  const impl = KINDS[kind];
  const { mapped, extra } = mappedColumns(session, kind);
  const spec = KIND_SPECS[kind];
  const ctx: KindContext = {
    core,
    refs: new RefResolver(core),
    fields: spec.fields,
    mapped: new Set(mapped.map((m) => m.field.key)),
    policy: session.options.onDuplicate,
    fileName: session.fileName,
    today: core.today(),
  };
  const st = session.staging;
  const sx = st.schema;
  core.sqlite.exec(`delete from ${sx}.results`);
  const fixes = st.allFixes();
  const skips = st.skipped();
  const date1904 = session.source.date1904;
  const headerKeys = session.headers.map((h) => normalizeHeader(h).key);
  const insert = core.sqlite.prepare(`insert into ${sx}.results (idx, status, action, target, issues, record, key, grp, changes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let pending: unknown[][] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    core.sqlite.transaction(() => {
      for (const p of batch) insert.run(p);
    })();
  };
  let done = 0;
  const total = st.count;
  // Results are written without their indexes, built once at the end (and even if the validation is cut short).
  st.dropResultIndexes();
  try {
    for (const staged of st.iterate()) {
      const rowFixes = fixes.get(staged.idx);
      const cellAt = (c: number): Cell | null => {
        const fix = rowFixes?.get(c);
        if (fix !== undefined) return fix.trim() === '' ? null : { k: 's', v: fix };
        return staged.cells[c] ?? null;
      };
      const issues: RowIssue[] = [];
      const values: Values = {};
      const cols: Record<string, number> = {};
      const raw: Record<string, string> = {};
      let any = false;
      for (const m of mapped) {
        const cell = cellAt(m.col);
        cols[m.field.key] = m.col;
        raw[m.field.key] = rawText(cell, date1904);
        const r = convertCell(cell, m.field, { date1904, unitFactor: m.unitFactor, col: m.col });
        values[m.field.key] = r.value;
        if (cell) any = true;
        issues.push(...r.issues);
      }
      const extraLines: string[] = [];
      for (const e of extra) {
        const cell = cellAt(e.col);
        if (cell) extraLines.push(`${e.header}：${rawText(cell, date1904)}`);
      }
      let action: RowAction | null = null;
      // Rows that are not data: blank in every mapped column, a repeated header, a totals line.
      const notData = nonDataRow(staged.cells, any, headerKeys, date1904);
      if (notData) {
        issues.push(notData);
        action = 'skip';
      }
      let record: Rec | null = null;
      let key: string | null = null;
      let group: string | null = null;
      let target: string | null = null;
      let changes: unknown = null;
      if (action === null) {
        for (const f of spec.fields) {
          if (f.required && values[f.key] == null && ctx.mapped.has(f.key) && !issues.some((i) => i.field === f.key && i.level === 'error')) {
            issues.push(issue('error', 'REQUIRED', cols[f.key] ?? null, f.key, '', `${f.label.zh}：必填`, `${f.label.en}: required`));
          }
        }
        for (const group of spec.requiredAnyOf) {
          if (group.length < 2 || !group.some((k) => ctx.mapped.has(k))) continue;
          if (group.every((k) => values[k] == null) && !issues.some((i) => group.includes(i.field ?? '') && i.level === 'error')) {
            const labels = group.map((k) => spec.fields.find((f) => f.key === k)!.label);
            issues.push(issue('error', 'REQUIRED', null, group[0]!, '', `${labels.map((l) => l.zh).join(' 或 ')}：至少填一项`, `${labels.map((l) => l.en).join(' or ')}: at least one is required`));
          }
        }
        const kr: KindRow = { idx: staged.idx, row: staged.row, values, cols, raw, extraNotes: extraLines.length ? extraLines.join('\n') : null, issues };
        const out = impl.normalize(kr, ctx);
        record = out.record;
        key = out.key;
        group = out.group;
        const createOnly = (i: RowIssue) => impl.createOnly?.(i) ?? false;
        const hasError = issues.some((i) => i.level === 'error' && (impl.grouped || !createOnly(i)));
        if (hasError) action = 'error';
        else if (!impl.grouped && record) {
          const existing = impl.findExisting(record, ctx);
          if (!existing) action = 'create';
          else {
            target = existing.id;
            if (ctx.policy === 'skip') {
              action = 'skip';
              issues.push(issue('warning', 'DUP_IN_DB', null, null, existing.label, `已存在：${existing.label}，按“跳过”处理`, `already exists: ${existing.label}; skipped by policy`));
            } else if (ctx.policy === 'update') {
              const ch = impl.changes(record, existing, ctx);
              const refused = ch.length ? (impl.refuseUpdate?.(record, existing, ctx) ?? null) : null;
              action = refused ? 'error' : ch.length ? 'update' : 'unchanged';
              changes = ch;
              issues.push(issue('warning', 'DUP_IN_DB', null, null, existing.label, ch.length ? `已存在：${existing.label}，将更新 ${ch.length} 个字段` : `已存在：${existing.label}，内容相同`, ch.length ? `already exists: ${existing.label}; ${ch.length} field(s) will be updated` : `already exists: ${existing.label}; nothing differs`));
              if (refused) issues.push(refused);
            } else if (existing.unique) {
              action = 'error';
              issues.push(issue('error', 'DUP_UNIQUE', null, null, existing.label, `已存在：${existing.label}，不能重复新建；请选择“跳过”或“更新”`, `already exists: ${existing.label} and cannot be created twice; choose "skip" or "update"`));
            } else {
              action = 'create';
              target = null;
              issues.push(issue('warning', 'DUP_IN_DB', null, null, existing.label, `与已有的 ${existing.label} 相似，按“新建”仍会创建`, `looks like the existing ${existing.label}; created anyway by policy`));
            }
          }
          // What the services check of a new record holds it back only when it is created.
          if (action === 'create' && issues.some((i) => i.level === 'error')) action = 'error';
          else if (action !== 'create') dropIssues(issues, createOnly);
        } else action = 'create';
      }
      if (skips.has(staged.idx)) action = 'skip';
      const status = issues.some((i) => i.level === 'error') ? STATUS.error : issues.length ? STATUS.warning : STATUS.ok;
      pending.push([staged.idx, status, action, target, issues.length ? JSON.stringify(issues) : null, record ? JSON.stringify(record) : null, key, group, changes ? JSON.stringify(changes) : null]);
      if (pending.length >= BATCH_ROWS) flush();
      if (++done % 1000 === 0) {
        control.progress(done, total);
        await new Promise<void>((ok) => setImmediate(ok));
        control.check();
      }
    }
    flush();
  } finally {
    st.createResultIndexes();
  }
  markFileDuplicates(core, session);
  if (impl.grouped) combineGroups(core, session, ctx);
  const allocation = kind === 'accounts' && session.options.assignOwners ? planOwners(core, session) : null;
  control.progress(total, total);
  return summarize(core, session, allocation);
}

/** The dry run of owner assignment: each new account's planned owner is kept with its row. */
function planOwners(core: Core, session: ImportSession): AllocationSummary {
  const owners = planImportOwners(core, session);
  const set = core.sqlite.prepare(`update ${session.staging.schema}.results set alloc = ? where idx = ?`);
  core.sqlite.transaction(() => {
    for (const [idx, o] of owners.byIdx) set.run(JSON.stringify({ repId: o.toRepId, repName: o.repName, rule: o.note }), idx);
  })();
  return allocationSummary(owners);
}

function addIssue(issuesJson: string | null, i: RowIssue): string {
  const list = issuesJson ? (JSON.parse(issuesJson) as RowIssue[]) : [];
  list.push(i);
  return JSON.stringify(list);
}

/** Later rows with the key of an earlier row: skipped, or refused when the key must be unique. */
function markFileDuplicates(core: Core, session: ImportSession): void {
  const sx = session.staging.schema;
  const rows = core.sqlite
    .prepare(`select r.idx, r.key, r.status, r.action, r.issues, s.row from ${sx}.results r join ${sx}.rows s on s.idx = r.idx where r.key in (select key from ${sx}.results where key is not null and action <> 'error' and idx not in (select idx from ${sx}.skips) group by key having count(*) > 1) and r.action <> 'error' and r.idx not in (select idx from ${sx}.skips) order by r.key, r.idx`)
    .all() as { idx: number; key: string; status: number; action: string; issues: string | null; row: number }[];
  const update = core.sqlite.prepare(`update ${sx}.results set status = ?, action = ?, issues = ?, target = case when ? = 'error' then null else target end where idx = ?`);
  const policy = session.options.onDuplicate;
  let first: { key: string; row: number } | null = null;
  core.sqlite.transaction(() => {
    for (const r of rows) {
      if (!first || first.key !== r.key) {
        first = { key: r.key, row: r.row };
        continue;
      }
      if (r.action === 'skip' && r.issues?.includes('"EMPTY_ROW"')) continue;
      const unique = r.key.startsWith('u:');
      if (policy === 'create' && unique) {
        update.run(2, 'error', addIssue(r.issues, issue('error', 'DUP_IN_FILE', null, null, '', `与第 ${first.row} 行重复（唯一字段），不能新建两次`, `duplicates row ${first.row} on a unique field; cannot be created twice`)), 'error', r.idx);
      } else if (policy === 'create') {
        update.run(Math.max(1, r.status), r.action, addIssue(r.issues, issue('warning', 'DUP_IN_FILE', null, null, '', `与第 ${first.row} 行相似，按“新建”仍会创建`, `looks like row ${first.row}; created anyway by policy`)), r.action, r.idx);
      } else {
        update.run(Math.max(1, r.status), 'skip', addIssue(r.issues, issue('warning', 'DUP_IN_FILE', null, null, '', `与第 ${first.row} 行重复，跳过`, `duplicates row ${first.row}; skipped`)), 'skip', r.idx);
      }
    }
  })();
}

/** Removes the issues that match, in place; true when any did. */
function dropIssues(issues: RowIssue[], drop: (i: RowIssue) => boolean): boolean {
  const kept = issues.filter((i) => !drop(i));
  if (kept.length === issues.length) return false;
  issues.splice(0, issues.length, ...kept);
  return true;
}

/** Orders: lines of one order number become one order; one bad line holds back the whole order. */
function combineGroups(core: Core, session: ImportSession, ctx: KindContext): void {
  const impl = KINDS[session.kind!];
  const sx = session.staging.schema;
  // Keyset pages over (grp, idx): better-sqlite3 refuses writes while a statement is iterating.
  const page = core.sqlite.prepare(
    `select r.idx, r.status, r.action, r.issues, r.record, r.grp, s.row from ${sx}.results r join ${sx}.rows s on s.idx = r.idx where r.grp is not null and (r.grp > ? or (r.grp = ? and r.idx > ?)) order by r.grp, r.idx limit ${BATCH_ROWS}`,
  );
  const update = core.sqlite.prepare(`update ${sx}.results set status = ?, action = ?, issues = ?, target = ?, changes = ?, entity = ? where idx = ?`);
  const userSkipped = session.staging.skipped();
  // Groups sharing an order number (other customer or day): the first in sheet order keeps the number.
  const suffix = new Map<string, number>();
  const firsts = core.sqlite.prepare(`select grp, min(idx) as first from ${sx}.results where grp is not null group by grp order by first`).all() as { grp: string; first: number }[];
  const seenNo = new Map<string, number>();
  for (const g of firsts) {
    const no = g.grp.split('\u0001')[0]!;
    const n = (seenNo.get(no) ?? 0) + 1;
    seenNo.set(no, n);
    if (n > 1) suffix.set(g.grp, n);
  }
  type Line = { idx: number; status: number; action: string; issues: string | null; record: string | null; grp: string; row: number };
  const finish = (lines: Line[]) => {
    const live = lines.filter((l) => l.action !== 'skip' || !l.issues?.includes('"EMPTY_ROW"'));
    const active = live.filter((l) => !userSkipped.has(l.idx));
    if (active.length === 0) return;
    const n = suffix.get(lines[0]!.grp);
    // An order already in the database keeps its state, dates and lines: the checks for a new one do not apply.
    const first = active[0]!.record ? (JSON.parse(active[0]!.record) as Rec) : null;
    if (impl.createOnly && first && impl.findExisting({ ...first, orderNo: n ? `${String(first.orderNo)}-${n}` : first.orderNo }, ctx)) {
      for (const l of active) {
        if (!l.issues) continue;
        const list = JSON.parse(l.issues) as RowIssue[];
        if (!dropIssues(list, impl.createOnly)) continue;
        l.issues = list.length ? JSON.stringify(list) : null;
        l.status = list.some((x) => x.level === 'error') ? 2 : list.length ? 1 : 0;
      }
    }
    const bad = active.find((l) => l.status === 2);
    if (bad) {
      for (const l of active) {
        if (l.status === 2) update.run(2, 'error', l.issues, null, null, null, l.idx);
        else update.run(2, 'error', addIssue(l.issues, issue('error', 'ORDER_GROUP_INVALID', null, 'orderNo', l.grp, `同一订单的第 ${bad.row} 行有错误，整张订单暂不导入`, `row ${bad.row} of the same order has errors; the whole order is held back`)), null, null, null, l.idx);
      }
      return;
    }
    const combined = impl.combine!(active.map((l) => ({ idx: l.idx, row: l.row, record: JSON.parse(l.record!) as Rec })), ctx);
    const extraIssues = new Map<number, RowIssue[]>();
    for (const x of combined.issues) extraIssues.set(x.idx, [...(extraIssues.get(x.idx) ?? []), x.issue]);
    if (n) {
      const no = String(combined.record.orderNo);
      combined.record.orderNo = `${no}-${n}`;
      for (const l of active) {
        extraIssues.set(l.idx, [
          ...(extraIssues.get(l.idx) ?? []),
          issue('warning', 'ORDER_NO_SPLIT', null, 'orderNo', no, `订单号 ${no} 在表中还对应其他客户或日期，这几行作为单独的订单 ${no}-${n} 导入`, `order number ${no} is also used for another customer or day; these lines become order ${no}-${n}`),
        ]);
      }
    }
    const existing = impl.findExisting(combined.record, ctx);
    let action: RowAction = 'create';
    let note: RowIssue | null = null;
    let changes: unknown = null;
    if (existing) {
      if (ctx.policy === 'skip') {
        action = 'skip';
        note = issue('warning', 'DUP_IN_DB', null, 'orderNo', existing.label, `订单 ${existing.label} 已存在，按“跳过”处理`, `order ${existing.label} already exists; skipped by policy`);
      } else if (ctx.policy === 'update') {
        const ch = impl.changes(combined.record, existing, ctx);
        const refused = ch.length ? (impl.refuseUpdate?.(combined.record, existing, ctx) ?? null) : null;
        action = refused ? 'error' : ch.length ? 'update' : 'unchanged';
        changes = ch;
        note = refused ?? issue('warning', 'DUP_IN_DB', null, 'orderNo', existing.label, `订单 ${existing.label} 已存在，只更新订单头（明细不变）`, `order ${existing.label} exists; only its header is updated (lines stay)`);
      } else {
        action = 'error';
        note = issue('error', 'DUP_UNIQUE', null, 'orderNo', existing.label, `订单号 ${existing.label} 已存在，不能重复新建`, `order number ${existing.label} already exists and cannot be created twice`);
      }
    }
    active.forEach((l, i) => {
      let list = l.issues ? (JSON.parse(l.issues) as RowIssue[]) : [];
      list = [...list, ...(extraIssues.get(l.idx) ?? []), ...(note ? [note] : [])];
      const status = list.some((x) => x.level === 'error') ? 2 : list.length ? 1 : 0;
      update.run(status, action, list.length ? JSON.stringify(list) : null, existing?.id ?? null, i === 0 && changes ? JSON.stringify(changes) : null, i === 0 ? JSON.stringify(combined.record) : null, l.idx);
    });
  };
  core.sqlite.transaction(() => {
    let group: Line[] = [];
    let cursor = { grp: '', idx: 0 };
    for (;;) {
      const lines = page.all(cursor.grp, cursor.grp, cursor.idx) as Line[];
      if (lines.length === 0) break;
      const lastLine = lines[lines.length - 1]!;
      cursor = { grp: lastLine.grp, idx: lastLine.idx };
      for (const l of lines) {
        if (group.length && group[0]!.grp !== l.grp) {
          finish(group);
          group = [];
        }
        group.push(l);
      }
    }
    if (group.length) finish(group);
  })();
}

export function summarize(core: Core, session: ImportSession, allocation: AllocationSummary | null): ValidationSummary {
  const sx = session.staging.schema;
  const counts = core.sqlite
    .prepare(
      `select count(*) as rows,
        sum(case when status = 2 and idx not in (select idx from ${sx}.skips) then 1 else 0 end) as errorRows,
        sum(case when status = 1 then 1 else 0 end) as warningRows,
        sum(case when action = 'create' then 1 else 0 end) as cr,
        sum(case when action = 'update' then 1 else 0 end) as up,
        sum(case when action = 'unchanged' then 1 else 0 end) as un,
        sum(case when action = 'skip' then 1 else 0 end) as sk,
        sum(case when action = 'error' then 1 else 0 end) as er,
        sum(case when issues like '%"DUP_IN_FILE"%' then 1 else 0 end) as dupFile,
        sum(case when issues like '%"DUP_IN_DB"%' or issues like '%"DUP_UNIQUE"%' then 1 else 0 end) as dupDb,
        (select count(*) from ${sx}.skips) as userSkipped,
        sum(case when entity is not null and action in ('create', 'update', 'unchanged') then 1 else 0 end) as entities
       from ${sx}.results`,
    )
    .get() as Record<string, number | null>;
  const v = (k: string) => Number(counts[k] ?? 0);
  const grouped = KINDS[session.kind!].grouped ?? false;
  return {
    rows: v('rows'),
    valid: v('rows') - v('errorRows') - v('userSkipped'),
    errorRows: v('errorRows'),
    warningRows: v('warningRows'),
    userSkipped: v('userSkipped'),
    plan: { create: v('cr'), update: v('up'), unchanged: v('un'), skip: v('sk'), error: v('er') },
    duplicatesInFile: v('dupFile'),
    duplicatesInDb: v('dupDb'),
    entities: grouped ? v('entities') : null,
    allocation,
  };
}
