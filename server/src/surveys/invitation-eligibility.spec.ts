import { nextInvitationDay, surveyOffer } from './invitation-eligibility';

const ZONE = 'Asia/Shanghai';

const now = new Date('2026-03-31T02:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('survey offer (consent, then spacing)', () => {
  it('offers the invitation to a patient never invited, or invited longer ago than the spacing', () => {
    expect(surveyOffer({ consentSurveys: null, lastSurveyInvitedAt: null }, now, 30, ZONE)).toEqual({ possible: true });
    expect(surveyOffer({ consentSurveys: true, lastSurveyInvitedAt: daysAgo(30.01) }, now, 30, ZONE)).toEqual({ possible: true });
  });

  it('does not offer it within the spacing, and says from when it is possible', () => {
    expect(surveyOffer({ consentSurveys: true, lastSurveyInvitedAt: daysAgo(29) }, now, 30, ZONE)).toEqual({
      possible: false,
      reason: 'too_soon',
      nextPossibleAt: new Date(now.getTime() + 86_400_000).toISOString(),
      nextAllowedDay: '2026-04-01',
    });
  });

  it("names the next possible day on the hospital's calendar, the day the 409 names", () => {
    // Invited 2026-03-01T20:00Z: already 03-02 in Shanghai, still 03-01 in New York; 30 days on.
    const last = new Date('2026-03-01T20:00:00Z');
    const offer = (timeZone: string) => surveyOffer({ consentSurveys: true, lastSurveyInvitedAt: last }, now, 30, timeZone);
    expect(offer('Asia/Shanghai')).toMatchObject({ nextAllowedDay: '2026-04-01' });
    expect(offer('America/New_York')).toMatchObject({ nextAllowedDay: '2026-03-31' });
    expect(nextInvitationDay(last, 30, 'Asia/Shanghai')).toBe('2026-04-01');
  });

  it('never offers it to a patient who declined surveys', () => {
    expect(surveyOffer({ consentSurveys: false, lastSurveyInvitedAt: null }, now, 30, ZONE)).toEqual({
      possible: false,
      reason: 'declined',
      nextPossibleAt: null,
      nextAllowedDay: null,
    });
  });
});
