import { FormControl } from '@angular/forms';
import type { Patient } from '@huifang/shared';
import {
  birthDateValidator,
  formValueFor,
  mobilePhoneValidator,
  registerRequestFrom,
  updateRequestFrom,
} from './patient-form';

const phoneErrors = (value: string) => mobilePhoneValidator(new FormControl(value));

describe('mobilePhoneValidator', () => {
  it.each(['13800138000', '19912345678', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '008613800138000'])(
    'accepts %p',
    (value) => expect(phoneErrors(value)).toBeNull(),
  );

  it.each(['12800138000', '1380013800', '138001380001', '010-12345678', 'abc', '+1 415 555 0100'])(
    'refuses %p',
    (value) => expect(phoneErrors(value)).toEqual({ mobilePhone: true }),
  );

  it('leaves an empty value to the required validator', () => {
    expect(phoneErrors('')).toBeNull();
  });
});

describe('birthDateValidator', () => {
  const errors = (value: string) => birthDateValidator(() => '2026-03-02')(new FormControl(value));

  it('accepts today and past days, and an empty (optional) value', () => {
    expect(errors('2026-03-02')).toBeNull();
    expect(errors('1980-05-20')).toBeNull();
    expect(errors('1900-01-01')).toBeNull();
    expect(errors('')).toBeNull();
  });

  it('refuses a day in the future', () => {
    expect(errors('2026-03-03')).toEqual({ futureDate: true });
    expect(errors('2030-01-01')).toEqual({ futureDate: true });
  });

  it('refuses days before 1900 and impossible dates', () => {
    expect(errors('1899-12-31')).toEqual({ tooEarly: true });
    expect(errors('2026-02-30')).toEqual({ date: true });
  });
});

describe('request bodies', () => {
  it('registers with trimmed fields, the normalised phone, consent, and no empty optionals', () => {
    expect(
      registerRequestFrom({
        name: ' 王芳 ',
        phone: '+86 138-0013-8000',
        gender: null,
        birthDate: '',
        note: '  ',
        consentCalls: true,
        consentSurveys: false,
        preferredLanguage: null,
      }),
    ).toEqual({ name: '王芳', phone: '13800138000', consent: { followUpCalls: true, surveys: false } });
  });

  it('patches only what changed, clearing with null', () => {
    const patient = {
      id: 7,
      name: '王芳',
      phone: '13800138000',
      gender: 'female',
      birthDate: '1980-05-20',
      note: '青霉素过敏',
      consent: {
        followUpCalls: { granted: true, recordedAt: null, recordedBy: null },
        surveys: { granted: null, recordedAt: null, recordedBy: null },
      },
    } as Patient;
    const value = formValueFor(patient);
    expect(updateRequestFrom(patient, value)).toEqual({});
    expect(updateRequestFrom(patient, { ...value, phone: '139 0000 0000', note: '', birthDate: '' })).toEqual({
      phone: '13900000000',
      note: null,
      birthDate: null,
    });
    expect(updateRequestFrom(patient, { ...value, preferredLanguage: 'en' })).toEqual({ preferredLanguage: 'en' });
  });
});
