import type { EntityManager } from 'typeorm';
import type { OutreachSuppressionRule } from '@huifang/shared';
import { OutreachMessageEntity } from './outreach-message.entity';

/*
 * The end of one try, written only while the claim is still this worker's (a worker that outlived
 * its claim leaves the row to the one that claimed it again). Sent, suppressed and failed-for-good
 * rows lose their text: the survey link in it is a credential. A failed row keeps it, for a retry.
 */

function ownClaim(manager: EntityManager, id: number, token: string) {
  return manager
    .createQueryBuilder()
    .update(OutreachMessageEntity)
    .where('id = :id AND claimed_by = :token AND status = :queued', { id, token, queued: 'queued' });
}

export async function recordSent(manager: EntityManager, id: number, token: string, providerMessageId: string | null, now: Date): Promise<void> {
  await ownClaim(manager, id, token)
    .set({ status: 'sent', sentAt: now, providerMessageId, reason: null, claimedUntil: null, claimedBy: null, subject: '', body: '' })
    .execute();
}

/** False when the claim was no longer ours. */
export async function recordSuppressed(manager: EntityManager, id: number, token: string, rule: OutreachSuppressionRule): Promise<boolean> {
  const result = await ownClaim(manager, id, token).set({ status: 'suppressed', reason: rule, claimedUntil: null, claimedBy: null, subject: '', body: '' }).execute();
  return result.affected === 1;
}

/**
 * Not yet (still-wanted.ts `later`): due again at `at`, the text kept, and the try not counted (the
 * claim counted it; nothing was tried), so waiting never uses up the message's tries.
 */
export async function recordPostponed(manager: EntityManager, id: number, token: string, at: Date): Promise<void> {
  await ownClaim(manager, id, token)
    .set({ nextAttemptAt: at, attempts: () => 'attempts - 1', claimedUntil: null, claimedBy: null })
    .execute();
}

/** A failed try: due again after `retryAt`, or failed for good (null) with the channel's reason. False when the claim was no longer ours. */
export async function recordFailure(manager: EntityManager, id: number, token: string, reason: string, retryAt: Date | null): Promise<boolean> {
  const change = retryAt ? { nextAttemptAt: retryAt } : { status: 'failed' as const };
  const result = await ownClaim(manager, id, token)
    .set({ ...change, reason: reason.slice(0, 300), claimedUntil: null, claimedBy: null })
    .execute();
  return result.affected === 1;
}

/** Exponential back-off: base, 2 × base, 4 × base … after the 1st, 2nd, 3rd try. */
export function retryDelayMs(baseMs: number, attempts: number): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}
