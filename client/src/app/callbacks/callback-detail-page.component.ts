import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { winBackReasons, type CallbackItem } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { catchError, map, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { canOpenPage } from '../auth/page-access';
import { describeHttpError } from '../core/api-error';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { isClosed, systemCancelReasonKey, systemCallbackReasonKey } from './callback-history';
import { CallbacksApiService } from './callbacks-api.service';
import { provideCallbacksScope } from './callbacks-scope';
import { RecoveryReasonComponent } from './recovery-reason.component';

type Loaded = { callback: CallbackItem } | { errorKey: string };

/**
 * One callback in any status, read-only (`/callbacks/:id`, the feedback list's "回访 #241" link): why
 * it was opened, whether the case is closed and how, every attempt with who and when, and the reason
 * of a cancellation. The server decides who may see which kinds (callback-access.ts).
 */
@Component({
  selector: 'hf-callback-detail-page',
  imports: [HospitalDatePipe, MatButtonModule, MatProgressBarModule, RecoveryReasonComponent, RouterLink, TranslocoDirective],
  providers: [provideCallbacksScope()],
  templateUrl: './callback-detail-page.component.html',
  styleUrl: './callback-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallbackDetailPageComponent {
  /** A win-back call's reason as the decline's reasons (shared/), worded by the template. */
  protected readonly winBackCodes = winBackReasons;
  protected readonly systemReasonKey = systemCallbackReasonKey;
  /** From the route. */
  readonly id = input.required<string>();

  private readonly api = inject(CallbacksApiService);
  private readonly auth = inject(AuthService);

  protected readonly loaded = signal<Loaded | null>(null);
  protected readonly callback = computed(() => {
    const loaded = this.loaded();
    return loaded && 'callback' in loaded ? loaded.callback : null;
  });
  protected readonly errorKey = computed(() => {
    const loaded = this.loaded();
    return loaded && 'errorKey' in loaded ? loaded.errorKey : null;
  });
  protected readonly closed = computed(() => {
    const c = this.callback();
    return c ? isClosed(c.status) : false;
  });
  protected readonly cancelReasonKey = computed(() => systemCancelReasonKey(this.callback()?.cancelReason ?? null));
  protected readonly canOpenPatient = computed(() => {
    const user = this.auth.user();
    return !!user && canOpenPage(user.role, 'patients');
  });

  constructor() {
    toObservable(computed(() => Number(this.id())))
      .pipe(
        switchMap((id) => {
          this.loaded.set(null);
          if (!Number.isInteger(id) || id <= 0) return of<Loaded>({ errorKey: 'errors.notFound' });
          return this.api.get(id).pipe(
            map((callback): Loaded => ({ callback })),
            catchError((error: unknown) => of<Loaded>({ errorKey: describeHttpError(error).key })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => this.loaded.set(loaded));
  }
}
