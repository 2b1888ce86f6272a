import { useSyncExternalStore } from 'react';

/**
 * Hash routing (#/accounts?open=ID): works the same under app:// and in the browser preview, with no
 * server-side routes. A route is a path plus query parameters.
 */
export interface Route {
  path: string;
  params: URLSearchParams;
}

function parse(): Route {
  const raw = window.location.hash.replace(/^#/, '') || '/dashboard';
  const [path = '/dashboard', query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}

let current = parse();
const subscribers = new Set<() => void>();
window.addEventListener('hashchange', () => {
  current = parse();
  for (const s of subscribers) s();
});

export function useRoute(): Route {
  return useSyncExternalStore(
    (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    () => current,
  );
}

export function navigate(path: string, params?: Record<string, string | undefined>): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  window.location.hash = s ? `${path}?${s}` : path;
}

/** Replaces one query parameter of the current route (e.g. the open account drawer). */
export function setParam(key: string, value: string | undefined): void {
  const params = new URLSearchParams(current.params);
  if (value === undefined) params.delete(key);
  else params.set(key, value);
  navigate(current.path, Object.fromEntries(params));
}
