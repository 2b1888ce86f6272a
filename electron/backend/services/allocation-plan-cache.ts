import type { Core } from '../core';

/**
 * The latest allocation preview's plan, so that applying it does not read and plan 100,000 accounts
 * a second time. Every apply in the app follows a preview of the same scope and rules (the cockpit,
 * the selection dialog, the CLI), and on a fresh import that read and plan is a quarter of the apply.
 *
 * A kept plan is only used while the database is provably unchanged since it was made: the same
 * data_version (no other connection has committed since) and the same total_changes() (this
 * connection has changed no row since, including in transactions it rolled back). Both are read
 * inside the transaction that made the plan and inside the apply's, so each describes exactly the
 * snapshot the plan was computed from, or is about to be written to. Any write at all, anywhere,
 * means the apply plans again, as it always did.
 */

/** How long a preview's plan is kept when it is not applied (it holds every account in scope). */
const KEEP_MS = 10 * 60_000;

interface Kept<T> {
  key: string;
  stamp: string;
  value: T;
  timer: ReturnType<typeof setTimeout>;
}

/** Which committed state of the database this connection sees; call inside the transaction that reads it. */
function dataStamp(core: Core): string {
  const version = core.sqlite.pragma('data_version', { simple: true }) as number;
  const changes = core.sqlite.prepare('select total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/** One kept plan per database: keep() replaces it, take() hands it out once. */
export function planCache<T>(): { keep(core: Core, key: string, value: T): void; take(core: Core, key: string): T | null } {
  const kept = new WeakMap<Core, Kept<T>>();
  const forget = (core: Core) => {
    const k = kept.get(core);
    if (!k) return;
    clearTimeout(k.timer);
    kept.delete(core);
  };
  return {
    /** Keeps a plan made from the current snapshot (call inside its transaction). */
    keep(core, key, value) {
      forget(core);
      const timer = setTimeout(() => forget(core), KEEP_MS);
      timer.unref?.();
      kept.set(core, { key, stamp: dataStamp(core), value, timer });
    },
    /** The kept plan for this key if nothing has been written since it was made (call inside the transaction that uses it). */
    take(core, key) {
      const k = kept.get(core);
      if (!k) return null;
      forget(core);
      return k.key === key && k.stamp === dataStamp(core) ? k.value : null;
    },
  };
}
