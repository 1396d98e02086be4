import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { SURVEY_QUESTION_LIMITS, TEMPLATE_NAME_MAX_LENGTH, type SurveyTemplate } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import surveysEn from '../../../public/i18n/surveys/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { VersionEditorDialogComponent, type VersionEditorData } from './version-editor-dialog.component';

const TEMPLATE: SurveyTemplate = {
  id: 1,
  name: { zh: '门诊就诊体验调查', en: 'Outpatient experience survey' },
  publishedVersion: 1,
  versions: [
    {
      id: 1,
      templateId: 1,
      version: 1,
      status: 'published',
      createdAt: '2026-01-05T00:00:00Z',
      publishedAt: '2026-01-05T00:00:00Z',
      responseCount: 1543,
      questions: [
        { id: 'nps', kind: 'nps', required: true, text: { zh: '推荐？', en: 'Recommend?' } },
        {
          id: 'wait_time',
          kind: 'rating',
          dimension: 'wait_time',
          required: true,
          text: { zh: '候诊时间？', en: 'Waiting time?' },
        },
        { id: 'comment', kind: 'text', required: false, text: { zh: '意见？', en: 'Anything else?' } },
      ],
    },
  ],
};

describe('VersionEditorDialogComponent', () => {
  let fixture: ComponentFixture<VersionEditorDialogComponent>;
  let httpMock: HttpTestingController;
  const close = jest.fn();

  beforeEach(async () => {
    close.mockReset();
    await TestBed.configureTestingModule({
      imports: [
        VersionEditorDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'surveys/en': surveysEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { template: TEMPLATE } satisfies VersionEditorData },
        { provide: MatDialogRef, useValue: { close } },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VersionEditorDialogComponent);
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const query = <T extends HTMLElement>(id: string): T | null =>
    document.querySelector(`[data-testid="${id}"]`) as T | null;
  const byTestId = <T extends HTMLElement>(id: string): T => {
    const el = query<T>(id);
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };

  async function click(id: string): Promise<void> {
    byTestId<HTMLButtonElement>(id).click();
    await fixture.whenStable();
  }

  async function type(id: string, value: string): Promise<void> {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function choose(id: string, label: string): Promise<void> {
    byTestId(id).querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => o.textContent?.trim() === label,
    );
    if (!option) throw new Error(`no option ${label}`);
    option.click();
    await fixture.whenStable();
  }

  const save = () => byTestId<HTMLButtonElement>('editor-save');

  it('starts from the latest version, one card per question', () => {
    expect(fixture.nativeElement.textContent).toContain('Outpatient experience survey · new version v2');
    expect(byTestId<HTMLInputElement>('editor-question-0-id').value).toBe('nps');
    expect(byTestId<HTMLInputElement>('editor-question-1-id').value).toBe('wait_time');
    expect(byTestId<HTMLTextAreaElement>('editor-question-2-en').value).toBe('Anything else?');
    expect(query('editor-question-3')).toBeNull();
    expect(save().disabled).toBe(false);
    expect(query('editor-problems')).toBeNull();
  });

  it('keeps Save disabled and says why while a rating question has no dimension', async () => {
    await click('editor-add-question');
    expect(query('editor-question-3')).not.toBeNull();
    expect(save().disabled).toBe(true);

    await type('editor-question-3-id', 'staff');
    await type('editor-question-3-zh', '工作人员态度如何？');
    await type('editor-question-3-en', 'How friendly were the staff?');
    expect(save().disabled).toBe(false);

    await choose('editor-question-3-kind', 'Dimension rating');
    expect(save().disabled).toBe(true);
    expect(byTestId('editor-question-3-problems').textContent).toContain('A rating question needs a service dimension.');
    expect(byTestId('editor-problems').textContent).toContain('1 question(s) need changes before saving.');

    await choose('editor-question-3-dimension', 'Nursing');
    expect(save().disabled).toBe(false);
    expect(query('editor-question-3-problems')).toBeNull();

    await click('editor-save');
    const req = httpMock.expectOne('/api/survey-templates/1/versions');
    expect(req.request.method).toBe('POST');
    expect(req.request.body.questions[3]).toEqual({
      id: 'staff',
      kind: 'rating',
      dimension: 'nursing',
      required: false,
      text: { zh: '工作人员态度如何？', en: 'How friendly were the staff?' },
    });
    const saved = { ...TEMPLATE };
    req.flush(saved);
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('reorders and removes questions before saving', async () => {
    await click('editor-question-2-up');
    await click('editor-question-0-remove');
    expect(byTestId<HTMLInputElement>('editor-question-0-id').value).toBe('comment');
    expect(byTestId<HTMLButtonElement>('editor-question-0-up').disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('editor-question-1-down').disabled).toBe(true);

    await click('editor-save');
    const req = httpMock.expectOne('/api/survey-templates/1/versions');
    expect(req.request.body.questions.map((q: { id: string }) => q.id)).toEqual(['comment', 'wait_time']);
    req.flush(TEMPLATE);
  });

  it("stays open, names the fields of the server's 400 in the user's language and flags their questions", async () => {
    await click('editor-save');
    httpMock
      .expectOne('/api/survey-templates/1/versions')
      .flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: ['questions.1.dimension is required for a rating question', 'questions may hold at most one nps question'],
          code: 'template.questions_invalid',
          params: { fields: ['questions.1.dimension', 'questions'] },
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();

    expect(close).not.toHaveBeenCalled();
    const error = byTestId('editor-error');
    expect(error.textContent).toContain('Please check these questions: dimension, questions');
    expect(error.textContent).not.toContain('is required for a rating question');
    expect(byTestId('editor-question-1').classList).toContain('has-problems');
    expect(save().disabled).toBe(false);
  });

  it('shows a 409 (a draft already exists) the same way', async () => {
    await click('editor-save');
    httpMock
      .expectOne('/api/survey-templates/1/versions')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'this template already has a draft: publish or edit that one', code: 'template.draft_exists' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(byTestId('editor-error').textContent).toContain('This template already has a draft: publish or edit that one');
  });
});

describe('VersionEditorDialogComponent for a new template', () => {
  it("bounds the template's names by the API's name limit, not a question's longer text limit", async () => {
    await TestBed.configureTestingModule({
      imports: [
        VersionEditorDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'surveys/en': surveysEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { template: null } satisfies VersionEditorData },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(VersionEditorDialogComponent);
    await fixture.whenStable();
    const maxLengths = ['editor-name-zh', 'editor-name-en'].map(
      (id) => (fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).maxLength,
    );
    expect(maxLengths).toEqual([TEMPLATE_NAME_MAX_LENGTH, TEMPLATE_NAME_MAX_LENGTH]);
    expect(TEMPLATE_NAME_MAX_LENGTH).toBeLessThan(SURVEY_QUESTION_LIMITS.maxTextLength);
  });
});
