import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import {
  HEADLINE_NAMES,
  type Headline,
  type HeadlineName,
  type ImprovementActionSummary,
  type IndicatorName,
  type IndicatorSeries,
  type IndicatorTarget,
  type WaitTimePoint,
} from '@huifang/shared';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { provideEchartsCore } from 'ngx-echarts';
import en from '../../../public/i18n/en.json';
import dashboardEn from '../../../public/i18n/dashboard/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import type { ChartContext } from './chart-model';
import type { DashboardState } from './dashboard-state';
import type { DrillTarget } from './drill-down';
import { IndicatorChartComponent } from './indicator-chart.component';
import { SeriesPanelComponent } from './series-panel.component';

/** The last 30 days in Shanghai, surgery only: trends by day. */
const STATE: DashboardState = { period: '30d', from: '2026-03-02', to: '2026-03-31', departmentId: 2 };

const waitPoint = (key: string, n: number, median: number | null): WaitTimePoint => ({
  key,
  n,
  mean: median,
  median,
  p90: median === null ? null : median * 2,
  overThresholdCount: 0,
  overThreshold: median === null ? null : 0,
});

function waitSeries(groupBy: IndicatorSeries['groupBy'], points: WaitTimePoint[]): IndicatorSeries<'wait-time'> {
  return { indicator: 'wait-time', from: STATE.from, to: STATE.to, departmentId: STATE.departmentId, groupBy, templateId: null, points };
}

describe('SeriesPanelComponent', () => {
  let fixture: ComponentFixture<SeriesPanelComponent>;
  let httpMock: HttpTestingController;
  let drills: DrillTarget[];
  const originalResizeObserver = window.ResizeObserver;

  beforeEach(async () => {
    // ngx-echarts needs a ResizeObserver, which jsdom lacks; its chart never initialises here (see below).
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
    await TestBed.configureTestingModule({
      imports: [
        SeriesPanelComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'dashboard/en': dashboardEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // The marked actions link to their pages.
        provideRouter([]),
        // ECharts never loads in jsdom: the charts stay empty elements and the tests read the table view.
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    drills = [];
  });

  afterEach(() => {
    httpMock.verify();
    window.ResizeObserver = originalResizeObserver;
    jest.restoreAllMocks();
  });

  /** The period's headlines, each on `n` (enough by default for daily buckets). */
  const headlinesOn = (n: number) =>
    Object.fromEntries(HEADLINE_NAMES.map((name) => [name, { value: 1, n, previous: null, previousN: 0, change: null }])) as Record<HeadlineName, Headline>;

  async function open(
    indicator: IndicatorName,
    state: DashboardState = STATE,
    headlines: Record<HeadlineName, Headline> | null | undefined = headlinesOn(10_000),
  ): Promise<void> {
    const transloco = TestBed.inject(TranslocoService);
    const context: ChartContext = {
      lang: 'en',
      t: (key, params) => transloco.translate(key, params, 'en'),
      departmentNameOf: (id) => ({ 2: 'Surgery', 8: 'Rehabilitation' })[id] ?? `#${id}`,
    };
    fixture = TestBed.createComponent(SeriesPanelComponent);
    fixture.componentRef.setInput('indicator', indicator);
    fixture.componentRef.setInput('state', state);
    fixture.componentRef.setInput('context', context);
    fixture.componentRef.setInput('headlines', headlines);
    fixture.componentInstance.drill.subscribe((target) => drills.push(target));
    await fixture.whenStable();
  }

  /** The one request for `url` on its way. */
  function pending(url: string): TestRequest {
    const requests = httpMock.match((r) => r.url === url).filter((r) => !r.cancelled);
    expect(requests).toHaveLength(1);
    expect(requests[0].request.method).toBe('GET');
    return requests[0];
  }

  async function answer(request: TestRequest, body: Parameters<TestRequest['flush']>[0]): Promise<void> {
    request.flush(body);
    await fixture.whenStable();
  }

  const query = <T extends Element = HTMLElement>(selector: string) => fixture.nativeElement.querySelector(selector) as T | null;
  const all = (selector: string) => Array.from(fixture.nativeElement.querySelectorAll(selector)) as HTMLElement[];
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => {
    const found = query<T>(`[data-testid="${id}"]`);
    if (!found) throw new Error(`no element with data-testid="${id}"`);
    return found;
  };

  async function chooseGrouping(grouping: 'trend' | 'department', indicator: IndicatorName): Promise<void> {
    byTestId(`grouping-${grouping}-${indicator}`).querySelector('button')?.click();
    await fixture.whenStable();
  }

  async function showTable(): Promise<void> {
    byTestId('chart-view-toggle').click();
    await fixture.whenStable();
  }

  it('asks for the series of the period and department, by day for a month-long period', async () => {
    await open('wait-time');

    const request = pending('/api/indicators/wait-time');
    expect(request.request.urlWithParams).toBe('/api/indicators/wait-time?from=2026-03-02&to=2026-03-31&departmentId=2&groupBy=day');
    await answer(request, waitSeries('day', [waitPoint('2026-03-30', 14, 22), waitPoint('2026-03-31', 0, null)]));

    expect(text(query('mat-card-title'))).toBe('Wait time');
    expect(query('[data-testid="chart-wait-time"] [echarts]')).not.toBeNull();
    await showTable();
    expect(all('tbody th').map(text)).toEqual(['2026-03-30', '2026-03-31']);
    expect(all('tbody tr')[0].querySelectorAll('td')[1].textContent?.trim()).toBe('22.0 min');
  });

  it('groups the trend by what the period\'s n can carry, once the summary says it', async () => {
    // Ninety answers in 30 days: three a day, too few by day or by week; one point for the month.
    await open('satisfaction', STATE, undefined);
    expect(httpMock.match('/api/indicators/satisfaction')).toHaveLength(0);
    fixture.componentRef.setInput('headlines', headlinesOn(90));
    await fixture.whenStable();
    const request = pending('/api/indicators/satisfaction');
    expect(request.request.params.get('groupBy')).toBe('month');
    request.flush({ indicator: 'satisfaction', from: STATE.from, to: STATE.to, departmentId: 2, templateId: null, groupBy: 'month', points: [] });
    await fixture.whenStable();
  });

  it('lets the user choose other buckets, until the period changes', async () => {
    await open('satisfaction', STATE, headlinesOn(90));
    const empty = (groupBy: string) => ({ indicator: 'satisfaction', from: STATE.from, to: STATE.to, departmentId: 2, templateId: null, groupBy, points: [] });
    await answer(pending('/api/indicators/satisfaction'), empty('month'));
    byTestId('buckets-satisfaction').click();
    await fixture.whenStable();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map(text)).toEqual(['Days', 'Weeks', 'Months']);
    (document.querySelector('[data-testid="buckets-option-week"]') as HTMLElement).click();
    await fixture.whenStable();
    const weekly = pending('/api/indicators/satisfaction');
    expect(weekly.request.params.get('groupBy')).toBe('week');
    await answer(weekly, empty('week'));

    // A new period: what its own data carries again.
    fixture.componentRef.setInput('state', { ...STATE, departmentId: 8 });
    await fixture.whenStable();
    const next = pending('/api/indicators/satisfaction');
    expect([next.request.params.get('groupBy'), next.request.params.get('departmentId')]).toEqual(['month', '8']);
    await answer(next, empty('month'));
  });

  it('offers churn no other buckets than its monthly cohorts', async () => {
    await open('churn');
    await answer(pending('/api/indicators/churn'), { indicator: 'churn', from: STATE.from, to: STATE.to, departmentId: 2, groupBy: 'month', points: [] });
    expect(query('[data-testid="buckets-churn"]')).toBeNull();
  });

  it('groups by the finest buckets of the period when the summary failed', async () => {
    await open('follow-up', STATE, null);
    const request = pending('/api/indicators/follow-up');
    expect(request.request.params.get('groupBy')).toBe('day');
    request.flush({ indicator: 'follow-up', from: STATE.from, to: STATE.to, departmentId: 2, templateId: null, groupBy: 'day', points: [] });
    await answer(pending('/api/indicators/outreach'), { from: STATE.from, to: STATE.to, departmentId: 2, channels: [] });
    expect(text(byTestId('outreach-rates-empty'))).toBe('No messages to patients in this period.');
  });

  it('shows under the follow-up calls the messages per channel with their delivery and response rates and n', async () => {
    await open('follow-up');
    await answer(pending('/api/indicators/follow-up'), { indicator: 'follow-up', from: STATE.from, to: STATE.to, departmentId: 2, templateId: null, groupBy: 'day', points: [] });
    const request = pending('/api/indicators/outreach');
    expect(request.request.urlWithParams).toBe('/api/indicators/outreach?from=2026-03-02&to=2026-03-31&departmentId=2');
    const counts = { queued: 0, failedAfterSending: 0, surveyInvitationsSent: 3, surveyInvitationsAnswered: 1 };
    await answer(request, {
      from: STATE.from,
      to: STATE.to,
      departmentId: 2,
      channels: [
        { channel: 'sms', created: 40, sent: 36, delivered: 18, failed: 4, suppressed: 2, ...counts, delivery: { rate: 50, count: 18, n: 36 }, response: { rate: 33.3, count: 1, n: 3 } },
        { channel: 'log', created: 2, sent: 2, delivered: 0, failed: 0, suppressed: 0, ...counts, delivery: { rate: null, count: 0, n: 2 }, response: { rate: null, count: 0, n: 0 } },
      ],
    });
    const sms = byTestId('outreach-rates-sms');
    const cells = (row: HTMLElement) => Array.from(row.children).map((cell) => text(cell));
    expect(cells(sms)).toEqual(['SMS', '40', '36', '4', '2', '50.0% (18 of 36)', '33.3% (1 of 3)']);
    expect(sms.querySelector('[data-testid="outreach-response-rate"]')?.classList).toContain('small');
    expect(cells(byTestId('outreach-rates-log'))).toEqual(['Log only (not delivered)', '2', '2', '0', '0', 'no receipts (n = 2)', '—']);
  });

  it('asks for churn by month cohort whatever the period', async () => {
    await open('churn');

    const request = pending('/api/indicators/churn');
    expect(request.request.urlWithParams).toBe('/api/indicators/churn?from=2026-03-02&to=2026-03-31&departmentId=2&groupBy=month');
    await answer(request, { indicator: 'churn', from: STATE.from, to: STATE.to, departmentId: 2, groupBy: 'month', points: [] });
    expect(text(byTestId('chart-no-data'))).toBe('No data');
  });

  it('narrows satisfaction to a chosen survey template, and offers no choice elsewhere', async () => {
    await open('satisfaction');
    fixture.componentRef.setInput('templates', [{ id: 4, label: 'Rehabilitation follow-up' }]);
    const empty = { indicator: 'satisfaction', from: STATE.from, to: STATE.to, departmentId: 2, groupBy: 'day', points: [] };
    await answer(pending('/api/indicators/satisfaction'), { ...empty, templateId: null });

    byTestId('template-satisfaction').click();
    await fixture.whenStable();
    (document.querySelector('[data-testid="template-option-4"]') as HTMLElement).click();
    await fixture.whenStable();
    const narrowed = pending('/api/indicators/satisfaction');
    expect(narrowed.request.params.get('templateId')).toBe('4');
    await answer(narrowed, { ...empty, templateId: 4 });

    // The CSV is the narrowed series too.
    Object.defineProperty(URL, 'createObjectURL', { value: jest.fn(() => 'blob:csv'), configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: jest.fn(), configurable: true, writable: true });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    byTestId('csv-satisfaction').click();
    const csv = pending('/api/indicators/satisfaction.csv');
    expect(csv.request.params.get('templateId')).toBe('4');
    await answer(csv, new Blob(['\ufeffday']));

    fixture.destroy();
    await open('wait-time');
    expect(query('[data-testid="template-wait-time"]')).toBeNull();
    await answer(pending('/api/indicators/wait-time'), waitSeries('day', []));
  });

  it('asks again by department when the grouping is switched, and back', async () => {
    await open('wait-time');
    await answer(pending('/api/indicators/wait-time'), waitSeries('day', [waitPoint('2026-03-31', 14, 22)]));

    await chooseGrouping('department', 'wait-time');

    const byDepartment = pending('/api/indicators/wait-time');
    expect(byDepartment.request.urlWithParams).toBe(
      '/api/indicators/wait-time?from=2026-03-02&to=2026-03-31&departmentId=2&groupBy=department',
    );
    await answer(byDepartment, waitSeries('department', [waitPoint('2', 30, 18)]));
    await showTable();
    expect(all('thead th').map(text)[0]).toBe('Department');
    expect(all('tbody th').map(text)).toEqual(['Surgery']);

    // The chart's drill-downs reach the dashboard.
    byTestId('table-drill').click();
    expect(drills).toEqual([{ kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'department', key: '2', segment: 'all', count: 30 }]);

    await chooseGrouping('trend', 'wait-time');
    const trend = pending('/api/indicators/wait-time');
    expect(trend.request.params.get('groupBy')).toBe('day');
    await answer(trend, waitSeries('day', []));
  });

  describe('CSV export', () => {
    let createObjectURL: jest.Mock<string, [Blob]>;
    let downloads: { href: string; download: string }[];

    beforeEach(() => {
      // jsdom has no object URLs (and does not download): record what the browser would save.
      createObjectURL = jest.fn<string, [Blob]>(() => 'blob:http://localhost/csv-1');
      Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
      Object.defineProperty(URL, 'revokeObjectURL', { value: jest.fn(), configurable: true, writable: true });
      downloads = [];
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        downloads.push({ href: this.href, download: this.download });
      });
    });

    it('downloads exactly what the chart shows, under a name with the indicator and period', async () => {
      await open('wait-time');
      await answer(pending('/api/indicators/wait-time'), waitSeries('day', []));

      const button = byTestId<HTMLButtonElement>('csv-wait-time');
      expect(text(button)).toBe('Export CSV');
      button.click();
      await fixture.whenStable();

      const request = pending('/api/indicators/wait-time.csv');
      // The server writes the file: its headers in the UI's language.
      expect(request.request.urlWithParams).toBe('/api/indicators/wait-time.csv?from=2026-03-02&to=2026-03-31&departmentId=2&groupBy=day&lang=en');
      expect(request.request.responseType).toBe('blob');
      expect(button.disabled).toBe(true);

      const blob = new Blob(['\uFEFFday,n\n2026-03-31,14\n'], { type: 'text/csv' });
      await answer(request, blob);

      expect(createObjectURL).toHaveBeenCalledTimes(1);
      expect(createObjectURL.mock.calls[0][0]).toBe(blob);
      expect(downloads).toEqual([{ href: 'blob:http://localhost/csv-1', download: 'wait-time_2026-03-02_2026-03-31.csv' }]);
      expect(button.disabled).toBe(false);
    });

    it('names a series by department as such', async () => {
      await open('satisfaction');
      await answer(pending('/api/indicators/satisfaction'), {
        indicator: 'satisfaction',
        from: STATE.from,
        to: STATE.to,
        departmentId: 2,
        groupBy: 'day',
        points: [],
      });
      await chooseGrouping('department', 'satisfaction');
      await answer(pending('/api/indicators/satisfaction'), {
        indicator: 'satisfaction',
        from: STATE.from,
        to: STATE.to,
        departmentId: 2,
        groupBy: 'department',
        points: [],
      });

      byTestId('csv-satisfaction').click();
      await fixture.whenStable();
      const request = pending('/api/indicators/satisfaction.csv');
      expect(request.request.urlWithParams).toBe(
        '/api/indicators/satisfaction.csv?from=2026-03-02&to=2026-03-31&departmentId=2&groupBy=department&lang=en',
      );
      await answer(request, new Blob(['x']));

      expect(downloads.map((d) => d.download)).toEqual(['satisfaction-by-department_2026-03-02_2026-03-31.csv']);
    });

    it('saves nothing when the export fails, and lets it be tried again', async () => {
      await open('follow-up');
      await answer(pending('/api/indicators/follow-up'), {
        indicator: 'follow-up',
        from: STATE.from,
        to: STATE.to,
        departmentId: 2,
        groupBy: 'day',
        points: [],
      });
      await answer(pending('/api/indicators/outreach'), { from: STATE.from, to: STATE.to, departmentId: 2, channels: [] });

      const button = byTestId<HTMLButtonElement>('csv-follow-up');
      button.click();
      await fixture.whenStable();
      pending('/api/indicators/follow-up.csv').flush(new Blob(['{"message":"boom"}']), { status: 500, statusText: 'Server Error' });
      await fixture.whenStable();

      expect(createObjectURL).not.toHaveBeenCalled();
      expect(downloads).toEqual([]);
      expect(button.disabled).toBe(false);

      button.click();
      await fixture.whenStable();
      await answer(pending('/api/indicators/follow-up.csv'), new Blob(['day,n\n']));
      expect(downloads.map((d) => d.download)).toEqual(['follow-up_2026-03-02_2026-03-31.csv']);
    });
  });

  it('says when the series could not be loaded, and asks again on Retry', async () => {
    await open('wait-time');
    pending('/api/indicators/wait-time').flush({ message: 'boom' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();

    const alert = query('[role="alert"]');
    expect(text(alert)).toBe('Could not load this figure. Retry');
    expect(query('[echarts]')).toBeNull();

    const retry = alert?.querySelector('button');
    expect(text(retry ?? null)).toBe('Retry');
    retry?.click();
    await fixture.whenStable();

    const again = pending('/api/indicators/wait-time');
    expect(again.request.urlWithParams).toBe('/api/indicators/wait-time?from=2026-03-02&to=2026-03-31&departmentId=2&groupBy=day');
    await answer(again, waitSeries('day', [waitPoint('2026-03-31', 14, 22)]));
    expect(query('[role="alert"]')).toBeNull();
    expect(query('[echarts]')).not.toBeNull();
  });

  it("marks on its trend the actions of its indicators at their start dates' buckets and draws the department's target; emits \"act on this\"", async () => {
    await open('wait-time');
    const action = (id: number, title: string, indicator: ImprovementActionSummary['indicator'], startDate: string) =>
      ({ id, title, indicator, departmentId: 2, startDate, status: 'in_progress' }) as ImprovementActionSummary;
    fixture.componentRef.setInput('actions', [action(1, 'Online slots', 'wait_median', '2026-03-03'), action(2, 'Training', 'nps', '2026-03-03')]);
    fixture.componentRef.setInput('targets', [{ id: 1, indicator: 'wait_median', departmentId: null, comparator: 'at_most', value: 20 } as IndicatorTarget]);
    let acted = 0;
    fixture.componentInstance.act.subscribe(() => acted++);
    const request = pending('/api/indicators/wait-time');
    await answer(request, {
      indicator: 'wait-time',
      from: STATE.from,
      to: STATE.to,
      departmentId: 2,
      groupBy: 'day',
      templateId: null,
      points: [waitPoint('2026-03-02', 40, 25), waitPoint('2026-03-03', 40, 22)],
    } satisfies IndicatorSeries<'wait-time'>);

    const chart = fixture.debugElement.query(By.directive(IndicatorChartComponent)).componentInstance as IndicatorChartComponent;
    const markLine = (chart.model()?.option as { series: { markLine?: { data: { xAxis?: number; yAxis?: number; name: string }[] } }[] }).series[0].markLine;
    expect(markLine?.data.map((d) => [d.xAxis, d.yAxis, d.name])).toEqual([
      [1, undefined, '2026-03-03 Online slots'],
      [undefined, 20, 'Median wait target ≤ 20.0 min'],
    ]);
    expect(text(byTestId('marked-actions-wait-time'))).toBe('⚑2026-03-03 · Online slots');

    byTestId('act-wait-time').click();
    expect(acted).toBe(1);
  });
});
