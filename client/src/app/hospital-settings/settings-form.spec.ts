import { FormControl } from '@angular/forms';
import { HOSPITAL_SETTING_RANGES, type HospitalSettings } from '@huifang/shared';
import { changesFrom, formValueOf, settingValidators } from './settings-form';

const SAVED: HospitalSettings = {
  timeZone: 'Asia/Shanghai',
  returnGraceDays: 30,
  waitThresholdMinutes: 30,
  surveyExpiryDays: 14,
  surveyMinDays: 30,
  claimTimeoutMinutes: 30,
  clvDiscountPercent: 8,
  hospitalName: { zh: '', en: '' },
  logoUrl: null,
};

describe('hospital settings form', () => {
  it('checks each number against the range declared in shared/', () => {
    const { min, max } = HOSPITAL_SETTING_RANGES.waitThresholdMinutes;
    const errors = (value: string | number) => new FormControl(value, settingValidators('waitThresholdMinutes')).errors;
    expect(errors(min)).toBeNull();
    expect(errors(max)).toBeNull();
    expect(errors(max + 1)).toEqual({ max: { max, actual: max + 1 } });
    expect(errors(min - 1)).toEqual({ min: { min, actual: min - 1 } });
    expect(errors('7.5')).toHaveProperty('pattern');
    expect(errors('')).toHaveProperty('required');
  });

  it('sends only what changed (the audit log then shows just those)', () => {
    const value = { ...formValueOf(SAVED), waitThresholdMinutes: '45', nameZh: ' 示例医院 ' };
    expect(changesFrom(value, SAVED)).toEqual({ waitThresholdMinutes: 45, hospitalName: { zh: '示例医院', en: '' } });
    expect(changesFrom(formValueOf(SAVED), SAVED)).toEqual({});
  });
});
