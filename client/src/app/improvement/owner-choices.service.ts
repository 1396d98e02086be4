import { Injectable, type Signal, computed, inject, signal } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { UsersApiService } from '../users/users-api.service';
import { ImprovementApiService } from './improvement-api.service';

export interface OwnerChoice {
  id: number;
  name: string;
}

/**
 * The staff an action can be given to. Admins choose from every active account (`GET /api/users`,
 * admin only); a quality manager, who may not list accounts, from themself and the owners of the
 * actions recorded so far. The server checks the owner either way (`improvement.unknown_owner`).
 */
@Injectable({ providedIn: 'root' })
export class OwnerChoicesService {
  private readonly auth = inject(AuthService);
  private readonly users = inject(UsersApiService);
  private readonly actions = inject(ImprovementApiService);

  choices(): Signal<OwnerChoice[]> {
    const me = this.auth.user();
    const found = signal<OwnerChoice[]>([]);
    if (me?.role === 'admin') {
      this.users.list().subscribe({
        next: (list) => found.set(list.filter((u) => u.active).map((u) => ({ id: u.id, name: u.displayName }))),
        error: () => found.set([]),
      });
    } else {
      this.actions.actions().subscribe({
        next: (list) => found.set(list.items.map((a) => ({ id: a.ownerUserId, name: a.ownerName }))),
        error: () => found.set([]),
      });
    }
    return computed(() => {
      const all = me ? [{ id: me.id, name: me.displayName }, ...found()] : found();
      return all.filter((owner, index) => all.findIndex((o) => o.id === owner.id) === index).sort((a, b) => a.name.localeCompare(b.name));
    });
  }
}
