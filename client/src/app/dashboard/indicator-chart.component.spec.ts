import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import en from '../../../public/i18n/en.json';
import dashboardEn from '../../../public/i18n/dashboard/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import type { ChartModel } from './chart-model';
import type { DrillTarget } from './drill-down';
import { IndicatorChartComponent } from './indicator-chart.component';

const MARCH_ALL: DrillTarget = { kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'month', key: '2026-03', segment: 'all', count: 12 };
const MARCH_OVER: DrillTarget = { ...MARCH_ALL, segment: 'over_threshold', count: 3 };
const FEBRUARY_ALL: DrillTarget = { ...MARCH_ALL, key: '2026-02', count: 9 };
const LINK: DrillTarget = { kind: 'flow', fromStage: 'treatment', toStage: 'lapsed', count: 4 };

function model(changes: Partial<ChartModel> = {}): ChartModel {
  return {
    option: { series: [{ type: 'line', data: [24, 31] }, { type: 'bar', data: [9, 12] }] },
    hits: [
      [FEBRUARY_ALL, MARCH_ALL],
      [null, MARCH_OVER],
    ],
    empty: false,
    table: {
      columns: ['Period', 'Visits', 'Median'],
      rows: [
        { label: '2026-02', cells: ['9', '—'], drills: [{ label: 'Visits (9)', target: FEBRUARY_ALL }] },
        {
          label: '2026-03',
          cells: ['12', '24.0 min'],
          drills: [
            { label: 'Visits (12)', target: MARCH_ALL },
            { label: 'Waited over 30 min (3)', target: MARCH_OVER },
          ],
        },
      ],
    },
    ...changes,
  };
}

/** What the fake ECharts instance was given, and its event handlers by name. */
interface FakeChart {
  options: unknown[];
  handlers: Map<string, (event: unknown) => void>;
}

describe('IndicatorChartComponent', () => {
  let fixture: ComponentFixture<IndicatorChartComponent>;
  let charts: FakeChart[];
  let init: jest.Mock;
  let drills: DrillTarget[];
  const originalResizeObserver = window.ResizeObserver;

  beforeEach(async () => {
    // jsdom has no ResizeObserver, which ngx-echarts needs for autoResize.
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
    charts = [];
    // A stand-in for echarts.init: records the options and lets the test fire chart events.
    init = jest.fn(() => {
      const chart: FakeChart = { options: [], handlers: new Map() };
      charts.push(chart);
      return {
        setOption: (option: unknown) => chart.options.push(option),
        on: (name: string, handler: (event: unknown) => void) => chart.handlers.set(name, handler),
        off: (name: string) => chart.handlers.delete(name),
        isDisposed: () => false,
        dispose: () => undefined,
        resize: () => undefined,
        showLoading: () => undefined,
        hideLoading: () => undefined,
      };
    });
    await TestBed.configureTestingModule({
      imports: [
        IndicatorChartComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'dashboard/en': dashboardEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: () => Promise.resolve({ init }) } }],
    }).compileComponents();
    fixture = TestBed.createComponent(IndicatorChartComponent);
    drills = [];
    fixture.componentInstance.drill.subscribe((target) => drills.push(target));
  });

  afterEach(() => {
    window.ResizeObserver = originalResizeObserver;
  });

  async function show(m: ChartModel | null): Promise<void> {
    fixture.componentRef.setInput('model', m);
    fixture.componentRef.setInput('label', 'Wait time');
    await fixture.whenStable();
  }

  /** ngx-echarts creates its chart in a timeout after the view is ready. */
  async function chartReady(): Promise<FakeChart> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(charts).toHaveLength(1);
    return charts[0];
  }

  const query = <T extends Element = HTMLElement>(selector: string) => fixture.nativeElement.querySelector(selector) as T | null;
  const all = (selector: string) => Array.from(fixture.nativeElement.querySelectorAll(selector)) as HTMLElement[];
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

  it('says "No data" for an empty model and draws no chart', async () => {
    await show(model({ empty: true }));
    await new Promise((resolve) => setTimeout(resolve));

    expect(text(query('[data-testid="chart-no-data"]'))).toBe('No data');
    expect(query('[echarts]')).toBeNull();
    expect(query('table')).toBeNull();
    expect(query('[data-testid="chart-view-toggle"]')).toBeNull();
    expect(init).not.toHaveBeenCalled();
  });

  it('draws the model with the SVG renderer, labelled for assistive technology', async () => {
    const m = model();
    await show(m);
    const chart = await chartReady();

    expect(query('[data-testid="chart-no-data"]')).toBeNull();
    const element = query('[echarts]');
    expect(element?.getAttribute('role')).toBe('img');
    expect(element?.getAttribute('aria-label')).toBe('Wait time');
    expect(init).toHaveBeenCalledTimes(1);
    expect(init.mock.calls[0][0]).toBe(element);
    expect(init.mock.calls[0][2]).toEqual({ renderer: 'svg' });
    expect(chart.options).toEqual([m.option]);
  });

  it('shows the figures as a table with a button per drill-down, and back as a chart', async () => {
    await show(model());
    const toggle = query<HTMLButtonElement>('[data-testid="chart-view-toggle"]');
    expect(text(toggle)).toBe('View as table');

    toggle?.click();
    await fixture.whenStable();

    expect(query('[echarts]')).toBeNull();
    expect(query('table')?.getAttribute('aria-label')).toBe('Wait time');
    const headers = all('thead th').map(text);
    expect(headers).toEqual(['Period', 'Visits', 'Median', 'Patients behind the figure']);
    const rows = all('tbody tr').map((row) => Array.from(row.querySelectorAll('th, td')).map(text));
    expect(rows).toEqual([
      ['2026-02', '9', '—', 'Visits (9)'],
      ['2026-03', '12', '24.0 min', 'Visits (12) Waited over 30 min (3)'],
    ]);
    expect(text(toggle)).toBe('View as chart');

    const buttons = all('[data-testid="table-drill"]');
    expect(buttons.map(text)).toEqual(['Visits (9)', 'Visits (12)', 'Waited over 30 min (3)']);
    buttons[2].click();
    expect(drills).toEqual([MARCH_OVER]);

    toggle?.click();
    await fixture.whenStable();
    expect(query('table')).toBeNull();
    expect(query('[echarts]')).not.toBeNull();
  });

  it('asks for the rows behind a clicked data item: hits[seriesIndex][dataIndex]', async () => {
    await show(model());
    const chart = await chartReady();
    const click = chart.handlers.get('click');
    expect(click).toBeDefined();

    click?.({ componentType: 'series', seriesIndex: 1, dataIndex: 1, dataType: undefined });
    click?.({ componentType: 'series', seriesIndex: 0, dataIndex: 0, dataType: undefined });
    // No series index (a single-series chart): the first series.
    click?.({ componentType: 'series', dataIndex: 1 });

    expect(drills).toEqual([MARCH_OVER, FEBRUARY_ALL, MARCH_ALL]);
  });

  it('ignores clicks on items with nothing to list and on Sankey nodes', async () => {
    await show(model({ hits: [[LINK, LINK]] }));
    const chart = await chartReady();
    const click = chart.handlers.get('click');

    // A node of the Sankey shares its indexes with the links: never a drill-down.
    click?.({ componentType: 'series', seriesIndex: 0, dataIndex: 0, dataType: 'node' });
    expect(drills).toEqual([]);
    // A link (edge) lists its patients.
    click?.({ componentType: 'series', seriesIndex: 0, dataIndex: 1, dataType: 'edge' });
    expect(drills).toEqual([LINK]);

    await show(model());
    // A bucket without rows (null hit) and indexes beyond the hits.
    click?.({ componentType: 'series', seriesIndex: 1, dataIndex: 0 });
    click?.({ componentType: 'series', seriesIndex: 5, dataIndex: 0 });
    click?.({ componentType: 'series', seriesIndex: 0, dataIndex: 7 });
    expect(drills).toEqual([LINK]);
  });

  it('says when the figures could not be loaded and offers a retry', async () => {
    let retries = 0;
    fixture.componentInstance.retry.subscribe(() => retries++);
    fixture.componentRef.setInput('failed', true);
    await show(model());

    const alert = query('[role="alert"]');
    expect(text(alert)).toBe('Could not load this figure. Retry');
    expect(query('[echarts]')).toBeNull();
    expect(query('[data-testid="chart-view-toggle"]')).toBeNull();

    alert?.querySelector('button')?.click();
    expect(retries).toBe(1);
  });

  it('shows a progress bar while loading, over the figures already shown', async () => {
    await show(model({ empty: true }));
    expect(query('mat-progress-bar')).toBeNull();

    fixture.componentRef.setInput('loading', true);
    await fixture.whenStable();
    expect(query('mat-progress-bar')).not.toBeNull();
    expect(query('[data-testid="chart-no-data"]')).not.toBeNull();
  });
});
