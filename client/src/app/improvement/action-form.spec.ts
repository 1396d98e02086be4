import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { actionFieldsOf, actionRequestOf, emptyActionForm, endAfterStartValidator, improvementDayValidator, indicatorValidator, windowDaysValidator } from './action-form';

describe('the action form', () => {
  it('checks days, indicators and window lengths by the API rules', () => {
    expect(improvementDayValidator(new FormControl<string | null>('2026-02-30'))).toEqual({ date: true });
    expect(improvementDayValidator(new FormControl<string | null>(null))).toBeNull();
    expect(indicatorValidator(new FormControl('dimension:nursing', { nonNullable: true }))).toBeNull();
    expect(indicatorValidator(new FormControl('dimension:food', { nonNullable: true }))).toEqual({ indicator: true });
    const baseline = windowDaysValidator('baselineDays');
    expect(baseline(new FormControl(90))).toBeNull();
    expect(baseline(new FormControl(3))).toEqual({ windowDays: true });
    expect(baseline(new FormControl(30.5))).toEqual({ windowDays: true });
    expect(windowDaysValidator('lagDays')(new FormControl(0))).toBeNull();
  });

  it('refuses an end before the start, on the end field', () => {
    const group = new FormGroup({ startDate: new FormControl<string | null>('2026-03-10'), endDate: new FormControl<string | null>('2026-03-09') });
    endAfterStartValidator(group);
    expect(group.controls.endDate.errors).toEqual({ endBeforeStart: true });
    group.controls.endDate.setValue('2026-03-10');
    endAfterStartValidator(group);
    expect(group.controls.endDate.errors).toBeNull();
  });

  it('sends the fields trimmed, with the DOMAIN.md windows by default', () => {
    const value = { ...emptyActionForm(7), title: '  Online slots ', indicator: 'wait_median' as const, startDate: '2026-03-31' };
    expect(actionRequestOf(value)).toEqual({
      title: 'Online slots',
      description: '',
      departmentId: null,
      ownerUserId: 7,
      indicator: 'wait_median',
      betterDirection: 'lower',
      startDate: '2026-03-31',
      endDate: null,
      status: 'planned',
      baselineDays: 90,
      lagDays: 30,
      followUpDays: 90,
    });
  });

  it('puts a refused save under the field its code or its `fields` name', () => {
    const refused = (error: object) => new HttpErrorResponse({ status: 400, error });
    expect(actionFieldsOf(refused({ code: 'improvement.end_before_start' })).fields).toEqual(['endDate']);
    expect(actionFieldsOf(refused({ code: 'improvement.unknown_owner' })).fields).toEqual(['ownerUserId']);
    expect(actionFieldsOf(refused({ code: 'validation.failed', params: { fields: ['title', 'lagDays', 'nope'] } })).fields).toEqual(['title', 'lagDays']);
  });
});
