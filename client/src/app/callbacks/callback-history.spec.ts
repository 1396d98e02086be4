import { SYSTEM_CALLBACK_REASONS, SYSTEM_CANCEL_REASONS } from '@huifang/shared';
import { isClosed, systemCallbackReasonKey, systemCancelReasonKey } from './callback-history';
import callbacksZh from '../../../public/i18n/callbacks/zh.json';
import zh from '../../../public/i18n/zh.json';

describe('callback history', () => {
  it('tells a closed case from an open one', () => {
    expect(['completed', 'failed', 'cancelled'].every((s) => isClosed(s as never))).toBe(true);
    expect(['pending', 'claimed'].some((s) => isClosed(s as never))).toBe(false);
  });

  it('translates the reasons the server records by itself, and leaves staff-written ones as they are', () => {
    const key = systemCancelReasonKey(SYSTEM_CANCEL_REASONS.consentWithdrawn);
    expect(key).toBe('systemCancelReasons.consentWithdrawn');
    expect(zh.systemCancelReasons.consentWithdrawn).toBe('患者已撤回回访同意');
    expect(systemCancelReasonKey(SYSTEM_CANCEL_REASONS.patientReturned)).toBe('systemCancelReasons.patientReturned');
    expect(systemCancelReasonKey('患者要求改天')).toBeNull();
    expect(systemCancelReasonKey(null)).toBeNull();
  });

  it('translates the reason of a call the server opened because a survey message failed', () => {
    expect(systemCallbackReasonKey(SYSTEM_CALLBACK_REASONS.surveyMessageFailed)).toBe('callbacks.systemReasons.surveyMessageFailed');
    expect(callbacksZh.systemReasons.surveyMessageFailed).toMatch(/无法送达/);
    expect(systemCallbackReasonKey('确认复诊时间')).toBeNull();
  });
});
