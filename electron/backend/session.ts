import type { SessionUser } from '../../shared/contract/system';
import type { Lang } from '../../shared/i18n/text';
import type { Actor, CallContext, Core } from './core';
import { listUsers, toSessionUser } from './services/users';

/**
 * The signed-in user of this backend instance. A desktop backend serves one person at a time; on a
 * shared office machine sign-in is required, otherwise the last (or first admin) profile is used.
 */
export class Session {
  user: SessionUser | null = null;

  /**
   * trusted: the caller already has the database file in hand (the CLI), so sign-in settings do not
   * apply; with no profile at all it acts as "cli" with admin rights.
   */
  constructor(
    private readonly core: Core,
    private readonly trusted = false,
  ) {}

  /** Signs in automatically when sign-in is not required (or the caller is trusted). */
  restore(preferred?: string): void {
    if (this.core.settings().signInRequired && !this.trusted) {
      this.user = null;
      return;
    }
    const active = listUsers(this.core).filter((u) => u.active);
    const pick =
      (preferred ? active.find((u) => u.username === preferred) : undefined) ??
      active.slice().sort((a, b) => (b.lastSignInAt ?? 0) - (a.lastSignInAt ?? 0))[0] ??
      active.find((u) => u.role === 'admin');
    this.user = pick ? toSessionUser(pick) : null;
  }

  actor(): Actor {
    if (this.user) return { id: this.user.id, name: this.user.displayName };
    return { id: null, name: this.trusted ? 'cli' : 'system' };
  }

  context(): CallContext {
    const lang: Lang = this.core.settings().language;
    const role = this.user?.role ?? (this.trusted ? 'admin' : null);
    return { lang, role, user: this.user, actor: this.actor() };
  }
}
