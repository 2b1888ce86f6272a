import { z } from 'zod';
import type { EventsShape } from '../rpc/types';

/** Events the backend pushes to the UI. */
export const events = {
  /** Something changed: grids showing these entities should refresh. */
  'data.changed': { payload: z.object({ entities: z.array(z.string()) }) },
  /** Progress of long work (imports, exports, batch checks). */
  'task.progress': { payload: z.object({ taskId: z.string(), label: z.string(), done: z.number(), total: z.number().nullable() }) },
  /** The session changed (signed in / out, language). */
  'session.changed': { payload: z.object({}) },
} satisfies EventsShape;

export type Events = typeof events;
export type EventName = keyof Events;
