import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUser, DrillDownRow, Page } from '@huifang/shared';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import dashboardEn from '../../../public/i18n/dashboard/en.json';
import { AuthService } from '../auth/auth.service';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import type { ChartContext } from './chart-model';
import type { DashboardState } from './dashboard-state';
import type { DrillTarget } from './drill-down';
import { DrillDownPanelComponent } from './drill-down-panel.component';

const STATE: DashboardState = { period: 'custom', from: '2026-01-01', to: '2026-03-31', departmentId: 2 };

const LAPSED_IN_SURGERY: DrillTarget = {
  kind: 'series',
  templateId: null,
  indicator: 'churn',
  groupBy: 'department',
  key: '2',
  segment: 'lapsed',
  count: 37,
};
const RETAINED_IN_MARCH: DrillTarget = {
  kind: 'series',
  templateId: null,
  indicator: 'churn',
  groupBy: 'month',
  key: '2026-03',
  segment: 'retained',
  count: 12,
};
const TREATMENT_TO_LAPSED: DrillTarget = { kind: 'flow', fromStage: 'treatment', toStage: 'lapsed', count: 4 };

const ROW: DrillDownRow = {
  patientId: 1842,
  patientName: '特磊',
  phoneMasked: '138****5678',
  departmentId: 2,
  departmentName: '外科',
  on: '2026-02-14',
  value: 45,
  refId: 6947,
  stage: 'rehabilitation',
  status: 'lapsed',
};
const ROW_WITHOUT_DEPARTMENT: DrillDownRow = {
  ...ROW,
  patientId: 77,
  patientName: '王芳',
  phoneMasked: '139****0001',
  departmentId: null,
  departmentName: null,
  on: '2026-03-02',
  value: null,
  refId: 7001,
  stage: 'follow_up',
  status: 'at_risk',
};

function page(items: DrillDownRow[], total = items.length, pageNo = 1): Page<DrillDownRow> {
  return { items, total, page: pageNo, pageSize: 20 };
}

describe('DrillDownPanelComponent', () => {
  let fixture: ComponentFixture<DrillDownPanelComponent>;
  let httpMock: HttpTestingController;
  let closed: number;
  const me = signal<AuthUser | null>({ id: 9, username: 'quality', displayName: '质控', role: 'quality_manager' });

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        DrillDownPanelComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'dashboard/en': dashboardEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: me } }],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    const transloco = TestBed.inject(TranslocoService);
    const context: ChartContext = {
      lang: 'en',
      t: (key, params) => transloco.translate(key, params, 'en'),
      departmentNameOf: (id) => ({ 2: 'Surgery', 8: 'Rehabilitation' })[id] ?? `#${id}`,
    };
    fixture = TestBed.createComponent(DrillDownPanelComponent);
    fixture.componentRef.setInput('state', STATE);
    fixture.componentRef.setInput('context', context);
    fixture.componentRef.setInput('departmentName', 'Surgery');
    closed = 0;
    fixture.componentInstance.closed.subscribe(() => closed++);
  });

  afterEach(() => httpMock.verify());

  async function open(target: DrillTarget): Promise<void> {
    fixture.componentRef.setInput('target', target);
    await fixture.whenStable();
  }

  /** The one request on its way (switching target or page cancels an older one). */
  function pending(url: string): TestRequest {
    const requests = httpMock.match((r) => r.url === url).filter((r) => !r.cancelled);
    expect(requests).toHaveLength(1);
    expect(requests[0].request.method).toBe('GET');
    return requests[0];
  }

  async function answer(request: TestRequest, body: Page<DrillDownRow>): Promise<void> {
    request.flush(body);
    await fixture.whenStable();
  }

  const query = <T extends Element = HTMLElement>(selector: string) => fixture.nativeElement.querySelector(selector) as T | null;
  const all = (selector: string) => Array.from(fixture.nativeElement.querySelectorAll(selector)) as HTMLElement[];
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const cells = () => all('[data-testid="drill-down-row"]').map((row) => Array.from(row.querySelectorAll('td')).map(text));

  it('lists the patients behind a point of a series, phones masked, stage and status translated', async () => {
    await open(LAPSED_IN_SURGERY);

    const request = pending('/api/indicators/churn/patients');
    expect(request.request.urlWithParams).toBe(
      '/api/indicators/churn/patients?from=2026-01-01&to=2026-03-31&departmentId=2&groupBy=department&key=2&segment=lapsed&sort=-on&page=1&pageSize=20',
    );
    expect(query('mat-progress-bar')).not.toBeNull();
    await answer(request, page([ROW, ROW_WITHOUT_DEPARTMENT], 37));

    expect(query('mat-progress-bar')).toBeNull();
    // The point's department (grouped by department), the period, the segment and the count.
    expect(text(query('[data-testid="drill-down-title"]'))).toBe('Surgery · 2026-01-01 – 2026-03-31 · Lapsed · 37');
    expect(query('[data-testid="drill-down"]')?.getAttribute('aria-label')).toBe('Surgery · 2026-01-01 – 2026-03-31 · Lapsed · 37');
    expect(all('th').map(text)).toEqual(['Patient', 'Phone', 'Department', 'Day', 'Days overdue', 'Stage', 'Status']);
    expect(cells()).toEqual([
      ['特磊', '138****5678', 'Surgery', '2026-02-14', '45', 'Rehabilitation', 'Lapsed'],
      ['王芳', '139****0001', '—', '2026-03-02', '—', 'Follow-up', 'At risk'],
    ]);
    expect(fixture.nativeElement.textContent).not.toContain('13800005678');
    expect(text(query('.mat-mdc-paginator-range-label'))).toBe('1 – 20 of 37');
  });

  it('pages through the rows, and a new figure starts again on its first page', async () => {
    await open(LAPSED_IN_SURGERY);
    await answer(pending('/api/indicators/churn/patients'), page([ROW], 37));

    query<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await fixture.whenStable();

    const second = pending('/api/indicators/churn/patients');
    expect(second.request.params.get('page')).toBe('2');
    expect(second.request.params.get('pageSize')).toBe('20');
    expect(second.request.params.get('segment')).toBe('lapsed');
    await answer(second, page([ROW_WITHOUT_DEPARTMENT], 37, 2));
    expect(cells().map((row) => row[0])).toEqual(['王芳']);
    expect(text(query('.mat-mdc-paginator-range-label'))).toBe('21 – 37 of 37');

    await open(RETAINED_IN_MARCH);

    // Straight to page 1: never a request (audited on the server) for the new figure's page 2.
    const requests = httpMock.match((r) => r.url === '/api/indicators/churn/patients');
    expect(requests.map((r) => r.request.params.get('page'))).toEqual(['1']);
    const [first] = requests;
    expect(first.request.urlWithParams).toBe(
      '/api/indicators/churn/patients?from=2026-01-01&to=2026-03-31&departmentId=2&groupBy=month&key=2026-03&segment=retained&sort=-on&page=1&pageSize=20',
    );
    await answer(first, page([ROW], 12));
    // The dashboard's department filter, the month, the segment and the count.
    expect(text(query('[data-testid="drill-down-title"]'))).toBe('Surgery · 2026-03 · Returned · 12');
    expect(text(query('.mat-mdc-paginator-range-label'))).toBe('1 – 12 of 12');
  });

  it('lists the patients behind a band of the lifecycle flow', async () => {
    fixture.componentRef.setInput('state', { ...STATE, departmentId: null });
    fixture.componentRef.setInput('departmentName', null);
    await open(TREATMENT_TO_LAPSED);

    const request = pending('/api/indicators/lifecycle-flow/patients');
    expect(request.request.urlWithParams).toBe(
      '/api/indicators/lifecycle-flow/patients?from=2026-01-01&to=2026-03-31&fromStage=treatment&toStage=lapsed&sort=-on&page=1&pageSize=20',
    );
    await answer(request, page([ROW], 24));

    expect(text(query('[data-testid="drill-down-title"]'))).toBe('2026-01-01 – 2026-03-31 · Treatment → Lapsed · 4');
    expect(all('th').map(text)).toContain('Value');
    expect(cells()).toHaveLength(1);

    query<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await fixture.whenStable();
    const second = pending('/api/indicators/lifecycle-flow/patients');
    expect(second.request.urlWithParams).toBe(
      '/api/indicators/lifecycle-flow/patients?from=2026-01-01&to=2026-03-31&fromStage=treatment&toStage=lapsed&sort=-on&page=2&pageSize=20',
    );
    await answer(second, page([ROW_WITHOUT_DEPARTMENT], 24, 2));
    expect(cells().map((row) => row[0])).toEqual(['王芳']);
  });

  it('sorts on a column header server-side, from the first page, and back the other way', async () => {
    await open(LAPSED_IN_SURGERY);
    await answer(pending('/api/indicators/churn/patients'), page([ROW], 37));
    query<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await fixture.whenStable();
    await answer(pending('/api/indicators/churn/patients'), page([ROW], 37, 2));

    query<HTMLElement>('[data-testid="drill-sort-patient"] .mat-sort-header-container')?.click();
    await fixture.whenStable();
    const byName = pending('/api/indicators/churn/patients');
    expect([byName.request.params.get('sort'), byName.request.params.get('page')]).toEqual(['patient', '1']);
    await answer(byName, page([ROW], 37));
    expect(query('[data-testid="drill-sort-patient"]')?.getAttribute('aria-sort')).toBe('ascending');

    query<HTMLElement>('[data-testid="drill-sort-patient"] .mat-sort-header-container')?.click();
    await fixture.whenStable();
    const byNameDown = pending('/api/indicators/churn/patients');
    expect(byNameDown.request.params.get('sort')).toBe('-patient');
    await answer(byNameDown, page([ROW], 37));

    query<HTMLElement>('[data-testid="drill-sort-value"] .mat-sort-header-container')?.click();
    await fixture.whenStable();
    const byValue = pending('/api/indicators/churn/patients');
    expect(byValue.request.params.get('sort')).toBe('value');
    await answer(byValue, page([ROW], 37));
    // The phone is not a column to sort on.
    expect(query('th.mat-column-phone .mat-sort-header-container')).toBeNull();
  });

  it('links each row to the patient', async () => {
    await open(LAPSED_IN_SURGERY);
    await answer(pending('/api/indicators/churn/patients'), page([ROW, ROW_WITHOUT_DEPARTMENT], 2));
    const links = all('[data-testid="drill-down-patient"]') as HTMLAnchorElement[];
    expect(links.map((link) => [text(link), link.getAttribute('href')])).toEqual([
      ['特磊', '/patients/1842'],
      ['王芳', '/patients/77'],
    ]);
  });

  it('exports every row of the figure (not the page) as CSV, in the order shown and the UI language', async () => {
    const createObjectURL = jest.fn<string, [Blob]>(() => 'blob:http://localhost/drill-1');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: jest.fn(), configurable: true, writable: true });
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await open(LAPSED_IN_SURGERY);
    await answer(pending('/api/indicators/churn/patients'), page([ROW], 37));
    query<HTMLElement>('[data-testid="drill-sort-value"] .mat-sort-header-container')?.click();
    await fixture.whenStable();
    await answer(pending('/api/indicators/churn/patients'), page([ROW], 37));

    query<HTMLButtonElement>('[data-testid="drill-down-csv"]')?.click();
    const csv = pending('/api/indicators/churn/patients.csv');
    expect(csv.request.urlWithParams).toBe(
      '/api/indicators/churn/patients.csv?from=2026-01-01&to=2026-03-31&departmentId=2&groupBy=department&key=2&segment=lapsed&sort=value&lang=en',
    );
    const blob = new Blob(['\uFEFFPatient ID\r\n'], { type: 'text/csv' });
    csv.flush(blob);
    await fixture.whenStable();
    expect(createObjectURL.mock.calls[0][0]).toBe(blob);
    expect(downloads).toEqual(['churn-lapsed-2_2026-01-01_2026-03-31.csv']);
    jest.restoreAllMocks();
  });

  it('exports the patients of a flow link the same way', async () => {
    await open(TREATMENT_TO_LAPSED);
    await answer(pending('/api/indicators/lifecycle-flow/patients'), page([ROW], 4));
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    Object.defineProperty(URL, 'createObjectURL', { value: jest.fn(() => 'blob:x'), configurable: true, writable: true });
    query<HTMLButtonElement>('[data-testid="drill-down-csv"]')?.click();
    const csv = pending('/api/indicators/lifecycle-flow/patients.csv');
    expect(csv.request.urlWithParams).toBe(
      '/api/indicators/lifecycle-flow/patients.csv?from=2026-01-01&to=2026-03-31&departmentId=2&fromStage=treatment&toStage=lapsed&sort=-on&lang=en',
    );
    csv.flush(new Blob(['x']));
    await fixture.whenStable();
    jest.restoreAllMocks();
  });

  it('says when there are no patients to list', async () => {
    await open(LAPSED_IN_SURGERY);
    await answer(pending('/api/indicators/churn/patients'), page([], 0));

    expect(text(query('[data-testid="drill-down"] mat-card-content'))).toBe('No patients to list.');
    expect(query('[data-testid="drill-down-rows"]')).toBeNull();
    expect(query('mat-paginator')).toBeNull();
  });

  it('says when the rows could not be loaded', async () => {
    await open(LAPSED_IN_SURGERY);
    pending('/api/indicators/churn/patients').flush({ message: 'boom' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();

    expect(text(query('[role="alert"]'))).toBe('Could not load this figure.');
    expect(query('[data-testid="drill-down-rows"]')).toBeNull();
  });

  it('tells the dashboard when it is closed', async () => {
    await open(LAPSED_IN_SURGERY);
    await answer(pending('/api/indicators/churn/patients'), page([ROW], 1));
    expect(closed).toBe(0);

    const close = query<HTMLButtonElement>('[data-testid="drill-down-close"]');
    expect(text(close)).toBe('Close');
    close?.click();

    expect(closed).toBe(1);
  });

  it('offers "act on this" for rows that make up an indicator, and not for a lifecycle move that is none', async () => {
    let acted = 0;
    fixture.componentInstance.act.subscribe(() => acted++);
    await open(TREATMENT_TO_LAPSED);
    await answer(pending('/api/indicators/lifecycle-flow/patients'), page([ROW]));
    query<HTMLButtonElement>('[data-testid="drill-down-act"]')?.click();
    expect(acted).toBe(1);

    await open({ kind: 'flow', fromStage: 'first_visit', toStage: 'treatment', count: 3 });
    await answer(pending('/api/indicators/lifecycle-flow/patients'), page([ROW]));
    expect(query('[data-testid="drill-down-act"]')).toBeNull();
  });
});
