import type { z } from 'zod';

/** Who may call a method: anyone (setup, sign-in), any signed-in user, or a role. */
export type Access = 'public' | 'user' | 'manager' | 'admin';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access?: Access;
  /** A one-line description, shown by the CLI and in the contract docs. */
  summary?: string;
}

export type ContractShape = Record<string, MethodSpec>;

/** What a caller passes (before defaults are applied). */
export type InputOf<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>;
/** What a handler receives (after zod parsing and defaults). */
export type ParsedInputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['input']>;
export type OutputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['output']>;

export type Handler<C extends ContractShape, K extends keyof C, Ctx> = (
  input: ParsedInputOf<C, K>,
  ctx: Ctx,
) => OutputOf<C, K> | Promise<OutputOf<C, K>>;

/** One handler per contract method: a missing or mistyped handler fails the type-check. */
export type Handlers<C extends ContractShape, Ctx> = { [K in keyof C]: Handler<C, K, Ctx> };

export interface EventSpec {
  payload: z.ZodType;
}

export type EventsShape = Record<string, EventSpec>;
export type EventPayload<E extends EventsShape, K extends keyof E> = z.output<E[K]['payload']>;
