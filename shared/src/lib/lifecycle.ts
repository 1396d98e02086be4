/** The relationship axis: 初诊 → 治疗 → 康复 → 复诊 (DOMAIN.md, Patient lifecycle). */
export const LIFECYCLE_STAGES = ['first_visit', 'treatment', 'rehabilitation', 'follow_up'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Allowed moves; anything else is refused with 409 naming both stages. */
export const ALLOWED_TRANSITIONS: Readonly<Record<LifecycleStage, readonly LifecycleStage[]>> = {
  first_visit: ['treatment', 'follow_up'],
  treatment: ['rehabilitation', 'follow_up'],
  rehabilitation: ['follow_up', 'treatment'],
  follow_up: ['treatment', 'rehabilitation'],
};

/** A stage change's optional reason (POST /api/patients/:id/transitions). */
export const STAGE_REASON_MAX_LENGTH = 200;

export function isTransitionAllowed(from: LifecycleStage, to: LifecycleStage): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Derived, never typed in by hand (DOMAIN.md). */
export const RELATIONSHIP_STATUSES = ['active', 'at_risk', 'lapsed'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];
