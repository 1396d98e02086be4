import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  type Department,
  type Headline,
  type HeadlineName,
  INDICATOR_NAMES,
  type ImprovementActionSummary,
  type IndicatorTarget,
  type DriversAnswer,
  type IndicatorName,
  type IndicatorSeries,
  type IndicatorSummary,
  type LifecycleFlow,
  type SurveyTemplate,
} from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideEchartsCore } from 'ngx-echarts';
import en from '../../../public/i18n/en.json';
import dashboardEn from '../../../public/i18n/dashboard/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { DashboardPageComponent } from './dashboard-page.component';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';

const DEPARTMENTS: Department[] = [
  { id: 2, code: 'surgery', name: '外科', nameEn: 'Surgery', active: true },
  { id: 8, code: 'rehabilitation', name: '康复科', nameEn: 'Rehabilitation', active: true },
  { id: 9, code: 'closed', name: '旧科室', nameEn: 'Old ward', active: false },
];

const NO_DATA: Headline = { value: null, n: 0, previous: null, previousN: 0, change: null };

const HEADLINES: Record<HeadlineName, Headline> = {
  // Waits went down: good.
  waitMedian: { value: 24, n: 120, previous: 28.5, previousN: 110, change: -4.5 },
  waitP90: { value: 55, n: 120, previous: 50, previousN: 110, change: 5 },
  // A zero with n = 0 is no data, never "0".
  waitOverThreshold: { value: 0, n: 0, previous: 12.5, previousN: 40, change: null },
  // A small sample: shown with its n, its change not coloured.
  nps: { value: 40, n: 7, previous: 20, previousN: 30, change: 20 },
  csat: NO_DATA,
  responseRate: { value: 35.2, n: 125, previous: 35.2, previousN: 118, change: 0 },
  // Churn went up: bad.
  churnRate: { value: 12.5, n: 80, previous: 10, previousN: 70, change: 2.5 },
  callbackCompletion: { value: 91, n: 50, previous: null, previousN: 0, change: null },
};

function summary(query: { from: string; to: string; previousFrom: string; previousTo: string; departmentId: number | null }): IndicatorSummary {
  return {
    ...query,
    headlines: HEADLINES,
    statusCounts: { active: 812, at_risk: 64, lapsed: 37 },
    overdueCallbacks: 5,
  };
}

const FLOW: LifecycleFlow = {
  from: '2026-01-01',
  to: '2026-03-31',
  departmentId: 2,
  links: [
    { from: 'first_visit', to: 'treatment', n: 30 },
    { from: 'treatment', to: 'lapsed', n: 4 },
  ],
};

function target(id: number, indicator: IndicatorTarget['indicator'], departmentId: number | null, comparator: IndicatorTarget['comparator'], value: number): IndicatorTarget {
  return { id, indicator, departmentId, departmentName: null, comparator, value, updatedAt: '2026-03-01T00:00:00Z', updatedBy: null };
}

function action(id: number, title: string, indicator: ImprovementActionSummary['indicator'], departmentId: number | null, startDate: string): ImprovementActionSummary {
  return {
    id,
    title,
    departmentId,
    departmentName: null,
    ownerUserId: 1,
    ownerName: 'Quality',
    indicator,
    betterDirection: 'lower',
    startDate,
    endDate: null,
    status: 'in_progress',
    baselineDays: 90,
    lagDays: 30,
    followUpDays: 90,
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
    verdict: 'pending',
    followUpComplete: false,
    change: null,
    pValue: null,
  };
}

const TEMPLATES: SurveyTemplate[] = [{ id: 1, name: { zh: '门诊满意度', en: 'Outpatient experience' }, publishedVersion: 1, versions: [] }];

function emptySeries(indicator: IndicatorName, request: TestRequest): IndicatorSeries {
  const params = request.request.params;
  return {
    indicator,
    templateId: null,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    departmentId: params.has('departmentId') ? Number(params.get('departmentId')) : null,
    groupBy: params.get('groupBy') as IndicatorSeries['groupBy'],
    points: [],
  } as IndicatorSeries;
}

/** The requests the dashboard makes for one period and department. */
interface DashboardRequests {
  summary: TestRequest;
  flow: TestRequest;
  series: Record<IndicatorName, TestRequest>;
  drivers: TestRequest;
  /** The follow-up panel's messages per channel. */
  outreach: TestRequest;
}

/** A period without responses: the drivers panel says "No data" in each chart. */
function emptyDrivers(request: TestRequest): DriversAnswer {
  const params = request.request.params;
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    departmentId: params.has('departmentId') ? Number(params.get('departmentId')) : null,
    themes: { ciMethod: 'newcombe_wilson', commented: { detractors: 0, promoters: 0 }, items: [] },
    dimensions: { correlation: 'spearman', cut: null, items: [] },
    waitBands: [],
  };
}

/** The trends whose buckets follow the summary's n (churn is always monthly). */
const TRENDS_AFTER_SUMMARY = ['wait-time', 'satisfaction', 'follow-up'] as const;

describe('DashboardPageComponent', () => {
  let httpMock: HttpTestingController;
  let harness: RouterTestingHarness;
  let scrollIntoView: jest.Mock;
  const originalResizeObserver = window.ResizeObserver;

  beforeEach(async () => {
    // Today in Shanghai: 2026-03-31.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-31T04:00:00Z'));
    // jsdom lacks both; ngx-echarts needs the first, the page scrolls to the drill-down with the second.
    window.ResizeObserver = class {
      observe(): void {
        // nothing to watch in jsdom
      }
      unobserve(): void {
        // nothing to stop
      }
      disconnect(): void {
        // nothing to stop
      }
    } as unknown as typeof ResizeObserver;
    scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    await TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en, 'dashboard/en': dashboardEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideLocalizedDatepicker(),
        provideRouter([{ path: 'dashboard', component: DashboardPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        // The app loads ECharts in dashboard.routes.ts; here it never loads, so no chart initialises in jsdom.
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpMock.verify();
    window.ResizeObserver = originalResizeObserver;
    jest.restoreAllMocks();
  });

  /** The one request to `url` on its way (a newer state cancels an older request). */
  function pending(url: string): TestRequest {
    const requests = httpMock.match((r) => r.url === url).filter((r) => !r.cancelled);
    expect(requests).toHaveLength(1);
    expect(requests[0].request.method).toBe('GET');
    return requests[0];
  }

  /**
   * The requests of one state. The summary and flow go first, with churn (always by month); the other
   * trends wait for the summary's n, so this answers the summary (or fails it) and then collects them.
   */
  async function requests(options: { headlines?: Record<HeadlineName, Headline>; summaryFails?: boolean } = {}): Promise<DashboardRequests> {
    const summaryRequest = pending('/api/indicators/summary');
    const flow = pending('/api/indicators/lifecycle-flow');
    const series = { churn: pending('/api/indicators/churn') } as Record<IndicatorName, TestRequest>;
    // The drivers panel asks at once, as churn does (no buckets to wait for).
    const drivers = pending('/api/indicators/drivers');
    for (const indicator of TRENDS_AFTER_SUMMARY) expect(httpMock.match(`/api/indicators/${indicator}`)).toHaveLength(0);
    if (options.summaryFails) {
      summaryRequest.flush({ message: 'boom' }, { status: 500, statusText: 'Server Error' });
    } else {
      const params = summaryRequest.request.params;
      summaryRequest.flush({
        ...summary({
          from: params.get('from') ?? '',
          to: params.get('to') ?? '',
          previousFrom: '2025-10-03',
          previousTo: '2025-12-31',
          departmentId: params.has('departmentId') ? Number(params.get('departmentId')) : null,
        }),
        ...(options.headlines ? { headlines: options.headlines } : {}),
      });
    }
    await settle();
    for (const indicator of TRENDS_AFTER_SUMMARY) series[indicator] = pending(`/api/indicators/${indicator}`);
    const outreach = pending('/api/indicators/outreach');
    return { summary: summaryRequest, flow, series, drivers, outreach };
  }

  async function openDashboard(
    url: string,
    options: Parameters<typeof requests>[0] & { actions?: ImprovementActionSummary[]; targets?: IndicatorTarget[] } = {},
  ): Promise<DashboardRequests> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, DashboardPageComponent);
    httpMock.expectOne('/api/departments').flush(DEPARTMENTS);
    httpMock.expectOne('/api/survey-templates').flush(TEMPLATES);
    httpMock.expectOne('/api/improvement-actions').flush({ items: options.actions ?? [] });
    httpMock.expectOne('/api/indicator-targets').flush({ items: options.targets ?? [] });
    await settle();
    return requests(options);
  }

  /** Answers the rest of a state's requests: the flow and empty series (the summary is answered). */
  async function answer(sent: DashboardRequests, flow: LifecycleFlow = FLOW): Promise<void> {
    sent.flow.flush(flow);
    for (const indicator of INDICATOR_NAMES) sent.series[indicator].flush(emptySeries(indicator, sent.series[indicator]));
    sent.drivers.flush(emptyDrivers(sent.drivers));
    sent.outreach.flush({ from: '', to: '', departmentId: null, channels: [] });
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  const root = () => harness.routeNativeElement as HTMLElement;
  const el = <T extends HTMLElement>(id: string, within: ParentNode = root()): T => {
    const found = within.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!found) throw new Error(`no element with data-testid="${id}"`);
    return found;
  };
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const headline = (name: HeadlineName) => el(`headline-${name}`);

  it('asks for the period and department in the URL: summary, flow, and each series in its buckets', async () => {
    const sent = await openDashboard('/dashboard?period=custom&from=2026-01-01&to=2026-03-31&departmentId=2');

    expect(sent.summary.request.urlWithParams).toBe('/api/indicators/summary?from=2026-01-01&to=2026-03-31&departmentId=2');
    expect(sent.flow.request.urlWithParams).toBe('/api/indicators/lifecycle-flow?from=2026-01-01&to=2026-03-31&departmentId=2');
    // 90 days could show weeks, but 120 waits, 7 answers and 50 calls over 14 weeks are small
    // samples each: by month, as churn always is (month cohorts).
    const period = 'from=2026-01-01&to=2026-03-31&departmentId=2';
    expect(sent.series['wait-time'].request.urlWithParams).toBe(`/api/indicators/wait-time?${period}&groupBy=month`);
    expect(sent.series.satisfaction.request.urlWithParams).toBe(`/api/indicators/satisfaction?${period}&groupBy=month`);
    expect(sent.series.churn.request.urlWithParams).toBe(`/api/indicators/churn?${period}&groupBy=month`);
    expect(sent.series['follow-up'].request.urlWithParams).toBe(`/api/indicators/follow-up?${period}&groupBy=month`);
    expect(sent.drivers.request.urlWithParams).toBe(`/api/indicators/drivers?${period}`);
    expect(sent.outreach.request.urlWithParams).toBe(`/api/indicators/outreach?${period}`);
    await answer(sent);
    expect(el('panel-drivers').querySelectorAll('[data-testid=chart-no-data]')).toHaveLength(3);

    expect(el<HTMLInputElement>('period-from').value).toBe('01/01/2026'); // shown the English way; the URL keeps YYYY-MM-DD
    expect(el<HTMLInputElement>('period-to').value).toBe('03/31/2026'); // shown the English way; the URL keeps YYYY-MM-DD
    expect(el('period-custom').classList).toContain('mat-button-toggle-checked');
    expect(el('period-30d').classList).not.toContain('mat-button-toggle-checked');
    expect(text(el('department-filter'))).toBe('Surgery');
    expect(text(el('compared-with'))).toBe('2026-01-01 – 2026-03-31 · compared with 2025-10-03 – 2025-12-31');
  });

  it('opens on the last 30 days of all departments, each trend in the buckets its n can carry', async () => {
    const headlines = {
      ...HEADLINES,
      waitMedian: { ...HEADLINES.waitMedian, n: 3000 },
      nps: { ...HEADLINES.nps, n: 90 },
      callbackCompletion: { ...HEADLINES.callbackCompletion, n: 200 },
    };
    const sent = await openDashboard('/dashboard', { headlines });

    expect(sent.summary.request.urlWithParams).toBe('/api/indicators/summary?from=2026-03-02&to=2026-03-31');
    expect(sent.flow.request.urlWithParams).toBe('/api/indicators/lifecycle-flow?from=2026-03-02&to=2026-03-31');
    // 100 waits a day: by day. Three answers a day would swing from -100 to +100: one monthly point.
    // 200 calls over five weeks: 40 a week.
    expect(sent.series['wait-time'].request.params.get('groupBy')).toBe('day');
    expect(sent.series.satisfaction.request.params.get('groupBy')).toBe('month');
    expect(sent.series['follow-up'].request.params.get('groupBy')).toBe('week');
    expect(sent.series.churn.request.params.get('groupBy')).toBe('month');
    await answer(sent);

    expect(el('period-30d').classList).toContain('mat-button-toggle-checked');
    expect(text(el('department-filter'))).toBe('All departments');
  });

  it('puts a chosen period in the URL and asks again for it', async () => {
    await answer(await openDashboard('/dashboard'));

    el('period-year').querySelector('button')?.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/dashboard?period=year');
    const next = await requests();
    // The last 365 days: by month.
    expect(next.summary.request.urlWithParams).toBe('/api/indicators/summary?from=2025-04-01&to=2026-03-31');
    expect(next.series['wait-time'].request.params.get('groupBy')).toBe('month');
    await answer(next);
    expect(el('period-year').classList).toContain('mat-button-toggle-checked');
  });

  it('puts a typed day in the URL as a custom period', async () => {
    await answer(await openDashboard('/dashboard?departmentId=2'));

    const from = el<HTMLInputElement>('period-from');
    from.value = '2026-02-01';
    from.dispatchEvent(new Event('input'));
    from.dispatchEvent(new Event('change'));
    await settle();

    expect(TestBed.inject(Router).url).toBe('/dashboard?period=custom&from=2026-02-01&to=2026-03-31&departmentId=2');
    const next = await requests();
    expect(next.summary.request.urlWithParams).toBe('/api/indicators/summary?from=2026-02-01&to=2026-03-31&departmentId=2');
    await answer(next);
  });

  it('puts a chosen department in the URL, offering active departments only', async () => {
    await answer(await openDashboard('/dashboard?period=quarter'));

    el('department-filter').querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await settle();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map(text)).toEqual(['All departments', 'Surgery', 'Rehabilitation']);
    options[2].click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/dashboard?period=quarter&departmentId=8');
    const next = await requests();
    expect(next.summary.request.urlWithParams).toBe('/api/indicators/summary?from=2026-01-01&to=2026-03-31&departmentId=8');
    await answer(next);
  });

  it('shows each headline with its unit, n, change against the previous period and its tone', async () => {
    await answer(await openDashboard('/dashboard'));

    const wait = headline('waitMedian');
    expect(text(el('headline-value', wait))).toBe('24.0 min');
    expect(text(wait.querySelector('.headline-meta'))).toBe('n = 120');
    const waitChange = el('headline-change', wait);
    expect(text(waitChange)).toBe('▼ -4.5 min');
    expect(waitChange.classList).toContain('good');
    expect(waitChange.classList).not.toContain('bad');
    expect(text(wait.querySelector('.previous'))).toBe('previous period: 28.5 min');
    expect(wait.querySelector('[data-testid="small-sample"]')).toBeNull();

    const churn = headline('churnRate');
    expect(text(el('headline-value', churn))).toBe('12.5%');
    const churnChange = el('headline-change', churn);
    expect(text(churnChange)).toBe('▲ +2.5 pts');
    expect(churnChange.classList).toContain('bad');
    expect(churnChange.classList).not.toContain('good');

    const p90 = el('headline-change', headline('waitP90'));
    expect(text(p90)).toBe('▲ +5.0 min');
    expect(p90.classList).toContain('bad');

    const responseRate = el('headline-change', headline('responseRate'));
    expect(text(responseRate)).toBe('= 0.0 pts');
    expect(responseRate.classList).toContain('neutral');

    // No previous figure: no change to show.
    const completion = headline('callbackCompletion');
    expect(text(el('headline-value', completion))).toBe('91.0%');
    expect(completion.querySelector('[data-testid="headline-change"]')).toBeNull();
    expect(text(completion.querySelector('.previous'))).toBe('previous period: no data');
  });

  it('marks a small sample with its n and does not colour its change', async () => {
    await answer(await openDashboard('/dashboard'));

    const nps = headline('nps');
    expect(nps.classList).toContain('small-sample');
    const marker = el('small-sample', nps);
    expect(marker.getAttribute('title')).toBe('Small sample (n = 7): read with care');
    expect(text(el('headline-value', nps))).toBe('40.0 *');
    expect(text(nps.querySelector('.headline-meta'))).toBe('Small sample (n = 7): read with care');
    const change = el('headline-change', nps);
    expect(text(change)).toBe('▲ +20.0');
    expect(change.classList).toContain('neutral');
    expect(change.classList).not.toContain('good');

    expect(headline('waitMedian').classList).not.toContain('small-sample');
  });

  it('says "No data" for a figure without data, never 0', async () => {
    await answer(await openDashboard('/dashboard'));

    for (const name of ['csat', 'waitOverThreshold'] as const) {
      const card = headline(name);
      const value = el('headline-value', card);
      expect(text(value)).toBe('No data');
      expect(value.classList).toContain('none');
      expect(card.querySelector('[data-testid="small-sample"]')).toBeNull();
      expect(card.querySelector('[data-testid="headline-change"]')).toBeNull();
      expect(text(card.querySelector('.headline-meta'))).toBe('');
    }
    expect(text(headline('csat').querySelector('.previous'))).toBe('previous period: no data');
    expect(text(headline('waitOverThreshold').querySelector('.previous'))).toBe('previous period: 12.5%');
  });

  it('shows the patients by status now and the overdue callbacks', async () => {
    await answer(await openDashboard('/dashboard'));

    expect(text(el('status-count-active'))).toBe('Active: 812');
    expect(text(el('status-count-at_risk'))).toBe('At risk: 64');
    expect(text(el('status-count-lapsed'))).toBe('Lapsed: 37');
    expect(text(el('overdue-callbacks'))).toBe('Overdue callbacks: 5');
  });

  it('says when the headlines could not be loaded and asks again on Retry', async () => {
    // Without the summary's n the trends take the finest buckets of the period.
    const sent = await openDashboard('/dashboard', { summaryFails: true });
    expect(sent.series['wait-time'].request.params.get('groupBy')).toBe('day');
    await answer(sent);

    const alert = root().querySelector('.headlines [role="alert"]');
    expect(text(alert)).toBe('Could not load this figure. Retry');
    expect(root().querySelector('[data-testid="headline-waitMedian"]')).toBeNull();
    expect(root().querySelector('[data-testid="status-counts"]')).toBeNull();

    alert?.querySelector('button')?.click();
    await settle();
    pending('/api/indicators/summary').flush(
      summary({ from: '2026-03-02', to: '2026-03-31', previousFrom: '2026-01-31', previousTo: '2026-03-01', departmentId: null }),
    );
    await settle();
    // Now the n is known: the trends ask again in the buckets it can carry.
    for (const indicator of TRENDS_AFTER_SUMMARY) {
      const again = pending(`/api/indicators/${indicator}`);
      expect(again.request.params.get('groupBy')).toBe('month');
      again.flush(emptySeries(indicator, again));
    }
    await settle();

    expect(root().querySelector('.headlines [role="alert"]')).toBeNull();
    expect(text(el('headline-value', headline('waitMedian')))).toBe('24.0 min');
  });

  it('draws the lifecycle flow, and lists the patients of a band from its table row', async () => {
    await answer(await openDashboard('/dashboard?period=custom&from=2026-01-01&to=2026-03-31&departmentId=2'));

    const flow = el('chart-flow');
    expect(flow.querySelector('[echarts]')).not.toBeNull();
    expect(root().querySelector('[data-testid="drill-down"]')).toBeNull();

    el('chart-view-toggle', flow).click();
    await settle();
    const rows = Array.from(flow.querySelectorAll('tbody tr')).map((row) => Array.from(row.querySelectorAll('th, td')).map(text));
    expect(rows).toEqual([
      ['First visit', 'Treatment', '30', 'patients (30)'],
      ['Treatment', 'Lapsed', '4', 'patients (4)'],
    ]);

    flow.querySelectorAll<HTMLButtonElement>('[data-testid="table-drill"]')[1].click();
    await settle();

    const drill = pending('/api/indicators/lifecycle-flow/patients');
    expect(drill.request.urlWithParams).toBe(
      '/api/indicators/lifecycle-flow/patients?from=2026-01-01&to=2026-03-31&departmentId=2&fromStage=treatment&toStage=lapsed&sort=-on&page=1&pageSize=20',
    );
    drill.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    expect(text(el('drill-down-title'))).toBe('Surgery · 2026-01-01 – 2026-03-31 · Treatment → Lapsed · 4');
    expect(scrollIntoView).toHaveBeenCalled();
    expect(scrollIntoView.mock.contexts[0]).toBe(el('drill-down').closest('hf-drill-down-panel'));

    el('drill-down-close').click();
    await settle();
    expect(root().querySelector('[data-testid="drill-down"]')).toBeNull();
  });

  it('closes the patients list when the period changes', async () => {
    await answer(await openDashboard('/dashboard'));
    const flow = el('chart-flow');
    el('chart-view-toggle', flow).click();
    await settle();
    flow.querySelector<HTMLButtonElement>('[data-testid="table-drill"]')?.click();
    await settle();
    pending('/api/indicators/lifecycle-flow/patients').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    expect(root().querySelector('[data-testid="drill-down"]')).not.toBeNull();

    el('period-quarter').querySelector('button')?.click();
    await settle();

    expect(root().querySelector('[data-testid="drill-down"]')).toBeNull();
    await answer(await requests());
  });

  it('says "No data" for a flow without any stage changes', async () => {
    await answer(await openDashboard('/dashboard'), { ...FLOW, links: [] });

    expect(text(el('chart-no-data', el('chart-flow')))).toBe('No data');
    expect(el('chart-flow').querySelector('[echarts]')).toBeNull();
  });

  it("shows a headline's target for the department viewed (its own, else the hospital's) and whether the figure meets it", async () => {
    const targets = [
      target(1, 'wait_median', null, 'at_most', 20),
      target(2, 'churn_rate', null, 'at_most', 10),
      target(3, 'churn_rate', 2, 'at_most', 15),
      target(4, 'csat', null, 'at_least', 80),
      target(5, 'nps', 8, 'at_least', 50),
    ];
    await answer(await openDashboard('/dashboard?departmentId=2', { targets }));

    // 24.0 min against at most 20: not met.
    const wait = el('headline-target', headline('waitMedian'));
    expect(text(wait)).toBe('Target ≤ 20.0 min not met');
    expect(el('headline-target-state', wait).classList).toContain('not-met');
    // Surgery's own churn target (≤ 15%) rather than the hospital's (≤ 10%): 12.5% meets it.
    const churn = el('headline-target', headline('churnRate'));
    expect(text(churn)).toBe('Target ≤ 15.0% met');
    expect(el('headline-target-state', churn).classList).toContain('met');
    // No CSAT figure: the target, but no verdict on nothing.
    expect(text(el('headline-target', headline('csat')))).toBe('Target ≥ 80.0%');
    expect(headline('csat').querySelector('[data-testid="headline-target-state"]')).toBeNull();
    // Rehabilitation's NPS target is not Surgery's; no target, no line.
    expect(headline('nps').querySelector('[data-testid="headline-target"]')).toBeNull();
  });

  it('lists under each trend the actions it marks: its indicators, the department viewed or the hospital, started in the period', async () => {
    const actions = [
      action(1, 'Online slots for mornings', 'wait_median', 2, '2026-03-10'),
      action(2, 'Communication training', 'nps', null, '2026-03-15'),
      action(3, 'Recall lapsed rehab patients', 'churn_rate', 8, '2026-03-12'),
      action(4, 'Last year', 'wait_over_threshold', 2, '2025-12-01'),
    ];
    await answer(await openDashboard('/dashboard?departmentId=2', { actions }));

    expect(text(el('marked-actions-wait-time'))).toBe('⚑2026-03-10 · Online slots for mornings');
    expect(el('marked-action-1').getAttribute('href')).toBe('/improvement/1');
    expect(text(el('marked-actions-satisfaction'))).toBe('⚑2026-03-15 · Communication training');
    expect(root().querySelector('[data-testid="marked-actions-churn"]')).toBeNull();
    expect(root().querySelector('[data-testid="marked-action-4"]')).toBeNull();
  });

  it('"act on this" opens a new action on the panel\'s indicator, department and period, starting today', async () => {
    await answer(await openDashboard('/dashboard?departmentId=2'));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    el('act-wait-time').click();
    expect(navigate).toHaveBeenLastCalledWith(['/improvement', 'new'], {
      queryParams: { indicator: 'wait_median', departmentId: '2', startDate: '2026-03-31', from: '2026-03-02', to: '2026-03-31' },
    });
    el('act-follow-up').click();
    expect(navigate).toHaveBeenLastCalledWith(['/improvement', 'new'], {
      queryParams: { indicator: 'callback_completion', departmentId: '2', startDate: '2026-03-31', from: '2026-03-02', to: '2026-03-31' },
    });
  });

  it('"act on this" on a past period starts the action the day after it', async () => {
    await answer(await openDashboard('/dashboard?period=custom&from=2026-01-01&to=2026-01-31'));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    el('act-churn').click();
    expect(navigate).toHaveBeenLastCalledWith(['/improvement', 'new'], {
      queryParams: { indicator: 'churn_rate', startDate: '2026-02-01', from: '2026-01-01', to: '2026-01-31' },
    });
  });
});
