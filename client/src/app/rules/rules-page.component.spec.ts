import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FollowUpRule } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import callbacksEn from '../../../public/i18n/callbacks/en.json';
import en from '../../../public/i18n/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { RulesPageComponent } from './rules-page.component';

const RULES: FollowUpRule[] = [
  { key: 'post_treatment', kind: 'post_treatment', enabled: true, offset: 3, unit: 'days', priority: 'normal' },
  { key: 'rehab_check', kind: 'rehab_check', enabled: true, offset: 30, unit: 'days', priority: 'normal' },
  { key: 'revisit_reminder', kind: 'revisit_reminder', enabled: true, offset: 3, unit: 'days', priority: 'normal' },
  { key: 'missed_revisit', kind: 'missed_revisit', enabled: true, offset: 7, unit: 'days', priority: 'normal' },
  { key: 'service_recovery', kind: 'service_recovery', enabled: true, offset: 24, unit: 'hours', priority: 'high' },
];

describe('RulesPageComponent', () => {
  let fixture: ComponentFixture<RulesPageComponent>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        RulesPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'callbacks/en': callbacksEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RulesPageComponent);
    await fixture.whenStable();
    httpMock.expectOne('/api/follow-up-rules').flush(RULES);
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T => {
    const el = fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };

  async function typeOffset(key: string, value: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(`rule-offset-${key}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('lists the five rules with their trigger, switch, offset and unit', () => {
    const table = byTestId('rules-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(5);
    expect(byTestId('rule-trigger-post_treatment').textContent?.trim()).toBe('3 days after entering rehabilitation');
    expect(byTestId('rule-trigger-service_recovery').textContent?.trim()).toBe('within 24 hours of a dissatisfied response');
    expect(byTestId<HTMLInputElement>('rule-offset-rehab_check').value).toBe('30');
    expect(byTestId('rule-row-service_recovery').textContent).toContain('hours');
    expect(byTestId('rule-enabled-missed_revisit').querySelector('button')?.getAttribute('aria-checked')).toBe('true');
    expect(byTestId<HTMLButtonElement>('rules-save').disabled).toBe(true);
  });

  it('saves the switches and offsets with PUT', async () => {
    await typeOffset('post_treatment', '1');
    expect(byTestId('rule-trigger-post_treatment').textContent?.trim()).toBe('1 day after entering rehabilitation');
    byTestId('rule-enabled-rehab_check').querySelector('button')?.click();
    await fixture.whenStable();
    expect(byTestId('rules-unsaved')).toBeTruthy();

    byTestId<HTMLButtonElement>('rules-save').click();
    const req = httpMock.expectOne('/api/follow-up-rules');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      rules: [
        { key: 'post_treatment', enabled: true, offset: 1 },
        { key: 'rehab_check', enabled: false, offset: 30 },
        { key: 'revisit_reminder', enabled: true, offset: 3 },
        { key: 'missed_revisit', enabled: true, offset: 7 },
        { key: 'service_recovery', enabled: true, offset: 24 },
      ],
    });
    const stored = RULES.map((r) =>
      r.key === 'post_treatment' ? { ...r, offset: 1 } : r.key === 'rehab_check' ? { ...r, enabled: false } : r,
    );
    req.flush(stored);
    await fixture.whenStable();
    expect(byTestId<HTMLButtonElement>('rules-save').disabled).toBe(true);
    expect(byTestId('rule-row-rehab_check').textContent).toContain('Off');
  });

  it('does not send a wrong offset, and shows what the server refuses', async () => {
    await typeOffset('missed_revisit', '400');
    expect(byTestId('rule-row-missed_revisit').textContent).toContain('Enter a whole number from 0 to 365');
    byTestId<HTMLButtonElement>('rules-save').click();
    await fixture.whenStable();
    httpMock.expectNone('/api/follow-up-rules');
    expect(fixture.nativeElement.textContent).toContain('Correct the timings marked in red first');

    await typeOffset('missed_revisit', '14');
    byTestId<HTMLButtonElement>('rules-save').click();
    httpMock
      .expectOne('/api/follow-up-rules')
      .flush(
        { statusCode: 400, message: ['rules.3.offset must not be greater than 365'], code: 'validation.failed', params: { fields: ['rules.3.offset'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(byTestId('rules-error').textContent?.trim()).toBe('Please check: offset');
  });
});
