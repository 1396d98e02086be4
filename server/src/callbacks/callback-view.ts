import { maskPhone, type CallbackItem, type CallbackSummary, type ClaimedCallback, type RecoveryTrigger } from '@huifang/shared';
import type { CallbackEntity } from './callback.entity';

/** `recovery`: the trigger of a service-recovery callback (recovery-trigger.ts), null for other kinds. */
export function toCallbackSummary(row: CallbackEntity, recovery: RecoveryTrigger | null = null): CallbackSummary {
  return {
    id: row.id,
    patientId: row.patientId,
    kind: row.kind,
    priority: row.priority,
    status: row.status,
    dueAt: row.dueAt.toISOString(),
    reason: row.reason,
    surveyResponseId: row.surveyResponseId,
    recovery,
    encounterId: row.encounterId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Expects `patient`, `department`, `claimer` and `attempts.staff` loaded. A claim past its expiry is shown as free. */
export function toCallbackItem(row: CallbackEntity, recovery: RecoveryTrigger | null = null, now = new Date()): CallbackItem {
  const claimLive = row.status === 'claimed' && !!row.claimExpiresAt && row.claimExpiresAt > now;
  return {
    ...toCallbackSummary(row, recovery),
    status: row.status === 'claimed' && !claimLive ? 'pending' : row.status,
    patientName: row.patient?.name ?? '',
    phoneMasked: maskPhone(row.patient?.phone ?? ''),
    patientValueTier: row.patient?.valueTier ?? null,
    departmentId: row.departmentId,
    departmentName: row.department?.name ?? null,
    expectedOn: row.expectedOn,
    claimedBy: claimLive && row.claimer ? { id: row.claimer.id, displayName: row.claimer.displayName } : null,
    claimExpiresAt: claimLive ? (row.claimExpiresAt?.toISOString() ?? null) : null,
    attempts: [...(row.attempts ?? [])]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((a) => ({
        at: a.at.toISOString(),
        by: a.staff ? { id: a.staff.id, displayName: a.staff.displayName } : null,
        outcome: a.outcome,
        note: a.note,
      })),
    outcome: row.outcome,
    cancelReason: row.cancelReason,
    note: row.note,
  };
}

/** For the claimer's call panel only: with the full phone number. */
export function toClaimedCallback(row: CallbackEntity, recovery: RecoveryTrigger | null = null): ClaimedCallback {
  return { ...toCallbackItem(row, recovery), phone: row.patient?.phone ?? '' };
}
