import type { Task } from '@medplum/fhirtypes';
import type { CallbackPriority, CallbackStatus } from '@huifang/shared';
import type { CallbackEntity } from '../../callbacks/callback.entity';
import { SYSTEMS } from '../fhir-systems';

/** A callback's life as a Task's: waiting = requested, claimed by someone = received. */
export const TASK_STATUS: Record<CallbackStatus, 'requested' | 'received' | 'completed' | 'failed' | 'cancelled'> = {
  pending: 'requested',
  claimed: 'received',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

const PRIORITY: Record<CallbackPriority, Task['priority']> = { high: 'urgent', normal: 'routine', low: 'routine' };

/**
 * A callback (回访) as a Task: `code` = its kind, `businessStatus` = the outcome of the last call,
 * `owner` = who holds it (claimed) or made the last call, `executionPeriod` = from the claim (or
 * the first call) to completion (or the last call of a failed one), `restriction.period.start` =
 * when it is due. The staff's free-text notes stay out. `callback.attempts` must be loaded.
 */
export function toFhirTask(callback: CallbackEntity): Task {
  const attempts = [...(callback.attempts ?? [])].sort((a, b) => a.id - b.id);
  const last = attempts.at(-1);
  const owner = callback.claimer?.displayName ?? last?.staff?.displayName;
  const start = callback.claimedAt ?? attempts[0]?.at;
  const end = callback.completedAt ?? (callback.status === 'failed' ? last?.at : undefined);
  return {
    resourceType: 'Task',
    id: String(callback.id),
    meta: { lastUpdated: callback.updatedAt.toISOString() },
    identifier: [{ system: SYSTEMS.callbackId, value: String(callback.id) }],
    status: TASK_STATUS[callback.status],
    intent: 'order',
    priority: PRIORITY[callback.priority],
    code: { coding: [{ system: SYSTEMS.callbackKind, code: callback.kind }] },
    ...(callback.outcome ? { businessStatus: { coding: [{ system: SYSTEMS.callbackOutcome, code: callback.outcome }] } } : {}),
    for: { reference: `Patient/${callback.patientId}` },
    ...(callback.encounterId ? { encounter: { reference: `Encounter/${callback.encounterId}` } } : {}),
    ...(callback.surveyResponseId ? { focus: { reference: `QuestionnaireResponse/${callback.surveyResponseId}` } } : {}),
    authoredOn: callback.createdAt.toISOString(),
    lastModified: callback.updatedAt.toISOString(),
    ...(owner ? { owner: { display: owner } } : {}),
    ...(start ? { executionPeriod: { start: start.toISOString(), ...(end ? { end: end.toISOString() } : {}) } } : {}),
    restriction: { period: { start: callback.dueAt.toISOString() } },
  };
}
