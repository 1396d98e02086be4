import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { PASSWORD_MIN_LENGTH, type StaffUser } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { UserCreateDialogComponent } from './user-create-dialog.component';

describe('UserCreateDialogComponent', () => {
  let fixture: ComponentFixture<UserCreateDialogComponent>;
  let httpMock: HttpTestingController;
  const close = jest.fn();

  beforeEach(async () => {
    close.mockReset();
    await TestBed.configureTestingModule({
      imports: [
        UserCreateDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { en },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MatDialogRef, useValue: { close } }],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UserCreateDialogComponent);
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const byTestId = <T extends HTMLElement>(id: string): T => {
    const el = document.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };

  function fill(id: string, value: string): void {
    const input = byTestId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function chooseRole(label: string): Promise<void> {
    byTestId('user-form-role').querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => o.textContent?.trim() === label,
    );
    if (!option) throw new Error(`no role option ${label}`);
    option.click();
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    byTestId<HTMLButtonElement>('user-form-submit').click();
    await fixture.whenStable();
  }

  it('refuses a username outside USERNAME_PATTERN and a short password without calling the server', async () => {
    fill('user-form-username', 'Wang Wei');
    fill('user-form-password', 'short');
    await submit();
    httpMock.expectNone('/api/users');
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('Start with a lowercase letter or digit');
    expect(text).toContain(`At least ${PASSWORD_MIN_LENGTH} characters`);
    expect(close).not.toHaveBeenCalled();
  });

  it('posts a CreateUserRequest with the chosen role and closes with the new user', async () => {
    fill('user-form-username', 'wang.wei');
    fill('user-form-displayname', '  质控 王伟 ');
    fill('user-form-password', 'a-long-password');
    await chooseRole('Quality manager');
    await submit();

    const req = httpMock.expectOne('/api/users');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      username: 'wang.wei',
      displayName: '质控 王伟',
      role: 'quality_manager',
      password: 'a-long-password',
    });
    const created: StaffUser = {
      id: 9,
      username: 'wang.wei',
      displayName: '质控 王伟',
      role: 'quality_manager',
      active: true,
      createdAt: '2026-03-02T10:00:00+08:00',
      lastLoginAt: null,
    };
    req.flush(created);
    expect(close).toHaveBeenCalledWith(created);
  });

  it('stays open and shows the translated reason when the username is taken (409)', async () => {
    fill('user-form-username', 'frontdesk');
    fill('user-form-password', 'a-long-password');
    await submit();
    const req = httpMock.expectOne('/api/users');
    expect(req.request.body).toEqual({ username: 'frontdesk', role: 'front_desk', password: 'a-long-password' });
    req.flush(
      { statusCode: 409, error: 'Conflict', message: 'username "frontdesk" is already taken', code: 'user.username_taken' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(close).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain('This username is already taken');
    expect(document.body.textContent).not.toContain('username "frontdesk"');
    expect(byTestId<HTMLButtonElement>('user-form-submit').disabled).toBe(false);
  });
});
