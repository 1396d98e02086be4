import type { EntityManager } from 'typeorm';
import { callbackPriorityRank } from '@huifang/shared';
import { CallbackEntity } from './callback.entity';
import type { NewCallback } from './rule-schedule';

/** Pending callbacks of the rules; one already made for the same trigger (kind, source key) is left as it is. */
export async function insertCallbacks(manager: EntityManager, callbacks: NewCallback[]): Promise<void> {
  if (callbacks.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(CallbackEntity)
    .values(callbacks.map((c) => ({ ...c, priorityRank: callbackPriorityRank(c.priority), status: 'pending' as const, attemptCount: 0 })))
    .orIgnore()
    .updateEntity(false)
    .execute();
}
