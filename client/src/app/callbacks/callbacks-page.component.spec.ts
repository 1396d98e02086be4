import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import type { CallbackItem, CallbackQueueCounts, Page } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { of } from 'rxjs';
import callbacksEn from '../../../public/i18n/callbacks/en.json';
import en from '../../../public/i18n/en.json';
import { AuthService } from '../auth/auth.service';
import { registerDateLocales } from '../i18n/date-locale';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { CallPanelComponent } from './call-panel.component';
import { CallbacksPageComponent } from './callbacks-page.component';

// 02:00 UTC is 10:00 in Shanghai.
const NOW = new Date('2026-11-24T02:00:00Z');
const ME = { id: 3, username: 'frontdesk', displayName: '李娜', role: 'front_desk' as const };

function item(changes: Partial<CallbackItem> = {}): CallbackItem {
  return {
    id: 41,
    patientId: 7,
    kind: 'service_recovery',
    priority: 'high',
    status: 'pending',
    dueAt: '2026-11-23T12:21:00+08:00',
    reason: 'NPS 3 — 候诊太久',
    surveyResponseId: 5,
    recovery: null,
    encounterId: 9,
    createdAt: '2026-11-22T12:21:00+08:00',
    patientName: '王芳',
    phoneMasked: '138****8000',
    patientValueTier: null,
    departmentId: 2,
    departmentName: '外科',
    expectedOn: null,
    claimedBy: null,
    claimExpiresAt: null,
    attempts: [],
    outcome: null,
    cancelReason: null,
    note: null,
    ...changes,
  };
}
const page = (items: CallbackItem[]): Page<CallbackItem> => ({ items, total: items.length, page: 1, pageSize: 20 });
const COUNTS: CallbackQueueCounts = { overdue: 1, today: 4, upcoming: 12 };

describe('CallbacksPageComponent', () => {
  let fixture: ComponentFixture<CallbacksPageComponent>;
  let httpMock: HttpTestingController;
  let dialogOpen: jest.Mock;

  beforeAll(() => registerDateLocales());

  beforeEach(async () => {
    jest.useFakeTimers({ now: NOW });
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(undefined) }));
    await TestBed.configureTestingModule({
      imports: [
        CallbacksPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'callbacks/en': callbacksEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { user: () => ME } },
        { provide: MatDialog, useValue: { open: dialogOpen } },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CallbacksPageComponent);
    fixture.detectChanges();
    await settle();
    httpMock.expectOne('/api/departments').flush([{ id: 2, code: 'SUR', name: '外科', nameEn: 'Surgery', active: true }]);
  });

  afterEach(() => {
    httpMock.verify();
    jest.useRealTimers();
    setVisibility('visible');
  });

  async function settle(): Promise<void> {
    await jest.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
  }

  function queue(): { list: TestRequest; counts: TestRequest } {
    // A newer refresh replaces (cancels) an older one still on its way.
    const list = httpMock.match('/api/callbacks?view=overdue&page=1&pageSize=20').filter((r) => !r.cancelled);
    const counts = httpMock.match('/api/callbacks/counts').filter((r) => !r.cancelled);
    expect([list.length, counts.length]).toEqual([1, 1]);
    return { list: list[0], counts: counts[0] };
  }

  async function answer(items: CallbackItem[], counts = COUNTS): Promise<void> {
    const { list, counts: c } = queue();
    list.flush(page(items));
    c.flush(counts);
    await settle();
  }

  function setVisibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as T | null;

  it('shows the overdue view with counts on the tabs and one row per callback', async () => {
    await answer([item({ patientValueTier: 'high' }), item({ id: 42, kind: 'missed_revisit', priority: 'normal', reason: null, expectedOn: '2026-08-19' })]);

    expect(byTestId('callbacks-count-overdue')?.textContent?.trim()).toBe('1');
    expect(byTestId('callbacks-tab-today')?.textContent).toContain('4');
    expect(byTestId('callbacks-tab-upcoming')?.textContent).toContain('12');
    const row = byTestId('callback-row-41');
    expect(row?.getAttribute('data-kind')).toBe('service_recovery');
    expect(row?.textContent).toContain('王芳');
    expect(row?.textContent).toContain('138****8000');
    expect(row?.textContent).toContain('Surgery');
    expect(row?.textContent).toContain('High priority');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/patients/7');
    expect(byTestId('callback-due-41')?.classList).toContain('due-overdue');
    expect(row?.textContent).toContain('21 h overdue');
    expect(byTestId('callback-row-42')?.textContent).toContain('Expected back Aug 19, 2026');
    // The patient's value tier, so the desk sees whom to call first; a patient not yet worked out shows a dash.
    expect(byTestId('callback-value-41')?.textContent?.trim()).toBe('High value');
    expect(byTestId('callback-value-42')?.textContent?.trim()).toBe('—');
  });

  it('fetches the queue again every 5 s, shows a colleague’s claim, and pauses while the tab is hidden', async () => {
    await answer([item()]);
    expect(byTestId<HTMLButtonElement>('callback-claim-41')?.disabled).toBe(false);
    expect(byTestId('callback-holder-41')).toBeNull();

    await jest.advanceTimersByTimeAsync(4_999);
    httpMock.expectNone('/api/callbacks/counts');
    await jest.advanceTimersByTimeAsync(1);
    await answer([item({ status: 'claimed', claimedBy: { id: 4, displayName: '赵磊' }, claimExpiresAt: '2026-11-24T02:30:00Z' })]);
    expect(byTestId('callback-holder-41')?.textContent?.trim()).toBe('In progress: 赵磊');
    expect(byTestId<HTMLButtonElement>('callback-claim-41')?.disabled).toBe(true);

    setVisibility('hidden');
    await jest.advanceTimersByTimeAsync(30_000);
    httpMock.expectNone('/api/callbacks/counts');

    setVisibility('visible');
    await settle();
    await answer([item()]);
    expect(byTestId('callback-holder-41')).toBeNull();
  });

  it('keeps the view and filters in the URL and sends them to the API', async () => {
    await answer([]);
    expect(byTestId('callbacks-list')?.textContent).toContain('No overdue callbacks.');
    expect(byTestId('callbacks-see-today')).not.toBeNull();

    byTestId('callbacks-tab-today')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/?view=today');
    httpMock.expectOne('/api/callbacks?view=today&page=1&pageSize=20').flush(page([]));
    httpMock.expectOne('/api/callbacks/counts').flush(COUNTS);
    await settle();

    await TestBed.inject(Router).navigateByUrl('/?view=upcoming&kind=manual&valueTier=high&departmentId=2&sort=-value&page=2');
    await settle();
    httpMock
      .expectOne('/api/callbacks?view=upcoming&kind=manual&valueTier=high&departmentId=2&page=2&pageSize=20&sort=-value')
      .flush({ items: [item({ kind: 'manual' })], total: 21, page: 2, pageSize: 20 });
    httpMock.expectOne('/api/callbacks/counts?kind=manual&valueTier=high&departmentId=2').flush(COUNTS);
    await settle();
    expect(byTestId('callback-row-41')?.getAttribute('data-kind')).toBe('manual');
    // Switching tabs keeps the filters and the order, and starts at the first page.
    expect(byTestId('callbacks-tab-overdue')?.getAttribute('href')).toBe('/?kind=manual&valueTier=high&departmentId=2&sort=-value');
    // Clearing the filters keeps the order.
    byTestId('callbacks-clear-filters')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/?view=upcoming&sort=-value');
    httpMock.expectOne('/api/callbacks?view=upcoming&page=1&pageSize=20&sort=-value').flush(page([]));
    httpMock.expectOne('/api/callbacks/counts').flush(COUNTS);
  });

  it('opens the call panel after a claim, and names the colleague on a 409', async () => {
    await answer([item(), item({ id: 43, patientName: '李强' })]);

    byTestId<HTMLButtonElement>('callback-claim-41')?.click();
    const claim = httpMock.expectOne('/api/callbacks/41/claim');
    expect(claim.request.method).toBe('POST');
    claim.flush({ ...item({ status: 'claimed', claimedBy: { id: 3, displayName: '李娜' } }), phone: '13800138000' });
    await settle();
    expect(dialogOpen).toHaveBeenCalledWith(
      CallPanelComponent,
      expect.objectContaining({ data: expect.objectContaining({ departmentLabel: 'Surgery', canOpenPatient: true }) }),
    );
    await answer([item({ status: 'claimed', claimedBy: { id: 3, displayName: '李娜' } }), item({ id: 43, patientName: '李强' })]);
    expect(byTestId('callback-holder-41')?.textContent?.trim()).toBe('You are on it');
    expect(byTestId('callback-claim-41')?.textContent?.trim()).toBe('Resume');

    byTestId<HTMLButtonElement>('callback-claim-43')?.click();
    httpMock
      .expectOne('/api/callbacks/43/claim')
      .flush(
        { statusCode: 409, message: '赵磊 is working on this callback until …', code: 'callback.claimed', params: { claimedBy: '赵磊' } },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(dialogOpen).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).toContain('赵磊 is working on this callback');
    await answer([item({ id: 43, claimedBy: { id: 4, displayName: '赵磊' } })]);
    expect(byTestId<HTMLButtonElement>('callback-claim-43')?.disabled).toBe(true);
  });
});
