import type { CallbackSummary } from './callbacks';
import type { Encounter } from './encounters';
import type { StageTransition } from './patients';
import type { SurveyResponseSummary } from './surveys';

/** One event on a patient's timeline. */
export type TimelineEntry =
  | { kind: 'transition'; at: string; transition: StageTransition }
  | { kind: 'encounter'; at: string; encounter: Encounter }
  | { kind: 'survey_response'; at: string; response: SurveyResponseSummary }
  | { kind: 'callback'; at: string; callback: CallbackSummary };

export interface PatientTimeline {
  patientId: number;
  /** Newest first. */
  entries: TimelineEntry[];
}
