import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PatientRelationship } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Subject } from 'rxjs';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import { formatHospitalDate } from '../i18n/hospital-date';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { PhaseBadgeComponent } from './phase-badge.component';
import { RelationshipApiService } from './relationship-api.service';
import { RELATIONSHIP_SCOPE, provideRelationshipScope } from './relationship-scope';
import { relationshipWords } from './relationship-words';
import { scopeLang } from './scope-lang';
import { ValueTierBadgeComponent } from './value-tier-badge.component';

/**
 * The patient page's relationship card (DOMAIN.md, Relationship phases and patient value): phase and
 * since, value score and tier, CLV with its unit, and why, in words: the reasons, the record, the
 * value score's four terms and the phase history. Worked out by the server now, from the record.
 */
@Component({
  selector: 'hf-relationship-card',
  imports: [HospitalDatePipe, MatButtonModule, MatProgressBarModule, PhaseBadgeComponent, TranslocoDirective, ValueTierBadgeComponent],
  providers: [provideRelationshipScope()],
  templateUrl: './relationship-card.component.html',
  styleUrl: './relationship-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelationshipCardComponent {
  readonly patientId = input.required<number>();
  /** Changes whenever the patient page reloads (a visit finished, a stage changed): the card follows. */
  readonly version = input(0);

  private readonly api = inject(RelationshipApiService);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = scopeLang(RELATIONSHIP_SCOPE);

  protected readonly loading = signal(false);
  private readonly loaded = signal<LoadResult<PatientRelationship> | null>(null);
  protected readonly reload$ = new Subject<void>();
  protected readonly relationship = computed(() => loadedValue(this.loaded()));
  protected readonly failed = computed(() => loadFailed(this.loaded()));

  protected readonly words = computed(() => {
    const r = this.relationship();
    const lang = this.lang();
    if (!r || !lang) return null;
    return relationshipWords(r, {
      lang,
      t: (key, params) => this.transloco.translate(key, params, lang),
      day: (day) => formatHospitalDate(day, 'date', lang),
    });
  });

  constructor() {
    const request = computed(() => ({ id: this.patientId(), version: this.version() }));
    loadEach(withReload(toObservable(request), this.reload$), ({ id }) => this.api.patient(id), { loading: this.loading, result: this.loaded })
      .pipe(takeUntilDestroyed())
      .subscribe();
  }
}
