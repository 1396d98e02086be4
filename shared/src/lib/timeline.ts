import type { CallbackSummary } from './callbacks';
import type { Encounter } from './encounters';
import type { OutreachMessage } from './outreach';
import type { StageTransition } from './patients';
import type { SurveyResponseSummary } from './surveys';

/** One event on a patient's timeline. */
export type TimelineEntry =
  | { kind: 'transition'; at: string; transition: StageTransition }
  | { kind: 'encounter'; at: string; encounter: Encounter }
  | { kind: 'survey_response'; at: string; response: SurveyResponseSummary }
  | { kind: 'callback'; at: string; callback: CallbackSummary }
  /** A message to the patient (no text, no address), at its creation; its status as it stands. */
  | { kind: 'message'; at: string; message: OutreachMessage };

export interface PatientTimeline {
  patientId: number;
  /** Newest first. */
  entries: TimelineEntry[];
}
