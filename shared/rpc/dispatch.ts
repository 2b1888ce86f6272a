import { z } from 'zod';
import { pick, type Lang } from '../i18n/text';
import { AppError, type ErrorIssue, type RpcError, type RpcResult } from './errors';
import type { Access, ContractShape, Handlers } from './types';

export interface DispatchContext {
  lang: Lang;
  role: 'admin' | 'manager' | 'coordinator' | null;
}

export interface DispatchOptions<C extends ContractShape, Ctx extends DispatchContext> {
  contract: C;
  handlers: Handlers<C, Ctx>;
  /** Builds the per-call context (current user, language) at the moment of the call. */
  context: () => Ctx;
  /** Parse handler results through the output schema too (tests do; it catches contract drift). */
  validateOutput?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

export type Dispatch = (method: string, payload: unknown) => Promise<RpcResult<unknown>>;

const ROLE_RANK = { coordinator: 1, manager: 2, admin: 3 } as const;

function allowed(access: Access, role: DispatchContext['role']): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'user') return true;
  return ROLE_RANK[role] >= ROLE_RANK[access];
}

function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * The single entry point for every transport: own-key method check → access check → zod parse →
 * handler → {ok, value} | {ok: false, error}. It never throws.
 */
export function createDispatch<C extends ContractShape, Ctx extends DispatchContext>(opts: DispatchOptions<C, Ctx>): Dispatch {
  const { contract, handlers } = opts;
  return async (method, payload) => {
    let lang: Lang = 'zh-CN';
    try {
      // Own keys only: "__proto__", "constructor" and friends are not methods.
      if (typeof method !== 'string' || !Object.hasOwn(contract, method) || !Object.hasOwn(handlers, method)) {
        return fail({ code: 'UNKNOWN_METHOD', message: `未知的方法 / unknown method: ${String(method).slice(0, 80)}` });
      }
      const ctx = opts.context();
      lang = ctx.lang;
      const spec = contract[method]!;
      if (!allowed(spec.access ?? 'user', ctx.role)) {
        const text = ctx.role === null ? { zh: '请先登录', en: 'Please sign in first' } : { zh: '没有权限执行此操作', en: 'You are not allowed to do this' };
        return fail({ code: ctx.role === null ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: pick(text, lang) });
      }
      const locale = lang === 'en' ? z.locales.en() : z.locales.zhCN();
      const parsed = spec.input.safeParse(payload, { error: locale.localeError });
      if (!parsed.success) {
        const issues = zodIssues(parsed.error);
        const head = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
        return fail({ code: 'INVALID_INPUT', message: pick({ zh: `输入无效：${head}`, en: `Invalid input: ${head}` }, lang), issues });
      }
      const handler = handlers[method as keyof C]!;
      const value: unknown = await handler(parsed.data as never, ctx);
      if (opts.validateOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) throw new Error(`output of ${method} does not match the contract: ${z.prettifyError(out.error)}`);
        return { ok: true, value: out.data };
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        const rpcError: RpcError = { code: error.code, message: pick(error.text, lang) };
        if (error.details !== undefined) rpcError.details = error.details;
        return fail(rpcError);
      }
      opts.onInternalError?.(String(method), error);
      return fail({ code: 'INTERNAL', message: pick({ zh: '内部错误，请查看日志', en: 'Internal error; see the log' }, lang) });
    }
  };
}

function fail(error: RpcError): RpcResult<never> {
  return { ok: false, error };
}
