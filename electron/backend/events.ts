import type { EventName, Events } from '../../shared/contract/events';
import type { EventPayload } from '../../shared/rpc/types';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Fan-out of backend events to whatever transports are attached (IPC, SSE, in-process). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<Events, K>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
