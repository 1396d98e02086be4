import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ERROR_CODES, errorParamNames } from '@huifang/shared';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { describeHttpError, translateError } from './api-error';

const MESSAGES: Record<'zh' | 'en', Record<string, string>> = { zh: zh.errorCodes, en: en.errorCodes };

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

describe('error code messages', () => {
  it.each(Object.values(ERROR_CODES))('%s has a message in Chinese and English using exactly its declared params', (code) => {
    for (const lang of ['zh', 'en'] as const) {
      const message = MESSAGES[lang][code];
      expect([lang, code, typeof message]).toEqual([lang, code, 'string']);
      expect(message.trim()).not.toBe('');
      expect([lang, code, placeholders(message)]).toEqual([lang, code, [...errorParamNames(code)].sort()]);
    }
  });

  it('has no Latin words in the Chinese messages and field labels', () => {
    const texts = [...Object.values(zh.errorCodes), ...Object.values(zh.errorFields)];
    // File formats, encodings and units (PNG, KB, MB, CSV, Excel, FHIR, UTF-8, GB18030) are written the same in Chinese; any other Latin word is English.
    const latin = texts
      .map((text) => text.replace(/\{\{\s*\w+\s*\}\}/g, '').replace(/\b(PNG|JPEG|KB|MB|CSV|Excel|FHIR|UTF-8|GB18030)\b/g, ''))
      .filter((text) => /[A-Za-z]{2,}/.test(text));
    expect(latin).toEqual([]);
  });

  it('declares no message for a code that does not exist', () => {
    const codes: string[] = Object.values(ERROR_CODES);
    expect(Object.keys(zh.errorCodes).filter((code) => !codes.includes(code))).toEqual([]);
  });
});

describe('translated API errors (transloco resolves the dotted codes)', () => {
  let transloco: TranslocoService;
  const t = (key: string, params?: Record<string, unknown>) => transloco.translate(key, params);
  const failure = (status: number, body: object) => new HttpErrorResponse({ status, error: { statusCode: status, error: 'x', ...body } });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TranslocoTestingModule.forRoot({ langs: { en, zh }, translocoConfig: { ...I18N_CONFIG, defaultLang: 'zh' }, preloadLangs: true })],
    });
    transloco = TestBed.inject(TranslocoService);
  });

  it('fills a code with its params, in Chinese, without the English message', () => {
    const err = failure(409, {
      message: 'a patient with this name and phone is already registered (id 2001)',
      code: 'patient.duplicate',
      params: { existingPatientId: 2001 },
    });
    expect(translateError(t, describeHttpError(err))).toBe('该患者已登记（编号 2001）');
  });

  it('names the fields of a validation error by their labels, and unknown fields as sent', () => {
    const err = failure(400, {
      message: ['phone must be a valid mobile number', 'answers.0.value must be a number', 'foo should not exist'],
      code: 'validation.failed',
      params: { fields: ['phone', 'answers.0.value', 'foo'] },
    });
    expect(translateError(t, describeHttpError(err))).toBe('以下内容填写有误：手机号、取值、foo');
  });

  it('falls back to the status message for an unknown code or none', () => {
    expect(translateError(t, describeHttpError(failure(409, { message: 'x', code: 'no.such_code' })))).toBe(zh.errors.conflict);
    expect(translateError(t, describeHttpError(failure(404, { message: 'x' })))).toBe(zh.errors.notFound);
    expect(translateError(t, describeHttpError(new HttpErrorResponse({ status: 0 })))).toBe(zh.errors.network);
  });

  it('follows the language', () => {
    transloco.setActiveLang('en');
    const err = failure(409, { message: 'x', code: 'survey.too_soon', params: { lastInvitedDay: '2026-11-20', nextAllowedDay: '2026-12-20' } });
    expect(translateError(t, describeHttpError(err))).toBe(
      'The patient was invited on 2026-11-20; the next invitation is possible from 2026-12-20',
    );
  });
});
