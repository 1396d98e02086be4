import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage, describeHttpError } from './api-error';

describe('describeHttpError', () => {
  it("keeps the server's message for a conflict", () => {
    const err = new HttpErrorResponse({
      status: 409,
      error: { statusCode: 409, error: 'Conflict', message: 'username already taken' },
    });
    expect(describeHttpError(err)).toEqual({ key: 'errors.conflict', detail: 'username already taken' });
  });

  it('joins a list of validation messages', () => {
    const err = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, error: 'Bad Request', message: ['username must match', 'password too short'] },
    });
    expect(describeHttpError(err)).toEqual({
      key: 'errors.badRequest',
      detail: 'username must match; password too short',
    });
  });

  it('shows no server detail for server errors or network failures', () => {
    expect(describeHttpError(new HttpErrorResponse({ status: 500, error: { message: 'boom' } }))).toEqual({
      key: 'errors.server',
      detail: null,
    });
    expect(describeHttpError(new HttpErrorResponse({ status: 0 }))).toEqual({ key: 'errors.network', detail: null });
  });

  it('treats anything that is not an HTTP error as unexpected', () => {
    expect(describeHttpError(new Error('x'))).toEqual({ key: 'errors.unexpected', detail: null });
  });

  it('reads only string messages', () => {
    expect(apiErrorMessage(null)).toBeNull();
    expect(apiErrorMessage('plain text')).toBeNull();
    expect(apiErrorMessage({ message: 42 })).toBeNull();
    expect(apiErrorMessage({ message: [' ', 7] })).toBeNull();
  });
});
