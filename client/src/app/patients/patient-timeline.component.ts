import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import {
  type CallbackKind,
  type CallbackSummary,
  type Department,
  type Encounter,
  type LifecycleStage,
  type OutreachMessage,
  RATING_DIMENSIONS,
  type StageTransition,
  type SurveyResponseSummary,
  ratingBand,
} from '@huifang/shared';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { RecoveryReasonComponent } from '../callbacks/recovery-reason.component';
import { departmentNameById } from '../departments/department-name';
import { WaitChipComponent } from '../encounters/wait-chip.component';
import { liveWaitMinutes } from '../encounters/wait-time';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { type MessageWords, messageWords } from '../outreach/message-words';
import { StageBadgeComponent } from './stage-badge.component';
import { type KnownTimelineEntry, buildJourneyAxis, transitionsOf } from './timeline-model';

type TimelineItem =
  | { kind: 'transition'; key: string; at: string; transition: StageTransition }
  | { kind: 'encounter'; key: string; at: string; encounter: Encounter; department: string; wait: number | null }
  | { kind: 'survey_response'; key: string; at: string; response: SurveyResponseSummary; department: string }
  | { kind: 'callback'; key: string; at: string; callback: CallbackSummary }
  | { kind: 'message'; key: string; at: string; message: OutreachMessage; words: MessageWords };

/**
 * The patient's journey: the stage axis 初诊 → 治疗 → 康复 → 复诊 with the dates each stage was
 * entered, then every event, newest first. Presentational: the page passes the loaded timeline.
 */
@Component({
  selector: 'hf-patient-timeline',
  imports: [HospitalDatePipe, MatButtonModule, RecoveryReasonComponent, RouterLink, TranslocoDirective, StageBadgeComponent, WaitChipComponent],
  templateUrl: './patient-timeline.component.html',
  styleUrl: './patient-timeline.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientTimelineComponent {
  /** Known entries, newest first (see `knownTimelineEntries`). */
  readonly entries = input.required<readonly KnownTimelineEntry[]>();
  readonly stage = input.required<LifecycleStage>();
  readonly stageSince = input<string | null>(null);
  readonly departments = input<readonly Department[]>([]);
  /** Epoch ms, ticking, for the wait of a patient still waiting. */
  readonly now = input<number>(Date.now());
  /** Staff may invite to a survey from a finished visit (front desk, admin). */
  readonly canInvite = input(false);
  /** The callback kinds the user may open (`workableCallbackKinds`); others are shown as text, not a link to a 403. */
  readonly openableCallbackKinds = input<readonly CallbackKind[]>([]);
  readonly invite = output<number>();

  /** Ratings in the order the survey asks them. */
  protected readonly markers: Record<TimelineItem['kind'], string> = {
    transition: '⇢',
    encounter: '✚',
    survey_response: '★',
    callback: '☎',
    message: '✉',
  };
  protected readonly dimensions = RATING_DIMENSIONS;
  /** A rating is shown as low where it would trigger service recovery (the server's band). */
  protected readonly ratingBand = ratingBand;

  private readonly language = inject(LanguageService);

  protected readonly axis = computed(() =>
    buildJourneyAxis(transitionsOf(this.entries()), this.stage(), this.stageSince()),
  );

  protected readonly items = computed<TimelineItem[]>(() => {
    const lang = this.language.lang();
    const departments = this.departments();
    const now = this.now();
    return this.entries().map((entry): TimelineItem => {
      if (entry.kind === 'transition') {
        return { kind: 'transition', key: `t${entry.transition.id}`, at: entry.at, transition: entry.transition };
      }
      if (entry.kind === 'survey_response') {
        const response = entry.response;
        const department = departmentNameById(departments, response.departmentId, lang, response.departmentName);
        return { kind: 'survey_response', key: `s${response.id}`, at: entry.at, response, department };
      }
      if (entry.kind === 'callback') {
        return { kind: 'callback', key: `c${entry.callback.id}`, at: entry.at, callback: entry.callback };
      }
      if (entry.kind === 'message') {
        return { kind: 'message', key: `m${entry.message.id}`, at: entry.at, message: entry.message, words: messageWords(entry.message) };
      }
      const encounter = entry.encounter;
      return {
        kind: 'encounter',
        key: `e${encounter.id}`,
        at: entry.at,
        encounter,
        department: departmentNameById(departments, encounter.departmentId, lang, encounter.departmentName),
        wait: liveWaitMinutes(encounter, now),
      };
    });
  });
}
