import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createDispatch, type DispatchContext } from '../../shared/rpc/dispatch';
import { AppError } from '../../shared/rpc/errors';
import type { ContractShape, Handlers } from '../../shared/rpc/types';

const contract = {
  'math.double': { input: z.object({ n: z.number().int() }), output: z.object({ n: z.number() }) },
  'math.fail': { input: z.object({}), output: z.object({}) },
  'math.crash': { input: z.object({}), output: z.object({}) },
  'math.wrongOutput': { input: z.object({}), output: z.object({ n: z.number() }) },
  'admin.only': { input: z.object({}), output: z.object({}), access: 'admin' },
  'open.door': { input: z.object({}), output: z.object({}), access: 'public' },
} satisfies ContractShape;

type Ctx = DispatchContext;
const handlers: Handlers<typeof contract, Ctx> = {
  'math.double': ({ n }) => ({ n: n * 2 }),
  'math.fail': () => {
    throw new AppError('RULE_VIOLATION', { zh: '不行', en: 'No way' });
  },
  'math.crash': () => {
    throw new Error('secret stack detail');
  },
  'math.wrongOutput': () => ({ n: 'x' }) as unknown as { n: number },
  'admin.only': () => ({}),
  'open.door': () => ({}),
};

function make(ctx: Ctx, validateOutput = true) {
  const internal: unknown[] = [];
  const dispatch = createDispatch({ contract, handlers, context: () => ctx, validateOutput, onInternalError: (_m, e) => internal.push(e) });
  return { dispatch, internal };
}

describe('dispatch', () => {
  const coordinator: Ctx = { lang: 'zh-CN', role: 'coordinator' };

  it('calls the handler with parsed input', async () => {
    expect(await make(coordinator).dispatch('math.double', { n: 21 })).toEqual({ ok: true, value: { n: 42 } });
  });

  it('refuses unknown methods, including inherited keys', async () => {
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await make(coordinator).dispatch(m, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('UNKNOWN_METHOD');
    }
  });

  it('refuses invalid input with the issues, in the caller language', async () => {
    const zh = await make(coordinator).dispatch('math.double', { n: 'x' });
    expect(zh).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!zh.ok) {
      expect(zh.error.issues?.[0]?.path).toBe('n');
      expect(zh.error.message).toMatch(/输入无效/);
    }
    const en = await make({ lang: 'en', role: 'coordinator' }).dispatch('math.double', null);
    if (!en.ok) expect(en.error.message).toMatch(/Invalid input/);
  });

  it('turns AppError into data and hides internal errors', async () => {
    const { dispatch, internal } = make({ lang: 'en', role: 'coordinator' });
    expect(await dispatch('math.fail', {})).toEqual({ ok: false, error: { code: 'RULE_VIOLATION', message: 'No way' } });
    const crash = await dispatch('math.crash', {});
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(crash)).not.toContain('secret');
    expect(internal).toHaveLength(1);
  });

  it('checks outputs against the contract when asked', async () => {
    expect(await make(coordinator).dispatch('math.wrongOutput', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await make(coordinator, false).dispatch('math.wrongOutput', {})).toMatchObject({ ok: true });
  });

  it('enforces access by role and sign-in', async () => {
    expect(await make(coordinator).dispatch('admin.only', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await make({ lang: 'zh-CN', role: 'admin' }).dispatch('admin.only', {})).toMatchObject({ ok: true });
    const anon: Ctx = { lang: 'zh-CN', role: null };
    expect(await make(anon).dispatch('math.double', { n: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await make(anon).dispatch('open.door', {})).toMatchObject({ ok: true });
  });
});
