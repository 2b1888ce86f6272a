import { useSyncExternalStore } from 'react';

/** The grid's row count as the last block reported it, null until the first one; subscribable. */
export interface TotalStore {
  get(): number | null;
  set(total: number): void;
  subscribe(listener: () => void): () => void;
}

export function createTotalStore(): TotalStore {
  let total: number | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => total,
    set(n) {
      if (n === total) return;
      total = n;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The row count label's text. Its own component so that a new count re-renders this text only: as page
 * state it re-rendered the whole page (toolbar, drawer, modals, the grid's props) in the same frame as
 * the new rows, on every sort and filter.
 */
export function GridCount(props: { store: TotalStore; format: (total: number) => string }) {
  const total = useSyncExternalStore(props.store.subscribe, props.store.get);
  return total === null ? null : props.format(total);
}
