import { Injectable, type Signal, inject, signal } from '@angular/core';
import type { ImprovementOwner } from '@huifang/shared';
import { ImprovementApiService } from './improvement-api.service';

export type OwnerChoice = ImprovementOwner;

/**
 * The staff an action can be given to: the active accounts by name (`GET
 * /api/improvement-actions/owners`, quality managers and admins). The server checks the owner again
 * on save (`improvement.unknown_owner`).
 */
@Injectable({ providedIn: 'root' })
export class OwnerChoicesService {
  private readonly actions = inject(ImprovementApiService);

  choices(): Signal<OwnerChoice[]> {
    const found = signal<OwnerChoice[]>([]);
    this.actions.owners().subscribe({ next: (owners) => found.set(owners), error: () => found.set([]) });
    return found.asReadonly();
  }
}
