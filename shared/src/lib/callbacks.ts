import type { Role } from './roles';
import type { ValueTier } from './relationship';
import type { RecoveryTrigger } from './surveys';
/** Callback kinds (DOMAIN.md, Follow-up schedules and callbacks). */
export const CALLBACK_KINDS = [
  'post_treatment',
  'rehab_check',
  'revisit_reminder',
  'missed_revisit',
  'service_recovery',
  'manual',
  // The relationship phases' strategies (DOMAIN.md, Relationship phases and patient value).
  'welcome',
  'win_back',
  'care',
] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];

/**
 * The kinds of callback a role works (DOMAIN.md, actors): quality managers close the loop on poor
 * feedback (service recovery) only; front desk and admins work every kind.
 */
export function workableCallbackKinds(role: Role): readonly CallbackKind[] {
  return role === 'quality_manager' ? ['service_recovery'] : CALLBACK_KINDS;
}

export const CALLBACK_STATUSES = ['pending', 'claimed', 'completed', 'failed', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const CALLBACK_PRIORITIES = ['high', 'normal', 'low'] as const;
export type CallbackPriority = (typeof CALLBACK_PRIORITIES)[number];

/**
 * The queue's order of priorities (high first) as a number: stored with each callback
 * (`priority_rank`) so an index serves the queue's order.
 */
export function callbackPriorityRank(priority: CallbackPriority): number {
  return CALLBACK_PRIORITIES.indexOf(priority);
}

export interface CallbackSummary {
  id: number;
  patientId: number;
  kind: CallbackKind;
  priority: CallbackPriority;
  status: CallbackStatus;
  dueAt: string;
  reason: string | null;
  surveyResponseId: number | null;
  /** For service recovery: the answers that opened it (null for other kinds). */
  recovery: RecoveryTrigger | null;
  encounterId: number | null;
  createdAt: string;
}

/** Attempt outcomes: the first three complete a callback; `no_answer` retries the next working day. */
export const ATTEMPT_OUTCOMES = ['reached', 'no_answer', 'declined', 'wrong_number'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export const CALLBACK_VIEWS = ['overdue', 'today', 'upcoming'] as const;
export type CallbackView = (typeof CALLBACK_VIEWS)[number];

/** DOMAIN.md: at most 3 unanswered attempts (the claim timeout is a hospital setting). */
export const MAX_ATTEMPTS = 3;

/** A reschedule's or cancellation's reason, and a callback's or attempt's note. */
export const CALLBACK_REASON_MAX_LENGTH = 200;
export const CALLBACK_NOTE_MAX_LENGTH = 500;

/** Calls are planned for this hour of the hospital's day (the morning, when patients and the desk are reachable). */
export const CALL_HOUR = 9;

export interface CallbackAttempt {
  at: string;
  by: { id: number; displayName: string } | null;
  outcome: AttemptOutcome;
  note: string | null;
}

/** A row of the queue: the phone is masked. */
export interface CallbackItem extends CallbackSummary {
  patientName: string;
  phoneMasked: string;
  /** The patient's value tier (relationship phases), so the desk sees whom to call first. */
  patientValueTier: ValueTier | null;
  departmentId: number | null;
  departmentName: string | null;
  /** The expected return date the call is about (reminders and win-backs). */
  expectedOn: string | null;
  claimedBy: { id: number; displayName: string } | null;
  claimExpiresAt: string | null;
  attempts: CallbackAttempt[];
  outcome: AttemptOutcome | null;
  cancelReason: string | null;
  note: string | null;
}

/** What the claimer sees in the call panel: the full phone number. */
export interface ClaimedCallback extends CallbackItem {
  phone: string;
}

export interface CallbackQueueCounts {
  overdue: number;
  today: number;
  upcoming: number;
}

export interface CallbackQuery {
  view?: CallbackView;
  kind?: CallbackKind;
  /** Only patients of this value tier (relationship.ts). */
  valueTier?: ValueTier;
  departmentId?: number;
  page?: number;
  pageSize?: number;
  /** A sort key (see list-sort.ts), `-` first for descending. */
  sort?: string;
}

export interface CreateCallbackRequest {
  patientId: number;
  dueAt: string;
  kind: 'manual';
  priority?: CallbackPriority;
  note?: string;
}

export interface RecordAttemptRequest {
  outcome: AttemptOutcome;
  note?: string;
}

export interface RescheduleCallbackRequest {
  dueAt: string;
  reason: string;
  /** Tell the patient the call's new time by message (a `callback_appointment`), with their consent. */
  notifyPatient?: boolean;
}

/**
 * Cancellation reasons the server records by itself (staff write their own): stable texts the client
 * translates (`callbacks.systemCancelReasons.<key>`).
 */
export const SYSTEM_CANCEL_REASONS = {
  patientReturned: 'patient returned',
  consentWithdrawn: 'consent to follow-up calls withdrawn',
} as const;

/**
 * Reasons of callbacks the server opens by itself (stable texts the client translates,
 * `callbacks.systemReasons.<key>`): a survey message to the patient failed for good, so the desk
 * asks about the visit by phone.
 */
export const SYSTEM_CALLBACK_REASONS = {
  surveyMessageFailed: 'survey message could not be delivered',
} as const;

/** Callbacks still waiting to be made: what withdrawing consent cancels. */
export const OPEN_CALLBACK_STATUSES = ['pending', 'claimed'] as const satisfies readonly CallbackStatus[];

export interface CancelCallbackRequest {
  reason: string;
}

/** The follow-up rules of DOMAIN.md, editable by admins. */
export const FOLLOW_UP_RULE_KEYS = [
  'post_treatment',
  'rehab_check',
  'revisit_reminder',
  'missed_revisit',
  'service_recovery',
  'welcome',
  'win_back',
  'care',
] as const;
export type FollowUpRuleKey = (typeof FOLLOW_UP_RULE_KEYS)[number];

/** A rule's offset (days, or hours for service recovery) lies in this range. */
export const FOLLOW_UP_OFFSET_RANGE = { min: 0, max: 365 } as const;

export interface FollowUpRule {
  key: FollowUpRuleKey;
  /** The callback kind it creates (the same name). */
  kind: CallbackKind;
  enabled: boolean;
  /**
   * Days from the trigger: after entering rehabilitation (post_treatment, rehab_check), before the
   * expected return (revisit_reminder), after the expected return (missed_revisit), after the first
   * visit (welcome), after entering decline (win_back), since the last contact of a stable patient
   * (care); hours are used for service_recovery.
   */
  offset: number;
  unit: 'days' | 'hours';
  priority: CallbackPriority;
}

export interface UpdateFollowUpRulesRequest {
  rules: { key: FollowUpRuleKey; enabled: boolean; offset: number }[];
}
