import { FormControl } from '@angular/forms';
import { futureDateTime, requiredText } from './call-forms';

describe('call form validators', () => {
  const now = () => Date.parse('2026-11-24T02:00:00Z'); // 10:00 in Shanghai

  it('wants a date-time in the future on the hospital clock', () => {
    const validate = futureDateTime(now);
    expect(validate(new FormControl('2026-11-24T10:01'))).toBeNull();
    expect(validate(new FormControl('2026-11-24T10:00'))).toEqual({ future: true });
    expect(validate(new FormControl('2026-11-23T18:00'))).toEqual({ future: true });
    expect(validate(new FormControl(''))).toEqual({ required: true });
    expect(validate(new FormControl('2026-13-01T09:00'))).toEqual({ dateTime: true });
  });

  it('does not take blanks for a reason', () => {
    expect(requiredText(new FormControl('  '))).toEqual({ required: true });
    expect(requiredText(new FormControl(null))).toEqual({ required: true });
    expect(requiredText(new FormControl(' 出差 '))).toBeNull();
  });
});
