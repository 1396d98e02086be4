import { SCALE, type RecoveryTrigger } from '@huifang/shared';

/** One answer that triggered service recovery, as a translation key and its values. */
export interface RecoveryReasonPart {
  /** `recoveryTrigger.nps`, `.csat` or `.rating`. */
  key: string;
  /** The rated dimension's name key (`dimensions.wait_time`), for rating answers. */
  dimensionKey: string | null;
  value: number;
  /** The top of the answer's scale (10 for NPS, 5 otherwise). */
  max: number;
}

/**
 * Why a service-recovery call was opened, as the server gave it: the low answers in the order they
 * were answered (the cause first: a wait-time rating of 2, not "NPS 8"), each ready to translate.
 */
export function recoveryReasonParts(trigger: RecoveryTrigger | null | undefined): RecoveryReasonPart[] {
  return (trigger?.answers ?? []).map((answer) => ({
    key: `recoveryTrigger.${answer.kind}`,
    dimensionKey: answer.kind === 'rating' && answer.dimension ? `dimensions.${answer.dimension}` : null,
    value: answer.value,
    max: SCALE[answer.kind].max,
  }));
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The parts' translated texts, e.g. `候诊时间 2/5`. */
export function recoveryReasonTexts(trigger: RecoveryTrigger | null | undefined, translate: Translate): string[] {
  return recoveryReasonParts(trigger).map((part) =>
    translate(part.key, { value: part.value, max: part.max, dimension: part.dimensionKey ? translate(part.dimensionKey) : '' }),
  );
}

/** One line for a list row: the translated low answers, then the comment in quotes. */
export function recoveryReasonLine(trigger: RecoveryTrigger | null | undefined, translate: Translate): string {
  const scores = recoveryReasonTexts(trigger, translate).join(translate('recoveryTrigger.separator'));
  const comment = trigger?.comment ? translate('recoveryTrigger.quoted', { comment: trigger.comment }) : '';
  return [scores, comment].filter(Boolean).join(' · ');
}
