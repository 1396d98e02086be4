import { HttpErrorResponse } from '@angular/common/http';
import { themeFieldsOf } from './theme-form-errors';

function refused(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

describe('themeFieldsOf', () => {
  it('names the form fields of a validation error, element paths folded to their list', () => {
    const { fields, error } = themeFieldsOf(refused(400, { code: 'validation.failed', params: { fields: ['phrasesZh.3', 'nameEn', 'other'] } }));
    expect(fields).toEqual(['phrasesZh', 'nameEn']);
    expect(error.key).toBe('errorCodes.validation.failed');
  });

  it('puts a taken key on the key field', () => {
    expect(themeFieldsOf(refused(409, { code: 'comment_theme.key_taken' })).fields).toEqual(['key']);
  });

  it('names no field for an error about none', () => {
    expect(themeFieldsOf(refused(500, {})).fields).toEqual([]);
  });
});
