import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, type MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { SurveyInvitation } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { formatHospitalDate } from '../i18n/hospital-date';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { type InvitationRefusal, invitationRefusal } from './invitation-refusal';
import { copyText, svgDataUrl } from './qr-image';
import { SurveysApiService } from './surveys-api.service';
import { provideSurveysScope } from './surveys-scope';

export interface InviteDialogData {
  encounterId: number;
}

type InviteState =
  | { kind: 'loading' }
  | { kind: 'ready'; invitation: SurveyInvitation; qrSrc: string }
  | { kind: 'refused'; refusal: InvitationRefusal }
  | { kind: 'failed'; error: ErrorDescription };

/** While printing, only the invitation sheet is printed (see the `@media print` rules). */
const PRINTING_CLASS = 'hf-invite-printing';

/**
 * Creates a one-time survey link for a finished visit as soon as it opens, and shows it as a QR code
 * to scan or print and as a link to copy. When the server refuses (the patient declined surveys, or
 * was invited too recently) it says why instead. Open it with `openInviteDialog`.
 */
@Component({
  selector: 'hf-invite-dialog',
  imports: [ApiErrorComponent, HospitalDatePipe, MatButtonModule, MatDialogModule, MatProgressSpinnerModule, TranslocoDirective],
  providers: [provideSurveysScope()],
  templateUrl: './invite-dialog.component.html',
  styleUrl: './invite-dialog.component.scss',
  // The print rules must reach outside the dialog (hide the app behind it); every class is `hf-invite-*`.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteDialogComponent {
  private readonly data = inject<InviteDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(SurveysApiService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly state = signal<InviteState>({ kind: 'loading' });
  protected readonly copied = signal<'idle' | 'done' | 'failed'>('idle');

  protected readonly ready = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state : null;
  });
  protected readonly refusal = computed(() => {
    const state = this.state();
    return state.kind === 'refused' ? state.refusal : null;
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.error : null;
  });
  /** The expiry date in both languages, for the printed sheet. */
  protected readonly sheetDates = computed(() => {
    const ready = this.ready();
    return ready
      ? {
          zh: formatHospitalDate(ready.invitation.expiresAt, 'date', 'zh'),
          en: formatHospitalDate(ready.invitation.expiresAt, 'date', 'en'),
        }
      : null;
  });

  private copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.create();
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.copiedTimer);
      this.document.body.classList.remove(PRINTING_CLASS);
    });
  }

  protected create(): void {
    this.state.set({ kind: 'loading' });
    this.api.invite(this.data.encounterId).subscribe({
      next: (invitation) => this.state.set({ kind: 'ready', invitation, qrSrc: svgDataUrl(invitation.qrSvg) }),
      error: (err: unknown) => {
        const refusal = invitationRefusal(err);
        this.state.set(refusal ? { kind: 'refused', refusal } : { kind: 'failed', error: describeHttpError(err) });
      },
    });
  }

  protected async copy(url: string): Promise<void> {
    const ok = await copyText(url, this.document, this.host.nativeElement);
    this.copied.set(ok ? 'done' : 'failed');
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => this.copied.set('idle'), 3000);
  }

  protected print(): void {
    const body = this.document.body;
    const view = this.document.defaultView;
    body.classList.add(PRINTING_CLASS);
    view?.addEventListener('afterprint', () => body.classList.remove(PRINTING_CLASS), { once: true });
    view?.print();
  }
}

/** Opens the invitation dialog for one finished encounter. */
export function openInviteDialog(dialog: MatDialog, encounterId: number): MatDialogRef<InviteDialogComponent, void> {
  return dialog.open<InviteDialogComponent, InviteDialogData, void>(InviteDialogComponent, {
    data: { encounterId },
    width: '680px',
    maxWidth: '95vw',
    autoFocus: 'dialog',
  });
}
