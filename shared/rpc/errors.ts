import type { LocalizedText } from '../i18n/text';

export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'CREDIT_BLOCKED',
  'UNSUPPORTED',
  'FILE_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  path: string;
  message: string;
}

/** What crosses the boundary: a code for programs and a message for people, in the caller's language. */
export interface RpcError {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
  details?: unknown;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/**
 * The one error type services throw on purpose. Anything else reaching dispatch is a bug and is
 * reported as INTERNAL without leaking its stack.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: unknown;

  constructor(code: ErrorCode, text: LocalizedText, details?: unknown) {
    super(text.en);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.details = details;
  }
}

/** Thrown by the client side when a call comes back with {ok: false}. */
export class RpcCallError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  readonly details: unknown;

  constructor(readonly method: string, error: RpcError) {
    super(error.message);
    this.name = 'RpcCallError';
    this.code = error.code;
    this.issues = error.issues ?? [];
    this.details = error.details;
  }
}
