import { InvalidArgumentError } from 'commander';
import { parseYuan } from '../../shared/domain/money';
import { CliExit, EXIT } from './output';

const YUAN = /^\d{1,13}(?:\.\d{1,2})?$/;

/** A yuan amount typed on the command line ("12800", "12800.5", "0.07") → fen, exactly; never a float. */
export function parseYuanArg(text: string, what: string): number {
  const t = text.trim();
  if (!YUAN.test(t)) throw new CliExit(EXIT.failed, `${what} 应为最多两位小数的正数金额（元），例如 12800.00，收到“${text}” / ${what} must be a positive yuan amount with at most 2 decimals, e.g. 12800.00 (got "${text}")`);
  const fen = parseYuan(t);
  if (fen === null) throw new CliExit(EXIT.failed, `${what} 金额无效 / invalid amount: ${text}`);
  return fen;
}

/** As a commander option parser (the message then goes through commander). */
export function yuanOption(what: string) {
  return (value: string): number => {
    try {
      return parseYuanArg(value, what);
    } catch (e) {
      throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
    }
  };
}

/** Percent like "5", "5%" or "12.5%" → basis points. */
export function parsePercentArg(text: string, what: string): number {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text.trim());
  if (!m) throw new CliExit(EXIT.failed, `${what} 应为百分比，例如 5% / ${what} must be a percentage such as 5% (got "${text}")`);
  const bp = Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2));
  if (bp > 10_000) throw new CliExit(EXIT.failed, `${what} 不能超过 100% / ${what} cannot exceed 100%`);
  return bp;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
