import { contract, type Contract } from '../../shared/contract';
import { events, type EventName, type Events } from '../../shared/contract/events';
import { createClient, type Transport } from '../../shared/rpc/client';
import type { RpcResult } from '../../shared/rpc/errors';
import type { EventPayload } from '../../shared/rpc/types';

/**
 * The only file that touches window.api. In Electron the preload exposes invoke/on/pathForFile; in the
 * browser preview (and browser tests) the same calls go over HTTP to the loopback backend with the
 * per-run token the server put in the page.
 */
interface DesktopBridge {
  invoke(method: string, payload: unknown): Promise<RpcResult<unknown>>;
  /** Calls cb with the payload of each `event` the backend emits; returns the unsubscribe function. */
  on(event: string, cb: (payload: unknown) => void): () => void;
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    api?: DesktopBridge;
  }
}

const bridge = window.api;
const token = document.querySelector<HTMLMetaElement>('meta[name="salesdesk-token"]')?.content ?? '';

/** True inside the Electron window; false in the browser preview. */
export const isDesktop = bridge !== undefined;

const httpTransport: Transport = async (method, payload) => {
  const res = await fetch('/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-salesdesk-token': token },
    body: JSON.stringify({ method, payload }),
  });
  if (!res.ok) return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` } };
  return (await res.json()) as RpcResult<unknown>;
};

const transport: Transport = bridge ? (method, payload) => bridge.invoke(method, payload) : httpTransport;

export const api = createClient<Contract>(contract, transport);

type Listener = (name: EventName, payload: unknown) => void;
const listeners = new Set<Listener>();

function dispatchEvent(name: string, payload: unknown): void {
  for (const l of listeners) l(name as EventName, payload);
}

if (bridge) {
  for (const name of Object.keys(events)) bridge.on(name, (payload) => dispatchEvent(name, payload));
} else if (token) {
  const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (e: MessageEvent<string>) => {
    const { name, payload } = JSON.parse(e.data) as { name: string; payload: unknown };
    dispatchEvent(name, payload);
  };
}

/** Subscribes to one backend event; returns the unsubscribe function. */
export function onEvent<K extends EventName>(name: K, cb: (payload: EventPayload<Events, K>) => void): () => void {
  const l: Listener = (n, p) => {
    if (n === name) cb(p as EventPayload<Events, K>);
  };
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * Gives the backend a path for a file the user dropped or picked: the real path in Electron, an
 * upload into the data folder's uploads/ in the browser preview.
 */
export async function fileToPath(file: File): Promise<string> {
  if (bridge) return bridge.pathForFile(file);
  const res = await fetch('/upload', {
    method: 'POST',
    headers: { 'x-salesdesk-token': token, 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  if (!res.ok) throw new Error(`upload failed: HTTP ${res.status}`);
  return ((await res.json()) as { path: string }).path;
}

/** A URL that downloads a file the backend wrote under <dataDir>/exports (browser preview only). */
export function downloadUrl(path: string): string {
  return `/download?token=${encodeURIComponent(token)}&path=${encodeURIComponent(path)}`;
}
