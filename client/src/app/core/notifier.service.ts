import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';
import { describeHttpError, translateError } from './api-error';

/** Short translated messages in a snackbar: successes, and failed API calls with the reason their code gives. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  success(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.close'), {
      duration: 4000,
    });
  }

  /** A success with one action offered (e.g. "invite to survey"); emits when the user takes it. */
  offer(key: string, params: Record<string, unknown>, actionKey: string): Observable<void> {
    return this.snackBar
      .open(this.transloco.translate(key, params), this.transloco.translate(actionKey), { duration: 10_000 })
      .onAction();
  }

  error(err: unknown): void {
    const text = translateError((key, params) => this.transloco.translate(key, params), describeHttpError(err));
    this.snackBar.open(text, this.transloco.translate('common.close'), {
      duration: 8000,
      panelClass: 'hf-snack-error',
      politeness: 'assertive',
    });
  }
}
