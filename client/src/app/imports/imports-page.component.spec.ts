import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { IMPORT_UPLOAD_MAX_BYTES, type ImportJob, type ImportSummary, type ImportUpload } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { ImportDrafts } from './import-drafts';
import { ImportsPageComponent } from './imports-page.component';
import { MappingStepComponent } from './mapping-step.component';

const SUMMARY: ImportSummary = {
  patients: { created: 2, updated: 1, unchanged: 0, failed: 1 },
  encounters: { created: 3, updated: 0, unchanged: 0, failed: 2 },
  skippedByType: {},
  unmappedDepartments: [],
  errorCount: 2,
};

function job(status: ImportJob['status'], changes: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 9,
    format: 'csv',
    fileName: '门诊2025.csv',
    mappingName: null,
    status,
    startedBy: { id: 1, username: 'admin' },
    createdAt: '2026-11-30T08:00:00.000Z',
    finishedAt: status === 'done' ? '2026-11-30T08:01:00.000Z' : null,
    bytesDone: 0,
    bytesTotal: 1000,
    rowsDone: 0,
    summary: null,
    ...changes,
  };
}

const UPLOAD: ImportUpload = {
  job: job('uploaded'),
  encoding: 'gb18030',
  columns: ['病历号', '姓名', '手机', '就诊号', '科室', '签到时间'],
  sampleRows: [['P1', '张三', '13800138000', 'V1', '内科', '2025-01-02 08:00']],
  suggestedMapping: { patientNumber: '病历号', phone: '手机', visitNumber: '就诊号', department: '科室' },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ImportsPageComponent', () => {
  let fixture: ComponentFixture<ImportsPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        ImportsPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([{ path: 'imports/:id', children: [] }]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(id: string | undefined): Promise<void> {
    fixture = TestBed.createComponent(ImportsPageComponent);
    fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush({ items: [], total: 0, page: 1, pageSize: 20 });
  }

  const text = (testId: string) => (fixture.nativeElement.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null)?.textContent?.trim();

  it('resumes a running job from the URL, polls it, and stops once it is done', async () => {
    await open('9');
    http.expectOne('/api/imports/9').flush(job('running', { bytesDone: 250, rowsDone: 40, summary: SUMMARY }));
    await fixture.whenStable();
    expect(text('import-progress-text')).toBe('25% read · 40 rows so far');

    await sleep(1_100);
    http.expectOne('/api/imports/9').flush(job('running', { bytesDone: 500, rowsDone: 80, summary: SUMMARY }));
    await fixture.whenStable();
    expect(text('import-progress-text')).toBe('50% read · 80 rows so far');

    await sleep(1_000);
    http.expectOne('/api/imports/9').flush(job('done', { bytesDone: 1000, rowsDone: 160, summary: SUMMARY }));
    await fixture.whenStable();
    // The history is read again now that the job is over, and the errors of the finished job.
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    http
      .expectOne((r) => r.url === '/api/imports/9/errors')
      .flush({ items: [{ row: 4, field: 'phone', problem: 'bad_phone', value: '1380' }], total: 1, page: 1, pageSize: 20 });
    await fixture.whenStable();

    expect(text('import-job-status')).toBe('Done');
    expect(text('import-count-encounters-created')).toBe('3');
    expect(text('import-count-patients-failed')).toBe('1');
    expect(text('import-row-error')).toContain('Row 4');
    expect(text('import-row-error')).toContain('Not a mobile number');
    expect(fixture.nativeElement.querySelector('[data-testid="import-progress"]')).toBeNull();

    await sleep(1_200);
    http.expectNone('/api/imports/9');
  });

  it('shows the mapping step from the upload: suggested columns, what is still to map, and nothing to start until then', async () => {
    TestBed.inject(ImportDrafts).put({ upload: UPLOAD, file: new File(['x'], '门诊2025.csv') });
    await open('9');
    http.expectOne('/api/imports/9').flush(job('uploaded'));
    await fixture.whenStable();
    http.expectOne('/api/import-mappings').flush([]);
    await fixture.whenStable();

    expect(text('import-missing')).toBe('Still to map: Patient name, Checked in at');
    expect(fixture.nativeElement.querySelector('[data-testid="import-run"]').disabled).toBe(true);
    expect(fixture.nativeElement.querySelector('[data-testid="import-preview"]').disabled).toBe(true);
    expect(text('import-field-phone')).toContain('e.g. 13800138000');
    expect(fixture.nativeElement.querySelectorAll('[data-testid="import-sample-rows"] tbody tr')).toHaveLength(1);
  });

  it('previews the mapping, shows the problems in words, then starts the import with the mapping and its new name', async () => {
    const complete = { ...UPLOAD, suggestedMapping: { ...UPLOAD.suggestedMapping, patientName: '姓名', checkedInAt: '签到时间' } };
    TestBed.inject(ImportDrafts).put({ upload: complete, file: new File(['x'], '门诊2025.csv') });
    await open('9');
    http.expectOne('/api/imports/9').flush(job('uploaded'));
    await fixture.whenStable();
    http.expectOne('/api/import-mappings').flush([]);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="import-missing"]')).toBeNull();

    (fixture.nativeElement.querySelector('[data-testid="import-preview"]') as HTMLButtonElement).click();
    const preview = http.expectOne('/api/imports/9/preview');
    expect(preview.request.body).toEqual({ mapping: complete.suggestedMapping, encoding: 'gb18030' });
    preview.flush({
      rowsChecked: 1000,
      summary: SUMMARY,
      errors: [{ row: 17, field: 'department', problem: 'unknown_department', value: '牙科' }],
    });
    await fixture.whenStable();
    expect(text('import-preview-result')).toContain('Preview of the first 1000 rows');
    const problem = fixture.nativeElement.querySelector('[data-testid="import-row-error"]') as HTMLElement;
    expect([...problem.children].map((c) => c.textContent?.trim())).toEqual(['Row 17', 'Department', 'Unknown department', '牙科']);

    const name = fixture.nativeElement.querySelector('[data-testid="import-save-as"]') as HTMLInputElement;
    name.value = ' 门诊月报 ';
    name.dispatchEvent(new Event('input'));
    (fixture.nativeElement.querySelector('[data-testid="import-run"]') as HTMLButtonElement).click();
    const run = http.expectOne('/api/imports/9/run');
    expect(run.request.body).toEqual({ mapping: complete.suggestedMapping, saveMappingAs: '门诊月报', encoding: 'gb18030' });
    run.flush(job('running', { mappingName: '门诊月报' }));
    await fixture.whenStable();
    // The page follows the started job: it reads it again and the history shows it.
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    http.expectOne('/api/imports/9').flush(job('running', { rowsDone: 5, bytesDone: 100 }));
    await fixture.whenStable();
    expect(text('import-progress-text')).toBe('10% read · 5 rows so far');
    fixture.destroy();
  });

  it('uploads a chosen file (the server tells its format), then goes to the job', async () => {
    await open(undefined);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const input = fixture.nativeElement.querySelector('[data-testid="import-file-input"]') as HTMLInputElement;
    const file = new File(['病历号,姓名\n'], '门诊2025.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    const upload = http.expectOne('/api/imports');
    expect(upload.request.method).toBe('POST');
    const body = upload.request.body as FormData;
    expect(body.get('format')).toBeNull();
    expect((body.get('file') as File).name).toBe('门诊2025.csv');
    upload.flush(UPLOAD);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush({ items: [], total: 0, page: 1, pageSize: 20 });

    expect(navigate).toHaveBeenCalledWith(['/imports', 9]);
    expect(TestBed.inject(ImportDrafts).get(9)?.upload).toEqual(UPLOAD);
  });

  it('starts an NHS FFT feedback file at once (the server knew it by its headers: no mapping), and shows its responses', async () => {
    await open(undefined);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const input = fixture.nativeElement.querySelector('[data-testid="import-file-input"]') as HTMLInputElement;
    const file = new File(['Comment ID,Date,FFT categorical answer,FFT answer\n'], 'nhs_fft_comments.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    const fft = job('uploaded', { format: 'nhs_fft', fileName: 'nhs_fft_comments.csv' });
    http.expectOne('/api/imports').flush({ ...UPLOAD, job: fft, columns: ['Comment ID', 'Date', 'FFT categorical answer', 'FFT answer'], suggestedMapping: {} });
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    const run = http.expectOne('/api/imports/9/run');
    expect(run.request.body).toEqual({});
    const summary: ImportSummary = { ...SUMMARY, patients: { created: 0, updated: 0, unchanged: 0, failed: 0 }, responses: { created: 6341, updated: 0, unchanged: 0, failed: 1 } };
    run.flush({ ...fft, status: 'done', summary });
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(navigate).toHaveBeenCalledWith(['/imports', 9]);
    expect(text('import-count-responses-created')).toBe('6341');
    expect(fixture.nativeElement.querySelector('[data-testid="import-summary-patients"]')).toBeNull();
    // The finished job's error report (and anything else the page reads after) answered empty.
    http.match(() => true).forEach((request) => request.flush({ items: [], total: 0, page: 1, pageSize: 20 }));
  });

  it('reads the file again in the encoding chosen on the server (peek), without uploading it again', async () => {
    const file = new File(['x'], '门诊2025.csv');
    TestBed.inject(ImportDrafts).put({ upload: UPLOAD, file });
    await open('9');
    http.expectOne('/api/imports/9').flush(job('uploaded'));
    await fixture.whenStable();
    http.expectOne('/api/import-mappings').flush([]);
    await fixture.whenStable();

    const step = fixture.debugElement.query(By.directive(MappingStepComponent)).componentInstance as MappingStepComponent;
    step.encodingChange.emit('utf-8');
    const peek = http.expectOne((r) => r.url === '/api/imports/9/peek' && r.method === 'POST');
    expect(peek.request.body).toEqual({ encoding: 'utf-8' });
    http.expectNone((r) => r.url === '/api/imports' && r.method === 'POST');
    peek.flush({ ...UPLOAD, encoding: 'utf-8', columns: ['病历号'] });
    await fixture.whenStable();
    expect(TestBed.inject(ImportDrafts).get(9)?.upload).toMatchObject({ encoding: 'utf-8', columns: ['病历号'] });
  });

  it('does not send a file larger than the server takes, and says so', async () => {
    await open(undefined);
    const input = fixture.nativeElement.querySelector('[data-testid="import-file-input"]') as HTMLInputElement;
    const file = new File(['x'], 'huge.csv');
    Object.defineProperty(file, 'size', { value: IMPORT_UPLOAD_MAX_BYTES + 1 });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    http.expectNone('/api/imports');
    expect(text('import-file-problem')).toBe('The file must not be larger than 1024 MB');
  });

  it('says why a job cannot be shown', async () => {
    await open('12');
    http.expectOne('/api/imports/12').flush({ statusCode: 404, code: 'not_found', message: 'x' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text('import-load-error')).toBe(en.errorCodes['not_found']);
  });
});
