import type { Core } from './core';
import type { Session } from './session';

/** What handlers are built from: the services' core and the session of this backend instance. */
export interface Runtime {
  core: Core;
  session: Session;
  invalidateSettings(): void;
}
