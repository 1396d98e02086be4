import { appointmentRule } from './callback-appointments';

describe('appointmentRule', () => {
  it('lets the announcement of an open call go when no later one gave another time', () => {
    expect(appointmentRule('pending', false)).toBeNull();
    expect(appointmentRule('claimed', false)).toBeNull();
  });

  it('stops it once a later reschedule was announced: the patient gets the latest time only', () => {
    expect(appointmentRule('pending', true)).toBe('superseded');
  });

  it.each(['completed', 'failed', 'cancelled', null] as const)('stops it when the call is %s (closed, or gone), announced again or not', (status) => {
    expect(appointmentRule(status, false)).toBe('call_closed');
    expect(appointmentRule(status, true)).toBe('call_closed');
  });
});
