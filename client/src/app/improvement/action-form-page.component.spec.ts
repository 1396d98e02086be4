import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuthUser, CommentTheme, Department, ImprovementAction } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import improvementEn from '../../../public/i18n/improvement/en.json';
import { AuthService } from '../auth/auth.service';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';
import { ActionFormPageComponent } from './action-form-page.component';

const ME: AuthUser = { id: 2, username: 'quality', displayName: 'Wang Min', role: 'quality_manager' };
const OWNERS = [
  { id: 2, name: 'Wang Min' },
  { id: 3, name: 'Zhao Lei' },
];
const DEPARTMENTS: Department[] = [
  { id: 2, code: 'surgery', name: '外科', nameEn: 'Surgery', active: true },
  { id: 9, code: 'closed', name: '旧科室', nameEn: 'Old ward', active: false },
];
const THEMES: CommentTheme[] = [
  { key: 'parking', nameZh: '停车', nameEn: 'Parking', builtIn: false, enabled: true, phrasesZh: [], phrasesEn: [] },
  { key: 'old', nameZh: '旧', nameEn: 'Old', builtIn: false, enabled: false, phrasesZh: [], phrasesEn: [] },
];

describe('ActionFormPageComponent', () => {
  let httpMock: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en, 'improvement/en': improvementEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideNoopAnimations(),
        provideLocalizedDatepicker(),
        provideRouter([
          { path: 'improvement/new', component: ActionFormPageComponent },
          { path: 'improvement/:id/edit', component: ActionFormPageComponent },
          { path: 'improvement/:id', children: [] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { user: signal(ME) } },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
  });
  afterEach(() => httpMock.verify());

  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    httpMock.expectOne('/api/departments').flush(DEPARTMENTS);
    httpMock.expectOne('/api/comment-themes').flush(THEMES);
    httpMock.expectOne('/api/improvement-actions/owners').flush({ items: OWNERS });
    await harness.fixture.whenStable();
  }

  const root = () => harness.routeNativeElement as HTMLElement;
  const el = <T extends HTMLElement>(id: string) => {
    const found = root().querySelector(`[data-testid="${id}"]`) as T | null;
    if (!found) throw new Error(`no element with data-testid="${id}"`);
    return found;
  };
  const text = (e: Element | null) => e?.textContent?.replace(/\s+/g, ' ').trim();
  const type = async (id: string, value: string) => {
    const input = el<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await harness.fixture.whenStable();
  };

  it('comes prefilled from "act on this": indicator and its better direction, department, start date, the period in the description', async () => {
    await open('/improvement/new?indicator=csat&departmentId=2&startDate=2026-03-31&from=2026-03-02&to=2026-03-31');

    expect(text(el('action-form-indicator'))).toBe('CSAT');
    expect(text(el('action-form-direction'))).toBe('Higher');
    expect(text(el('action-form-department'))).toBe('Surgery');
    expect(text(el('action-form-owner'))).toBe('Wang Min');
    expect(el<HTMLInputElement>('action-form-start').value).toBe('03/31/2026');
    expect(el<HTMLTextAreaElement>('action-form-description').value).toBe("Prompted by the dashboard's figures of 2026-03-02 – 2026-03-31.");
    expect(text(el('action-form-prefilled'))).toContain('2026-03-02 – 2026-03-31');
    expect(el<HTMLInputElement>('action-form-baselineDays').value).toBe('90');
  });

  it('offers the figures, every rating dimension and the enabled comment themes', async () => {
    await open('/improvement/new');
    el('action-form-indicator').click();
    await harness.fixture.whenStable();
    const options = Array.from(document.querySelectorAll('mat-option')).map((o) => o.getAttribute('data-testid'));
    expect(options).toContain('action-form-indicator-wait_over_threshold');
    expect(options).toContain('action-form-indicator-dimension:nursing');
    expect(options).toContain('action-form-indicator-theme_share:parking');
    expect(options).not.toContain('action-form-indicator-theme_share:old');
  });

  it('says what is missing or out of bounds by the shared rules, without a request', async () => {
    await open('/improvement/new');
    await type('action-form-lagDays', '400');
    el<HTMLButtonElement>('action-form-submit').click();
    await harness.fixture.whenStable();

    const errors = Array.from(root().querySelectorAll('mat-error')).map(text);
    expect(errors).toContain('Required');
    expect(errors).toContain('A whole number of days from 0 to 365');
    httpMock.expectNone('/api/improvement-actions');
  });

  it('saves the action and opens its page; a refused save names its field', async () => {
    await open('/improvement/new?indicator=wait_median&startDate=2026-03-31');
    await type('action-form-title', 'Online slots');
    el<HTMLButtonElement>('action-form-submit').click();
    await harness.fixture.whenStable();

    const refused = httpMock.expectOne((r) => r.method === 'POST' && r.url === '/api/improvement-actions');
    expect(refused.request.body).toMatchObject({ title: 'Online slots', indicator: 'wait_median', betterDirection: 'lower', departmentId: null, ownerUserId: 2, startDate: '2026-03-31', baselineDays: 90, lagDays: 30, followUpDays: 90, status: 'planned' });
    refused.flush({ code: 'improvement.unknown_owner', message: 'x' }, { status: 400, statusText: 'Bad Request' });
    await harness.fixture.whenStable();
    expect(text(el('action-form-error'))).toBe('The owner must be an active staff member');
    // Under the owner too. The server judges it again on the next save (no stale error blocks it).
    expect(text(el('action-form-owner').closest('mat-form-field')?.querySelector('mat-error') ?? null)).toBe('The owner must be an active staff member');

    el<HTMLButtonElement>('action-form-submit').click();
    await harness.fixture.whenStable();
    httpMock.expectOne((r) => r.method === 'POST').flush({ id: 12, title: 'Online slots' } as ImprovementAction, { status: 201, statusText: 'Created' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/improvement/12');
  });

  it('edits an action: its stored fields (a direction of its own kept), saved with PATCH', async () => {
    await open('/improvement/5/edit');
    const stored = {
      id: 5,
      title: 'Parking signs',
      description: 'New signs at the gate',
      departmentId: 9,
      departmentName: '旧科室',
      ownerUserId: 4,
      ownerName: 'Li Na',
      indicator: 'theme_share:old',
      betterDirection: 'higher',
      startDate: '2026-01-10',
      endDate: '2026-02-10',
      status: 'done',
      baselineDays: 60,
      lagDays: 14,
      followUpDays: 60,
    } as unknown as ImprovementAction;
    httpMock.expectOne('/api/improvement-actions/5').flush(stored);
    await harness.fixture.whenStable();

    expect(el<HTMLInputElement>('action-form-title').value).toBe('Parking signs');
    // A switched-off theme, an inactive department and an owner not among the choices still show.
    expect(text(el('action-form-indicator'))).toBe('Comment theme share: Old');
    expect(text(el('action-form-department'))).toBe('Old ward');
    expect(text(el('action-form-owner'))).toBe('Li Na');
    expect(text(el('action-form-direction'))).toBe('Higher');
    expect(el<HTMLInputElement>('action-form-end').value).toBe('02/10/2026');

    el<HTMLButtonElement>('action-form-submit').click();
    await harness.fixture.whenStable();
    const patch = httpMock.expectOne((r) => r.method === 'PATCH' && r.url === '/api/improvement-actions/5');
    expect(patch.request.body).toMatchObject({ title: 'Parking signs', indicator: 'theme_share:old', betterDirection: 'higher', departmentId: 9, ownerUserId: 4, endDate: '2026-02-10', status: 'done', lagDays: 14 });
    patch.flush(stored);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/improvement/5');
  });
});
