import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Department, LiveBoard } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { LIVE_BOARD_REFRESH_MS, LiveBoardComponent } from './live-board.component';

const LIVE_URL = '/api/indicators/live';

function board(changes: Partial<LiveBoard> = {}): LiveBoard {
  return {
    today: '2026-03-02',
    waitingNow: 5,
    departments: [
      { departmentId: 1, departmentName: '内科', waiting: 3, medianWaitSoFar: 12.5, n: 4 },
      { departmentId: 2, departmentName: '康复科', waiting: 2, medianWaitSoFar: null, n: 0 },
    ],
    callbacksDueToday: 7,
    callbacksOverdue: 2,
    ...changes,
  };
}

const DEPARTMENTS: Department[] = [{ id: 1, code: 'IM', name: '内科', nameEn: 'Internal Medicine', active: true }];

describe('LiveBoardComponent', () => {
  let fixture: ComponentFixture<LiveBoardComponent>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T02:00:00Z') });
    await TestBed.configureTestingModule({
      imports: [
        LiveBoardComponent,
        TranslocoTestingModule.forRoot({
          langs: { en },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LiveBoardComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    httpMock.verify();
    delete (document as unknown as Record<string, unknown>)['visibilityState'];
    jest.useRealTimers();
  });

  /** The one live request on its way (a newer poll cancels an older one). */
  function live(): TestRequest {
    const requests = httpMock.match(LIVE_URL).filter((r) => !r.cancelled);
    expect(requests).toHaveLength(1);
    expect(requests[0].request.method).toBe('GET');
    return requests[0];
  }

  async function answer(body: LiveBoard): Promise<void> {
    live().flush(body);
    await settle();
  }

  async function settle(): Promise<void> {
    await jest.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
  }

  function setVisibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  const byTestId = (id: string, root: ParentNode = fixture.nativeElement) =>
    root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  const text = (id: string, root?: ParentNode) => byTestId(id, root)?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows waiting now, the callbacks due and overdue, and one row per department', async () => {
    await answer(board());

    expect(text('live-waiting-now')).toBe('5');
    expect(text('live-callbacks-due')).toBe('7');
    expect(text('live-callbacks-overdue')).toBe('2');
    expect(byTestId('live-callbacks-overdue')?.closest('a')?.getAttribute('href')).toBe('/callbacks');
    expect(byTestId('live-callbacks-due')?.closest('a')?.getAttribute('href')).toBe('/callbacks?view=today');

    const internal = byTestId('live-department-1') as HTMLElement;
    expect(internal.textContent).toContain('内科');
    expect(text('live-waiting', internal)).toBe('3');
    expect(text('live-median', internal)).toBe('12.5');
    expect(text('live-median-n', internal)).toBe('· 4 called');
    expect(internal.textContent).toContain('Median wait so far');
  });

  it('shows "—" rather than 0 when no patient of the department has been called yet', async () => {
    await answer(board());

    const rehab = byTestId('live-department-2') as HTMLElement;
    expect(rehab.textContent).toContain('康复科');
    expect(text('live-waiting', rehab)).toBe('2');
    expect(text('live-median', rehab)).toBe('—');
    expect(byTestId('live-median-n', rehab)).toBeNull();
    expect(rehab.textContent).not.toMatch(/\b0\b/);
  });

  it('names the departments in the UI language when the host passes the department list', async () => {
    fixture.componentRef.setInput('departments', DEPARTMENTS);
    await answer(board());

    expect(byTestId('live-department-1')?.textContent).toContain('Internal Medicine');
    // Not in the list: the name the board carries.
    expect(byTestId('live-department-2')?.textContent).toContain('康复科');
  });

  it('polls again every 15 s without a reload, and pauses while the tab is hidden', async () => {
    await answer(board());
    expect(text('live-waiting-now')).toBe('5');

    await jest.advanceTimersByTimeAsync(LIVE_BOARD_REFRESH_MS - 1);
    httpMock.expectNone(LIVE_URL);
    await jest.advanceTimersByTimeAsync(1);
    await answer(
      board({
        waitingNow: 6,
        departments: [
          { departmentId: 1, departmentName: '内科', waiting: 2, medianWaitSoFar: 14, n: 5 },
          { departmentId: 2, departmentName: '康复科', waiting: 4, medianWaitSoFar: 8, n: 1 },
        ],
        callbacksOverdue: 0,
      }),
    );
    expect(text('live-waiting-now')).toBe('6');
    expect(text('live-callbacks-overdue')).toBe('0');
    expect(text('live-waiting', byTestId('live-department-1') as HTMLElement)).toBe('2');
    expect(text('live-median', byTestId('live-department-1') as HTMLElement)).toBe('14');
    expect(text('live-median', byTestId('live-department-2') as HTMLElement)).toBe('8');
    expect(text('live-median-n', byTestId('live-department-2') as HTMLElement)).toBe('· 1 called');

    setVisibility('hidden');
    await jest.advanceTimersByTimeAsync(5 * LIVE_BOARD_REFRESH_MS);
    httpMock.expectNone(LIVE_URL);
    setVisibility('visible');
    await settle(); // back in view: fetched at once
    await answer(board({ waitingNow: 1 }));
    expect(text('live-waiting-now')).toBe('1');
  });

  it('on a failed load keeps the last figures, says so quietly, and recovers on the next poll', async () => {
    await answer(board());

    await jest.advanceTimersByTimeAsync(LIVE_BOARD_REFRESH_MS);
    live().flush({ message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    await settle();
    expect(byTestId('live-load-failed')?.textContent).toContain('Could not refresh the live board');
    expect(text('live-waiting-now')).toBe('5');

    await jest.advanceTimersByTimeAsync(LIVE_BOARD_REFRESH_MS);
    await answer(board({ waitingNow: 9 }));
    expect(byTestId('live-load-failed')).toBeNull();
    expect(text('live-waiting-now')).toBe('9');
  });

  it('shows the quiet message (and no figures) when the very first load fails, then keeps polling', async () => {
    live().error(new ProgressEvent('error'));
    await settle();
    expect(byTestId('live-load-failed')).not.toBeNull();
    expect(byTestId('live-waiting-now')).toBeNull();

    await jest.advanceTimersByTimeAsync(LIVE_BOARD_REFRESH_MS);
    await answer(board());
    expect(text('live-waiting-now')).toBe('5');
  });

  it('fetches at once on refresh()', async () => {
    await answer(board());
    fixture.componentInstance.refresh();
    await answer(board({ waitingNow: 4 }));
    expect(text('live-waiting-now')).toBe('4');
  });
});
