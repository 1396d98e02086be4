import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Encounter, Page } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { TodayPageComponent } from './today-page.component';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';

// 02:00 UTC is 10:00 in Shanghai, the same calendar day.
const NOW = new Date('2026-03-02T02:00:00Z');

function encounter(changes: Partial<Encounter>): Encounter {
  return {
    id: 11,
    patientId: 7,
    patientName: '王芳',
    departmentId: 2,
    departmentName: '康复科',
    clinician: null,
    checkedInAt: '2026-03-02T09:35:00+08:00',
    calledAt: null,
    finishedAt: null,
    nextVisitDue: null,
    waitMinutes: null,
    status: 'waiting',
    ...changes,
  };
}
const page = (items: Encounter[]): Page<Encounter> => ({ items, total: items.length, page: 1, pageSize: 100 });

describe('TodayPageComponent', () => {
  let fixture: ComponentFixture<TodayPageComponent>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    jest.useFakeTimers({ now: NOW });
    await TestBed.configureTestingModule({
      imports: [
        TodayPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideLocalizedDatepicker(),provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TodayPageComponent);
    fixture.detectChanges();
    httpMock.expectOne('/api/departments').flush([]);
  });

  afterEach(() => {
    // The live board polls on its own (live-board.component.spec.ts); only its requests are let go here.
    httpMock.match('/api/indicators/live');
    httpMock.verify();
    jest.useRealTimers();
  });

  function lists(): { waiting: TestRequest; inRoom: TestRequest } {
    const requests = httpMock.match((r) => r.url === '/api/encounters');
    const byStatus = (status: string) => {
      const found = requests.find((r) => r.request.params.get('status') === status);
      if (!found) throw new Error(`no ${status} request`);
      return found;
    };
    expect(requests).toHaveLength(2);
    return { waiting: byStatus('waiting'), inRoom: byStatus('in_room') };
  }

  async function settle(): Promise<void> {
    await jest.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
  }

  const byTestId = (id: string) => fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

  it("asks for today's waiting and in-room encounters in the hospital's calendar day", () => {
    const { waiting, inRoom } = lists();
    expect(waiting.request.urlWithParams).toBe('/api/encounters?status=waiting&from=2026-03-02&to=2026-03-02&pageSize=100');
    expect(inRoom.request.urlWithParams).toBe('/api/encounters?status=in_room&from=2026-03-02&to=2026-03-02&pageSize=100');
    waiting.flush(page([]));
    inRoom.flush(page([]));
  });

  it('shows live waiting minutes that tick every 30 s, and refreshes every 15 s', async () => {
    const { waiting, inRoom } = lists();
    waiting.flush(page([encounter({})]));
    inRoom.flush(page([encounter({ id: 12, patientName: '李强', calledAt: '2026-03-02T09:50:00+08:00', waitMinutes: 62.5, status: 'in_room' })]));
    await settle();

    expect(byTestId('today-waiting')?.querySelector('[data-testid="today-row-11"]')).not.toBeNull();
    expect(byTestId('today-wait-11')?.textContent?.trim()).toBe('25');
    expect(byTestId('today-wait-12')?.textContent?.trim()).toBe('62.5');
    expect(byTestId('today-wait-12')?.closest('.chip')?.classList.contains('level-very-long')).toBe(true);

    // 15 s: the lists are fetched again; the server still says the same.
    await jest.advanceTimersByTimeAsync(15_000);
    let again = lists();
    again.waiting.flush(page([encounter({})]));
    again.inRoom.flush(page([]));
    await settle();
    expect(byTestId('today-row-12')).toBeNull();

    // 30 s after the first load; then six minutes later the waiting minutes have followed the clock.
    await jest.advanceTimersByTimeAsync(15_000);
    again = lists();
    again.waiting.flush(page([encounter({})]));
    again.inRoom.flush(page([]));
    await settle();
    expect(byTestId('today-wait-11')?.textContent?.trim()).toBe('25');
    jest.setSystemTime(new Date(NOW.getTime() + 6 * 60_000));
    await jest.advanceTimersByTimeAsync(30_000);
    // Two refreshes fell in those 30 s; the newer one replaced the older.
    for (const request of httpMock.match((r) => r.url === '/api/encounters').filter((r) => !r.cancelled)) {
      request.flush(page(request.request.params.get('status') === 'waiting' ? [encounter({})] : []));
    }
    await settle();
    expect(byTestId('today-wait-11')?.textContent?.trim()).toBe('31');
    expect(byTestId('today-wait-11')?.closest('.chip')?.classList.contains('level-long')).toBe(true);
  });

  it('calls a patient in with one click: the row moves to in room', async () => {
    const { waiting, inRoom } = lists();
    waiting.flush(page([encounter({})]));
    inRoom.flush(page([]));
    await settle();

    (byTestId('today-call-11') as HTMLButtonElement).click();
    const call = httpMock.expectOne('/api/encounters/11/call');
    expect(call.request.method).toBe('POST');
    call.flush(encounter({ calledAt: '2026-03-02T10:00:00+08:00', waitMinutes: 25, status: 'in_room' }));
    await settle();

    expect(byTestId('today-waiting')?.querySelector('[data-testid="today-row-11"]')).toBeNull();
    expect(byTestId('today-in-room')?.querySelector('[data-testid="today-row-11"]')).not.toBeNull();
    expect(byTestId('today-finish-11')).not.toBeNull();
    // …and the lists are fetched again at once.
    const after = lists();
    after.waiting.flush(page([]));
    after.inRoom.flush(page([encounter({ calledAt: '2026-03-02T10:00:00+08:00', waitMinutes: 25, status: 'in_room' })]));
  });

  it('shows the live board at the top, fetched again with the lists on refresh', async () => {
    const { waiting, inRoom } = lists();
    waiting.flush(page([]));
    inRoom.flush(page([]));
    httpMock.expectOne('/api/indicators/live').flush({
      today: '2026-03-02',
      waitingNow: 1,
      departments: [{ departmentId: 2, departmentName: '康复科', waiting: 1, medianWaitSoFar: null, n: 0 }],
      callbacksDueToday: 0,
      callbacksOverdue: 3,
    });
    await settle();

    const board = byTestId('live-board');
    expect(board).not.toBeNull();
    expect(board?.compareDocumentPosition(byTestId('today-waiting') as HTMLElement)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(byTestId('live-waiting-now')?.textContent?.trim()).toBe('1');
    expect(byTestId('live-callbacks-overdue')?.textContent?.trim()).toBe('3');
    expect(byTestId('live-department-2')?.textContent).toContain('康复科');

    (byTestId('today-refresh') as HTMLButtonElement).click();
    const again = lists();
    again.waiting.flush(page([]));
    again.inRoom.flush(page([]));
    httpMock.expectOne('/api/indicators/live');
  });
});
