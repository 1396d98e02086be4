import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { LangSwitchComponent } from '../i18n/lang-switch.component';
import { AuthService } from './auth.service';
import { homePathFor } from './page-access';

@Component({
  selector: 'hf-login',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    LangSwitchComponent,
  ],
  templateUrl: './login.component.html',
  styleUrl: './login.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Bound from the query string (`/login?returnUrl=/users`). */
  readonly returnUrl = input<string | undefined>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  /** Translation key of the last failure, shown under the form. */
  protected readonly errorKey = signal<string | null>(null);

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errorKey.set(null);
    const { username, password } = this.form.getRawValue();
    this.auth.login({ username: username.trim(), password }).subscribe({
      next: (user) => {
        this.pending.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homePathFor(user.role));
      },
      error: (err: unknown) => {
        this.pending.set(false);
        this.errorKey.set(loginErrorKey(err));
      },
    });
  }
}

export function loginErrorKey(err: unknown): string {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 401) return 'login.errors.invalid';
    if (err.status === 429) return 'login.errors.locked';
    if (err.status === 0) return 'errors.network';
  }
  return 'errors.unexpected';
}

/** Only same-app paths: never `//evil.example` or an absolute URL. */
function safeReturnUrl(url: string | undefined): string | null {
  const external = !url?.startsWith('/') || url.startsWith('//') || url.startsWith('/\\');
  return !url || external || url.startsWith('/login') ? null : url;
}
