import { type Command, InvalidArgumentError } from 'commander';
import type { GlobalOptions } from './backend';

/** Parses a positive integer option value with a clear message. */
export function intOption(name: string, min = 0) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} 应为 ≥ ${min} 的整数 / must be an integer ≥ ${min}`);
    return n;
  };
}

/** The options every command inherits (--db, --user), read from the root program. */
export function globals(cmd: Command): GlobalOptions {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}
