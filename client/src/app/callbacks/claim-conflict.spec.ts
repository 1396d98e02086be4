import { HttpErrorResponse } from '@angular/common/http';
import { claimHolderName, isNoConsentRefusal } from './claim-conflict';

describe('claimHolderName', () => {
  it('names the colleague a callback.claimed answer reports in its params', () => {
    const err = new HttpErrorResponse({
      status: 409,
      error: { message: '赵磊 is working on this callback', code: 'callback.claimed', params: { claimedBy: '赵磊' } },
    });
    expect(claimHolderName(err)).toBe('赵磊');
  });

  it('gives null for other conflicts, other errors and malformed bodies', () => {
    expect(claimHolderName(new HttpErrorResponse({ status: 409, error: { message: 'callback 5 is completed', code: 'callback.closed' } }))).toBeNull();
    expect(claimHolderName(new HttpErrorResponse({ status: 409, error: { code: 'callback.claimed' } }))).toBeNull();
    expect(claimHolderName(new HttpErrorResponse({ status: 409, error: { code: 'callback.claimed', params: { claimedBy: 7 } } }))).toBeNull();
    expect(claimHolderName(new HttpErrorResponse({ status: 409, error: { code: 'conflict', params: { claimedBy: '赵磊' } } }))).toBeNull();
    expect(claimHolderName(new Error('boom'))).toBeNull();
  });
});

describe('isNoConsentRefusal', () => {
  it('recognises the typed refusal of a patient without consent to calls, and nothing else', () => {
    expect(isNoConsentRefusal(new HttpErrorResponse({ status: 409, error: { code: 'callback.no_consent', message: 'x' } }))).toBe(true);
    expect(isNoConsentRefusal(new HttpErrorResponse({ status: 409, error: { code: 'conflict', claimedBy: { displayName: '赵磊' } } }))).toBe(false);
    expect(isNoConsentRefusal(new Error('boom'))).toBe(false);
  });
});
