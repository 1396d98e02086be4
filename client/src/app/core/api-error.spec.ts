import { HttpErrorResponse } from '@angular/common/http';
import { describeHttpError } from './api-error';

describe('describeHttpError', () => {
  it("gives the code's translation key and its params, never the server's message", () => {
    const err = new HttpErrorResponse({
      status: 409,
      error: { statusCode: 409, error: 'Conflict', message: 'username "li" is already taken', code: 'user.username_taken' },
    });
    expect(describeHttpError(err)).toEqual({ key: 'errorCodes.user.username_taken', params: {} });
  });

  it('keeps the field list of a validation error and only showable param values', () => {
    const err = new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        error: 'Bad Request',
        message: ['username must match', 'password too short'],
        code: 'validation.failed',
        params: { fields: ['username', 'password', 7], nested: { a: 1 } },
      },
    });
    expect(describeHttpError(err)).toEqual({ key: 'errorCodes.validation.failed', params: { fields: ['username', 'password'] } });
  });

  it('falls back to the status for an unknown or missing code, and for network failures', () => {
    expect(describeHttpError(new HttpErrorResponse({ status: 409, error: { message: 'x', code: 'made.up' } }))).toEqual({
      key: 'errors.conflict',
      params: {},
    });
    expect(describeHttpError(new HttpErrorResponse({ status: 500, error: { message: 'boom' } }))).toEqual({ key: 'errors.server', params: {} });
    expect(describeHttpError(new HttpErrorResponse({ status: 0 }))).toEqual({ key: 'errors.network', params: {} });
  });

  it('treats anything that is not an HTTP error as unexpected', () => {
    expect(describeHttpError(new Error('x'))).toEqual({ key: 'errors.unexpected', params: {} });
  });
});
