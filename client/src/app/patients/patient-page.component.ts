import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { type Department, type Encounter, type Patient, type StageTransition, type UpdateConsentRequest, workableCallbackKinds } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { catchError, forkJoin, interval, map, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { canOpenPage } from '../auth/page-access';
import { openScheduleCallbackDialog } from '../callbacks/schedule-callback-dialog.component';
import { confirmAction } from '../core/confirm-dialog.component';
import { Notifier } from '../core/notifier.service';
import { departmentNameById } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { openCheckIn } from '../encounters/check-in-dialog.component';
import { EncountersApiService } from '../encounters/encounters-api.service';
import { finishVisit } from '../encounters/finish-visit';
import { WaitChipComponent } from '../encounters/wait-chip.component';
import { liveWaitMinutes } from '../encounters/wait-time';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { openInviteDialog } from '../surveys/invite-dialog.component';
import { LanguageService } from '../i18n/language.service';
import { RelationshipCardComponent } from '../relationship/relationship-card.component';
import { type ChangeStageDialogData, ChangeStageDialogComponent } from './change-stage-dialog.component';
import { type PatientFormDialogData, PatientFormDialogComponent } from './patient-form-dialog.component';
import { PatientTimelineComponent } from './patient-timeline.component';
import { PatientsApiService } from './patients-api.service';
import { StageBadgeComponent } from './stage-badge.component';
import { StatusBadgeComponent } from './status-badge.component';
import { type KnownTimelineEntry, knownTimelineEntries, openCallbackCount } from './timeline-model';
import { openWithdrawConsentDialog } from './withdraw-consent-dialog.component';

type ConsentKind = keyof UpdateConsentRequest;

interface Loaded {
  patient: Patient | { error: unknown };
  timeline: KnownTimelineEntry[] | { error: unknown };
}

/** One patient: details, consent, open visits with their actions, and the journey timeline. */
@Component({
  selector: 'hf-patient-page',
  imports: [
    HospitalDatePipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslocoDirective,
    PatientTimelineComponent,
    RelationshipCardComponent,
    StageBadgeComponent,
    StatusBadgeComponent,
    WaitChipComponent,
  ],
  templateUrl: './patient-page.component.html',
  styleUrl: './patient-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientPageComponent {
  /** From the route (`/patients/:id`). */
  readonly id = input.required<string>();

  private readonly api = inject(PatientsApiService);
  private readonly auth = inject(AuthService);
  private readonly encountersApi = inject(EncountersApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  protected readonly consentKinds: readonly ConsentKind[] = ['followUpCalls', 'surveys'];
  protected readonly patient = signal<Patient | null>(null);
  protected readonly entries = signal<KnownTimelineEntry[]>([]);
  protected readonly departments = signal<Department[]>([]);
  protected readonly loading = signal(false);
  /** Translation key of why the patient could not be shown. */
  protected readonly loadError = signal<string | null>(null);
  protected readonly timelineFailed = signal(false);
  protected readonly busy = signal(false);
  /** Who may check in, change, schedule and edit here; a quality manager opens the page to read (PATIENT_PAGE_ROLES). */
  protected readonly canWork = computed(() => {
    const role = this.auth.user()?.role;
    return role ? canOpenPage(role, 'patients') : false;
  });
  /** The callbacks the user may open from the timeline (a quality manager: service recovery only). */
  protected readonly callbackKinds = computed(() => {
    const role = this.auth.user()?.role;
    return role ? workableCallbackKinds(role) : [];
  });
  /** Ticks every 30 s so waiting minutes stay current. */
  protected readonly now = signal(Date.now());

  private readonly patientId = computed(() => Number(this.id()));
  /** Bumped by every reload, so the relationship card reloads with the page. */
  protected readonly reloadTick = signal(0);

  protected readonly openEncounters = computed(() => {
    const lang = this.language.lang();
    const now = this.now();
    return this.entries()
      .flatMap((entry) =>
        entry.kind === 'encounter' && entry.encounter.status !== 'finished' ? [entry.encounter] : [],
      )
      .sort((a, b) => Date.parse(a.checkedInAt) - Date.parse(b.checkedInAt))
      .map((encounter) => ({
        encounter,
        department: departmentNameById(this.departments(), encounter.departmentId, lang, encounter.departmentName),
        wait: liveWaitMinutes(encounter, now),
      }));
  });

  constructor() {
    toObservable(computed(() => ({ id: this.patientId(), tick: this.reloadTick() })))
      .pipe(
        switchMap(({ id }) => {
          if (!Number.isInteger(id) || id <= 0) {
            return of<Loaded>({ patient: { error: new HttpErrorResponse({ status: 404 }) }, timeline: [] });
          }
          this.loading.set(true);
          return forkJoin({
            patient: this.api.get(id).pipe(catchError((error: unknown) => of({ error }))),
            timeline: this.api.timeline(id).pipe(
              map((timeline) => knownTimelineEntries(timeline?.entries)),
              catchError((error: unknown) => of({ error })),
            ),
          });
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ patient, timeline }) => {
        this.loading.set(false);
        if ('error' in patient) {
          const status = patient.error instanceof HttpErrorResponse ? patient.error.status : -1;
          this.loadError.set(status === 404 ? 'patients.notFound' : 'patients.loadOneFailed');
          if (status !== 404) {
            this.notifier.error(patient.error);
          }
          return;
        }
        this.loadError.set(null);
        this.patient.set(patient);
        this.timelineFailed.set(!Array.isArray(timeline));
        this.entries.set(Array.isArray(timeline) ? timeline : []);
      });

    inject(DepartmentsApiService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.departments.set(list), error: () => this.departments.set([]) });

    interval(30_000)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(Date.now()));
  }

  protected reload(): void {
    this.now.set(Date.now());
    this.reloadTick.update((n) => n + 1);
  }

  protected changeStage(patient: Patient): void {
    this.dialog
      .open<ChangeStageDialogComponent, ChangeStageDialogData, StageTransition>(ChangeStageDialogComponent, {
        width: '460px',
        maxWidth: '95vw',
        data: { patientId: patient.id, patientName: patient.name, current: patient.stage },
      })
      .afterClosed()
      .subscribe((transition) => {
        if (transition) {
          this.notifier.success('patients.stageChanged', {
            stage: this.transloco.translate(`stages.${transition.to}`),
          });
          this.reload();
        }
      });
  }

  protected checkIn(patient: Patient): void {
    openCheckIn(this.dialog, this.notifier, patient).subscribe((encounter) => {
      if (encounter) this.reload();
    });
  }

  protected call(encounter: Encounter): void {
    this.busy.set(true);
    this.encountersApi.call(encounter.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.notifier.success('encounters.called', { name: encounter.patientName });
        this.reload();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.notifier.error(err);
        this.reload();
      },
    });
  }

  protected finish(encounter: Encounter, departmentLabel: string): void {
    finishVisit(this.dialog, this.notifier, { encounter, departmentLabel }, this.language.lang()).subscribe((finished) => {
      if (finished) this.reload();
    });
  }

  protected edit(patient: Patient): void {
    this.dialog
      .open<PatientFormDialogComponent, PatientFormDialogData, Patient>(PatientFormDialogComponent, {
        width: '640px',
        maxWidth: '95vw',
        data: { patient },
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved && saved !== patient) {
          this.notifier.success('patients.saved', { name: saved.name });
          this.reload();
        }
      });
  }

  protected setConsent(patient: Patient, kind: ConsentKind, change: MatSlideToggleChange): void {
    if (kind === 'followUpCalls' && !change.checked && patient.consent.followUpCalls.granted !== false) {
      // Withdrawing consent cancels the queued calls: confirm first, saying how many.
      const openCallbacks = openCallbackCount(this.entries());
      openWithdrawConsentDialog(this.dialog, { patientName: patient.name, openCallbacks })
        .afterClosed()
        .subscribe((confirmed) => {
          if (confirmed) this.saveConsent(patient, kind, change, openCallbacks);
          else change.source.checked = true;
        });
      return;
    }
    if (kind === 'surveys' && !change.checked) {
      // One click must not stop a patient's surveys by accident: ask, as for calls.
      confirmAction(this.dialog, {
        titleKey: 'patients.consent.withdrawSurveys.title',
        messageKey: 'patients.consent.withdrawSurveys.message',
        confirmKey: 'patients.consent.withdraw.confirm',
        params: { name: patient.name },
      }).subscribe((confirmed) => {
        if (confirmed) this.saveConsent(patient, kind, change, 0);
        else change.source.checked = true;
      });
      return;
    }
    this.saveConsent(patient, kind, change, 0);
  }

  private saveConsent(patient: Patient, kind: ConsentKind, change: MatSlideToggleChange, cancelling: number): void {
    this.busy.set(true);
    this.api.updateConsent(patient.id, { [kind]: change.checked }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.patient.set(updated);
        if (cancelling > 0) {
          this.notifier.success('patients.consent.withdrawn', { count: cancelling });
          this.reload();
        } else {
          this.notifier.success('patients.consent.saved');
        }
      },
      error: (err: unknown) => {
        this.busy.set(false);
        change.source.checked = !change.checked;
        this.notifier.error(err);
      },
    });
  }

  /** A manual callback; once scheduled it is on the queue and the patient's timeline. */
  protected scheduleCallback(patient: Patient): void {
    openScheduleCallbackDialog(this.dialog, { patientId: patient.id, patientName: patient.name })
      .afterClosed()
      .subscribe((created) => {
        if (created) this.reload();
      });
  }

  /** The page only opens for staff who may invite (front desk, admin); the server checks again. */
  protected openInvite(encounterId: number): void {
    openInviteDialog(this.dialog, encounterId);
  }
}
